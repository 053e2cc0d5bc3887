package org.revflow.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secretariat's pages (prefix {@code revflow.console}).
 *
 * @param operateUrl Camunda Operate's address (e.g. {@code https://camunda.example.org/operate}): a
 *     review's page links to its process instance at {@code operateUrl/processes/{key}}; no link
 *     when empty
 * @param pageSize rows per page of the lists (reviews, notices, people); default 25, at most 200
 */
@ConfigurationProperties("revflow.console")
public record ConsoleProperties(URI operateUrl, Integer pageSize) {

  public static final int MAX_PAGE_SIZE = 200;

  public ConsoleProperties {
    if (operateUrl != null && operateUrl.toString().isBlank()) {
      operateUrl = null;
    }
    pageSize = pageSize == null || pageSize < 1 ? 25 : Math.min(pageSize, MAX_PAGE_SIZE);
  }

  /** The process instance in Operate, or null without an Operate address or an instance. */
  public String operateLink(Long processInstanceKey) {
    if (operateUrl == null || processInstanceKey == null) {
      return null;
    }
    String base = operateUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/processes/"
        + processInstanceKey;
  }
}
