package org.revflow.notification.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.revflow.registry.Language;
import org.revflow.registry.StateNames;

/** A small StateNames for tests, from the JDK's CLDR data (the real one lives in the registry). */
final class CldrStateNames implements StateNames {

  private final Map<String, String> alpha2ByAlpha3 = new HashMap<>();

  CldrStateNames() {
    for (String alpha2 : Locale.getISOCountries()) {
      alpha2ByAlpha3.put(Locale.of("", alpha2).getISO3Country(), alpha2);
    }
  }

  @Override
  public String name(String alpha3, Language language) {
    String alpha2 = alpha2ByAlpha3.get(alpha3);
    return alpha2 == null ? alpha3 : Locale.of("", alpha2).getDisplayCountry(language.locale());
  }
}
