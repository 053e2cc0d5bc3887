package org.revflow.registry;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry at a glance, for the secretariat's pages: whole lists read in one statement each,
 * where the per-State lookups of {@link RegistryLookups} would take one per State. Read-only.
 */
@Service
public class RegistryOverview {

  private final JdbcClient jdbc;

  RegistryOverview(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every State's permanent representative at {@code at}, by State; States without one are absent.
   */
  @Transactional(readOnly = true)
  public Map<String, PersonView> permanentRepresentatives(Instant at) {
    Map<String, PersonView> out = new HashMap<>();
    jdbc.sql(
            "SELECT x.state_code, "
                + PersonRepository.COLUMNS
                + " FROM registry_permanent_rep x"
                + " JOIN registry_person p ON p.id = x.person_id"
                + " WHERE x.valid_from <= ? AND (x.valid_to IS NULL OR x.valid_to > ?)")
        .params(Db.utc(at), Db.utc(at))
        .query(
            rs -> {
              out.put(rs.getString("state_code"), PersonRepository.map(rs, 0));
            });
    return out;
  }

  /** A State's focal point in a review at a moment. */
  public record ReviewFocalPoint(
      String reviewId, PersonView person, String noteVerbaleRef, Instant since) {}

  /** The focal points a State has designated, review by review, in force at {@code at}. */
  @Transactional(readOnly = true)
  public List<ReviewFocalPoint> focalPointsOf(String stateCode, Instant at) {
    return jdbc.sql(
            "SELECT x.review_id, x.note_verbale_ref, x.valid_from, "
                + PersonRepository.COLUMNS
                + " FROM registry_designation x JOIN registry_person p ON p.id = x.person_id"
                + " WHERE x.state_code = ? AND x.role = 'FOCAL_POINT'"
                + " AND x.valid_from <= ? AND (x.valid_to IS NULL OR x.valid_to > ?) ORDER BY x.review_id")
        .params(stateCode, Db.utc(at), Db.utc(at))
        .query(
            (rs, i) ->
                new ReviewFocalPoint(
                    rs.getString("review_id"),
                    PersonRepository.map(rs, i),
                    rs.getString("note_verbale_ref"),
                    Db.instant(rs, "valid_from")))
        .list();
  }

  /** How many people the registry holds. */
  @Transactional(readOnly = true)
  public long peopleCount() {
    return jdbc.sql("SELECT COUNT(*) FROM registry_person").query(Long.class).single();
  }
}
