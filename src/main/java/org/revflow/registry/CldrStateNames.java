package org.revflow.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link StateNames} from the JDK's CLDR locale data: no hand-written name tables. */
@Component
public class CldrStateNames implements StateNames {

  private static final Map<String, String> ALPHA3_TO_ALPHA2 = buildIndex();

  private static Map<String, String> buildIndex() {
    Map<String, String> index = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      index.put(Locale.of("", alpha2).getISO3Country(), alpha2);
    }
    return Map.copyOf(index);
  }

  /** The alpha-2 code of an ISO 3166-1 alpha-3 code the JDK knows. */
  public static Optional<String> alpha2(String alpha3) {
    return alpha3 == null
        ? Optional.empty()
        : Optional.ofNullable(ALPHA3_TO_ALPHA2.get(alpha3.toUpperCase(Locale.ROOT)));
  }

  public static boolean isIsoAlpha3(String alpha3) {
    return alpha2(alpha3).isPresent();
  }

  @Override
  public String name(String alpha3, Language language) {
    return alpha2(alpha3)
        .map(a2 -> Locale.of("", a2).getDisplayCountry(language.locale()))
        .filter(n -> !n.isBlank() && !n.equalsIgnoreCase(alpha3))
        .orElse(alpha3);
  }
}
