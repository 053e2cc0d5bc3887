package org.revflow.registry;

/** The five UN regional groups. */
public enum RegionalGroup {
  AFRICAN("African Group"),
  ASIA_PACIFIC("Asia-Pacific Group"),
  EASTERN_EUROPEAN("Eastern European Group"),
  LATIN_AMERICAN_AND_CARIBBEAN("Latin American and Caribbean Group"),
  WESTERN_EUROPEAN_AND_OTHERS("Western European and others Group");

  private final String label;

  RegionalGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses the enum name; null or blank means "no group". */
  public static RegionalGroup parseOrNull(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(
          value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalid(
          "unknown regional group '"
              + value
              + "': expected one of "
              + java.util.Arrays.toString(values()));
    }
  }
}
