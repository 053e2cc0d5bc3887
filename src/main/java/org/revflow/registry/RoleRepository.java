package org.revflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Permanent representatives and review designations, both kept as history (rows are closed, never
 * deleted).
 */
@Repository
public class RoleRepository {

  private static final String DES_COLUMNS =
      "d.id AS d_id, d.review_id, d.state_code, d.role, d.name_as_designated, "
          + "d.note_verbale_ref, d.received_on, d.valid_from, d.valid_to, d.replaced_by_id, d.end_reason, "
          + PersonRepository.COLUMNS;
  private static final String AT =
      " AND x.valid_from <= ? AND (x.valid_to IS NULL OR x.valid_to > ?)";

  private final JdbcClient jdbc;

  RoleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- reviews (owned by the review feature; read only here)

  public boolean reviewExists(String reviewId) {
    return jdbc.sql("SELECT COUNT(*) FROM review WHERE id = ?")
            .param(reviewId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A State is in a review when it has an active participant row for it. */
  public boolean stateInReview(String reviewId, String stateCode) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM review_participant WHERE review_id = ? AND state_code = ? AND active = TRUE")
            .params(reviewId, stateCode)
            .query(Integer.class)
            .single()
        > 0;
  }

  // ---- permanent representatives

  public Optional<Tenure> permanentRepAt(String stateCode, Instant at) {
    return jdbc.sql(
            "SELECT x.state_code, x.valid_from, x.valid_to, "
                + PersonRepository.COLUMNS
                + " FROM registry_permanent_rep x JOIN registry_person p ON p.id = x.person_id WHERE x.state_code = ?"
                + AT
                + " ORDER BY x.valid_from DESC LIMIT 1")
        .params(stateCode, Db.utc(at), Db.utc(at))
        .query(RoleRepository::mapTenure)
        .optional();
  }

  public List<Tenure> permanentRepHistory(String stateCode) {
    return jdbc.sql(
            "SELECT x.state_code, x.valid_from, x.valid_to, "
                + PersonRepository.COLUMNS
                + " FROM registry_permanent_rep x JOIN registry_person p ON p.id = x.person_id WHERE x.state_code = ?"
                + " ORDER BY x.valid_from, x.id")
        .param(stateCode)
        .query(RoleRepository::mapTenure)
        .list();
  }

  /** The latest start or end of any tenure: a new one may not begin before it. */
  public Optional<Instant> latestPermanentRepChange(String stateCode) {
    return jdbc.sql(
            "SELECT GREATEST(MAX(valid_from), COALESCE(MAX(valid_to), MAX(valid_from))) AS t "
                + "FROM registry_permanent_rep WHERE state_code = ?")
        .param(stateCode)
        .query((rs, i) -> Optional.ofNullable(Db.instant(rs, "t")))
        .single();
  }

  public int closePermanentRep(String stateCode, Instant at, String actor) {
    return jdbc.sql(
            "UPDATE registry_permanent_rep SET valid_to = ?, ended_by = ? WHERE state_code = ? AND valid_to IS NULL")
        .params(Db.utc(at), actor, stateCode)
        .update();
  }

  public void insertPermanentRep(
      String stateCode, long personId, Instant from, Instant now, String actor) {
    jdbc.sql(
            "INSERT INTO registry_permanent_rep (state_code, person_id, valid_from, created_at, created_by) "
                + "VALUES (?, ?, ?, ?, ?)")
        .params(stateCode, personId, Db.utc(from), Db.utc(now), actor)
        .update();
  }

  // ---- designations

  public List<DesignationView> designationsAt(
      String reviewId, String stateCode, RoleKind role, Instant at) {
    return jdbc.sql(
            "SELECT "
                + DES_COLUMNS
                + " FROM registry_designation d JOIN registry_person p ON p.id = d.person_id "
                + "WHERE d.review_id = ? AND d.state_code = ? AND d.role = ?"
                + AT.replace("x.", "d.")
                + " ORDER BY d.valid_from, d.id")
        .params(reviewId, stateCode, role.name(), Db.utc(at), Db.utc(at))
        .query(RoleRepository::mapDesignation)
        .list();
  }

  /** Open (not yet ended) designations of a role; read after the State's lock is held. */
  public List<DesignationView> open(String reviewId, String stateCode, RoleKind role) {
    return jdbc.sql(
            "SELECT "
                + DES_COLUMNS
                + " FROM registry_designation d JOIN registry_person p ON p.id = d.person_id "
                + "WHERE d.review_id = ? AND d.state_code = ? AND d.role = ? AND d.valid_to IS NULL ORDER BY d.valid_from, d.id "
                + "FOR UPDATE")
        .params(reviewId, stateCode, role.name())
        .query(RoleRepository::mapDesignation)
        .list();
  }

  public Optional<DesignationView> designation(long id) {
    return jdbc.sql(
            "SELECT "
                + DES_COLUMNS
                + " FROM registry_designation d JOIN registry_person p ON p.id = d.person_id "
                + "WHERE d.id = ?")
        .param(id)
        .query(RoleRepository::mapDesignation)
        .optional();
  }

  /** History of a review's designations, optionally for one State; oldest first. */
  public List<DesignationView> history(String reviewId, String stateCode) {
    return jdbc.sql(
            "SELECT "
                + DES_COLUMNS
                + " FROM registry_designation d JOIN registry_person p ON p.id = d.person_id "
                + "WHERE d.review_id = ? AND (? IS NULL OR d.state_code = ?) ORDER BY d.state_code, d.role, d.valid_from, d.id")
        .params(reviewId, stateCode, stateCode)
        .query(RoleRepository::mapDesignation)
        .list();
  }

  /**
   * The latest start or end of any designation of this role for the State: a new one may not begin
   * before it.
   */
  public Optional<Instant> latestChange(String reviewId, String stateCode, RoleKind role) {
    return jdbc.sql(
            "SELECT GREATEST(MAX(valid_from), COALESCE(MAX(valid_to), MAX(valid_from))) AS t "
                + "FROM registry_designation WHERE review_id = ? AND state_code = ? AND role = ?")
        .params(reviewId, stateCode, role.name())
        .query((rs, i) -> Optional.ofNullable(Db.instant(rs, "t")))
        .single();
  }

  public long insertDesignation(
      String reviewId,
      String stateCode,
      RoleKind role,
      long personId,
      String nameAsDesignated,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant from,
      Instant now,
      String actor) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO registry_designation (review_id, state_code, role, person_id, name_as_designated, "
                + "note_verbale_ref, received_on, valid_from, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            reviewId,
            stateCode,
            role.name(),
            personId,
            nameAsDesignated,
            noteVerbaleRef,
            receivedOn,
            Db.utc(from),
            Db.utc(now),
            actor)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void closeDesignation(
      long id, Instant at, Long replacedById, String endNoteVerbale, String reason, String actor) {
    jdbc.sql(
            "UPDATE registry_designation SET valid_to = ?, replaced_by_id = ?, end_note_verbale = ?, end_reason = ?, "
                + "ended_by = ? WHERE id = ? AND valid_to IS NULL")
        .params(Db.utc(at), replacedById, endNoteVerbale, reason, actor, id)
        .update();
  }

  public void setReplacedBy(long id, long replacedById) {
    jdbc.sql("UPDATE registry_designation SET replaced_by_id = ? WHERE id = ?")
        .params(replacedById, id)
        .update();
  }

  private static Tenure mapTenure(ResultSet rs, int row) throws SQLException {
    return new Tenure(
        rs.getString("state_code"),
        PersonRepository.map(rs, row),
        Db.instant(rs, "valid_from"),
        Db.instant(rs, "valid_to"));
  }

  private static DesignationView mapDesignation(ResultSet rs, int row) throws SQLException {
    return new DesignationView(
        rs.getLong("d_id"),
        rs.getString("review_id"),
        rs.getString("state_code"),
        RoleKind.valueOf(rs.getString("role")),
        PersonRepository.map(rs, row),
        rs.getString("name_as_designated"),
        rs.getString("note_verbale_ref"),
        rs.getObject("received_on", LocalDate.class),
        Db.instant(rs, "valid_from"),
        Db.instant(rs, "valid_to"),
        rs.getObject("replaced_by_id", Long.class),
        rs.getString("end_reason"));
  }
}
