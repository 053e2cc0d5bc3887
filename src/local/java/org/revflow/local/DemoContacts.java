package org.revflow.local;

import java.time.Clock;
import java.util.Set;
import org.revflow.registry.Language;
import org.revflow.registry.PermanentRepresentativeService;
import org.revflow.registry.PersonInput;
import org.revflow.registry.RegistryLookups;
import org.revflow.registry.StateNames;
import org.revflow.registry.StateParty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The local run only: gives every State a demo Permanent Mission address ({@code pm@fra.example})
 * in a plausible UN language, so that a review launched on a fresh local run sends its notices and
 * a user sees them in the captured mail. Never on the production classpath.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "revflow.local.demo-contacts", havingValue = "true")
class DemoContacts implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);

  private static final Set<String> FRENCH =
      Set.of(
          "FRA", "BEL", "LUX", "MCO", "SEN", "CIV", "MLI", "BFA", "NER", "TCD", "CMR", "GAB", "COG",
          "COD", "BEN", "TGO", "GIN", "HTI", "MDG", "CAF", "BDI", "RWA", "DJI", "COM", "SYC");
  private static final Set<String> SPANISH =
      Set.of(
          "ESP", "MEX", "ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "SLV", "GTM", "HND",
          "NIC", "PAN", "PRY", "PER", "URY", "VEN", "GNQ");
  private static final Set<String> ARABIC =
      Set.of(
          "DZA", "BHR", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "QAT", "SAU",
          "SOM", "SDN", "SYR", "TUN", "ARE", "YEM");
  private static final Set<String> RUSSIAN =
      Set.of("RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB", "TKM", "ARM", "AZE");

  private final RegistryLookups registry;
  private final PermanentRepresentativeService representatives;
  private final StateNames names;
  private final Clock clock;

  DemoContacts(
      RegistryLookups registry,
      PermanentRepresentativeService representatives,
      StateNames names,
      Clock clock) {
    this.registry = registry;
    this.representatives = representatives;
    this.names = names;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = 0;
    for (StateParty state : registry.states()) {
      String code = state.code();
      if (registry.permanentRepresentative(code, clock.instant()).isPresent()) {
        continue;
      }
      Language language = language(code);
      representatives.setPermanentRepresentative(
          code,
          new PersonInput(
              "Permanent Mission of " + names.name(code, Language.EN),
              "pm@" + code.toLowerCase() + ".example",
              language.code(),
              null),
          clock.instant(),
          "local-demo");
      added++;
    }
    log.info("Local run: {} States got a demo Permanent Mission address pm@<code>.example", added);
  }

  private static Language language(String code) {
    if (FRENCH.contains(code)) return Language.FR;
    if (SPANISH.contains(code)) return Language.ES;
    if (ARABIC.contains(code)) return Language.AR;
    if (RUSSIAN.contains(code)) return Language.RU;
    if (code.equals("CHN")) return Language.ZH;
    return Language.EN;
  }
}
