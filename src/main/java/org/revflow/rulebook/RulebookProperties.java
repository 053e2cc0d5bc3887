package org.revflow.rulebook;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where rulebooks come from (prefix {@code revflow.rulebook}).
 *
 * @param location optional directory of extra rulebook files ({@code *.yaml}, {@code *.yml}),
 *     loaded beside the ones shipped in {@code classpath:rulebooks/}; lets the secretariat add a
 *     version without a new release
 * @param defaultName the rulebook new reviews are launched with: a name (its highest version) or
 *     an id such as {@code default@2026.1}
 */
@ConfigurationProperties("revflow.rulebook")
public record RulebookProperties(Path location, String defaultName) {

  public RulebookProperties {
    if (defaultName == null || defaultName.isBlank()) {
      defaultName = "default";
    }
  }
}
