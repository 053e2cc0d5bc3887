package org.revflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** States parties ({@code registry_state}). */
@Repository
public class StateRepository {

  private static final String COLUMNS =
      "code, regional_group, draw_group, un_member, party_convention, "
          + "party_trafficking, party_smuggling, party_firearms, instruments_source, instruments_updated_at";

  private final JdbcClient jdbc;

  StateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StateParty> find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM registry_state WHERE code = ?")
        .param(code)
        .query(StateRepository::map)
        .optional();
  }

  public List<StateParty> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM registry_state ORDER BY code")
        .query(StateRepository::map)
        .list();
  }

  /**
   * States once seen committed. A State is never deleted, so a code found once stays known: every
   * registry lookup checks its State, and a notice to three States made six such queries. Only what
   * a read outside a writing transaction saw is kept (a writing one may see its own insert, then
   * roll it back); a code not kept is simply asked again.
   */
  private final Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public boolean exists(String code) {
    if (known.contains(code)) {
      return true;
    }
    boolean found =
        jdbc.sql("SELECT COUNT(*) FROM registry_state WHERE code = ?")
                .param(code)
                .query(Integer.class)
                .single()
            > 0;
    if (found
        && (!TransactionSynchronizationManager.isActualTransactionActive()
            || TransactionSynchronizationManager.isCurrentTransactionReadOnly())) {
      known.add(code);
    }
    return found;
  }

  /** Takes the State's row lock for the rest of the transaction; false if the State is unknown. */
  public boolean lock(String code) {
    return !jdbc.sql("SELECT code FROM registry_state WHERE code = ? FOR UPDATE")
        .param(code)
        .query(String.class)
        .list()
        .isEmpty();
  }

  public void insert(StateParty s, Instant now, String actor, boolean ignoreExisting) {
    jdbc.sql(
            (ignoreExisting ? "INSERT IGNORE" : "INSERT")
                + " INTO registry_state (code, regional_group, draw_group, "
                + "un_member, party_convention, party_trafficking, party_smuggling, party_firearms, instruments_source, "
                + "instruments_updated_at, instruments_updated_by, created_at, created_by, updated_at, updated_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            s.code(),
            name(s.regionalGroup()),
            name(s.drawGroup()),
            s.unMember(),
            s.isPartyTo(Instrument.CONVENTION),
            s.isPartyTo(Instrument.TRAFFICKING_IN_PERSONS),
            s.isPartyTo(Instrument.SMUGGLING_OF_MIGRANTS),
            s.isPartyTo(Instrument.FIREARMS),
            s.instrumentsSource(),
            Db.utc(now),
            actor,
            Db.utc(now),
            actor,
            Db.utc(now),
            actor)
        .update();
  }

  public void updateGroups(
      String code, RegionalGroup group, RegionalGroup drawGroup, Instant now, String actor) {
    jdbc.sql(
            "UPDATE registry_state SET regional_group = ?, draw_group = ?, updated_at = ?, updated_by = ? WHERE code = ?")
        .params(name(group), name(drawGroup), Db.utc(now), actor, code)
        .update();
  }

  public void updateInstruments(
      String code, Set<Instrument> instruments, String source, Instant now, String actor) {
    jdbc.sql(
            "UPDATE registry_state SET party_convention = ?, party_trafficking = ?, party_smuggling = ?, "
                + "party_firearms = ?, instruments_source = ?, instruments_updated_at = ?, instruments_updated_by = ?, "
                + "updated_at = ?, updated_by = ? WHERE code = ?")
        .params(
            instruments.contains(Instrument.CONVENTION),
            instruments.contains(Instrument.TRAFFICKING_IN_PERSONS),
            instruments.contains(Instrument.SMUGGLING_OF_MIGRANTS),
            instruments.contains(Instrument.FIREARMS),
            source,
            Db.utc(now),
            actor,
            Db.utc(now),
            actor,
            code)
        .update();
  }

  /**
   * Applies the example Protocol data only to States whose instruments were never set by anyone.
   */
  public int applyExampleIfDefault(String code, Set<Instrument> instruments, Instant now) {
    return jdbc.sql(
            "UPDATE registry_state SET party_convention = ?, party_trafficking = ?, party_smuggling = ?, "
                + "party_firearms = ?, instruments_source = 'EXAMPLE', instruments_updated_at = ?, "
                + "instruments_updated_by = 'example-file' WHERE code = ? AND instruments_source = 'DEFAULT'")
        .params(
            instruments.contains(Instrument.CONVENTION),
            instruments.contains(Instrument.TRAFFICKING_IN_PERSONS),
            instruments.contains(Instrument.SMUGGLING_OF_MIGRANTS),
            instruments.contains(Instrument.FIREARMS),
            Db.utc(now),
            code)
        .update();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static StateParty map(ResultSet rs, int row) throws SQLException {
    Set<Instrument> instruments = EnumSet.noneOf(Instrument.class);
    if (rs.getBoolean("party_convention")) {
      instruments.add(Instrument.CONVENTION);
    }
    if (rs.getBoolean("party_trafficking")) {
      instruments.add(Instrument.TRAFFICKING_IN_PERSONS);
    }
    if (rs.getBoolean("party_smuggling")) {
      instruments.add(Instrument.SMUGGLING_OF_MIGRANTS);
    }
    if (rs.getBoolean("party_firearms")) {
      instruments.add(Instrument.FIREARMS);
    }
    return new StateParty(
        rs.getString("code"),
        group(rs.getString("regional_group")),
        group(rs.getString("draw_group")),
        rs.getBoolean("un_member"),
        Set.copyOf(instruments),
        rs.getString("instruments_source"),
        Db.instant(rs, "instruments_updated_at"));
  }

  private static RegionalGroup group(String s) {
    return s == null ? null : RegionalGroup.valueOf(s);
  }
}
