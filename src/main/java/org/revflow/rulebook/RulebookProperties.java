package org.revflow.rulebook;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where rulebooks come from (prefix {@code revflow.rulebook}).
 *
 * @param location optional directory of extra rulebook files ({@code *.yaml}, {@code *.yml}),
 *     loaded beside the ones shipped in {@code classpath:rulebooks/}; lets the secretariat add a
 *     version without a new release
 * @param defaultName the rulebook new reviews are launched with: a name (its highest version) or an
 *     id such as {@code default@2026.1}
 * @param holidays when set (even empty), replaces every rulebook's list of holidays: a simulation
 *     trying another calendar; unset, each rulebook keeps its own list
 */
@ConfigurationProperties("revflow.rulebook")
public record RulebookProperties(
    Path location, String defaultName, java.util.List<java.time.LocalDate> holidays) {

  public RulebookProperties(Path location, String defaultName) {
    this(location, defaultName, null);
  }

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public RulebookProperties {
    if (defaultName == null || defaultName.isBlank()) {
      defaultName = "default";
    }
  }
}
