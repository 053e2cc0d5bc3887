package org.revflow.registry;

import java.time.Instant;
import java.util.Set;

/**
 * A State party as registered.
 *
 * @param regionalGroup the UN regional group, null for a State in none (Kiribati)
 * @param drawGroup the group a State without a regional group is drawn with; null otherwise
 * @param instrumentsSource where the instrument data came from: DEFAULT (seeded: Convention only),
 *     EXAMPLE (the shipped example file), API or CSV (secretariat data)
 */
public record StateParty(
    String code,
    RegionalGroup regionalGroup,
    RegionalGroup drawGroup,
    boolean unMember,
    Set<Instrument> instruments,
    String instrumentsSource,
    Instant instrumentsUpdatedAt) {

  /** The group used for the same-group/other-group rules of the draw. */
  public RegionalGroup groupForDraw() {
    return regionalGroup != null ? regionalGroup : drawGroup;
  }

  public boolean isPartyTo(Instrument instrument) {
    return instruments.contains(instrument);
  }
}
