package org.revflow.config;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * RevFlow's own settings (prefix {@code revflow}); every one has an environment override, see the
 * README's configuration table.
 *
 * @param secretariatEmail the secretariat's address: gets copies and the notices of the steps it
 *     acts on
 * @param mailFrom the sender of every notice
 * @param publicBaseUrl where people reach RevFlow; links in emails start with it
 * @param zone the Mechanism's time zone: deadlines are calendar dates there
 */
@Validated
@ConfigurationProperties("revflow")
public record RevFlowProperties(
    @NotBlank @Email String secretariatEmail,
    @NotBlank @Email String mailFrom,
    URI publicBaseUrl,
    ZoneId zone) {

  public RevFlowProperties {
    if (publicBaseUrl == null) {
      publicBaseUrl = URI.create("http://localhost:8080");
    }
    if (zone == null) {
      zone = ZoneId.of("Europe/Vienna");
    }
  }
}
