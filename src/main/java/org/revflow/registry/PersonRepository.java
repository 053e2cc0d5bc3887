package org.revflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** People ({@code registry_person}), identified by their lower-cased email. */
@Repository
public class PersonRepository {

  static final String COLUMNS =
      "p.id AS p_id, p.name AS p_name, p.email AS p_email, p.language AS p_language, p.time_zone AS p_time_zone";

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PersonView> findByEmail(String normalisedEmail) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM registry_person p WHERE p.email = ?")
        .param(normalisedEmail)
        .query(PersonRepository::map)
        .optional();
  }

  public Optional<PersonView> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM registry_person p WHERE p.id = ?")
        .param(id)
        .query(PersonRepository::map)
        .optional();
  }

  public List<PersonView> list(int limit, int offset) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM registry_person p ORDER BY p.id LIMIT ? OFFSET ?")
        .params(limit, offset)
        .query(PersonRepository::map)
        .list();
  }

  public long insert(Inputs.ValidPerson p, Instant now, String actor) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO registry_person (name, email, language, time_zone, created_at, created_by, updated_at, "
                + "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.name(),
            p.email(),
            p.language().code(),
            p.timeZone() == null ? null : p.timeZone().getId(),
            Db.utc(now),
            actor,
            Db.utc(now),
            actor)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The registered person with this email, or a new one; never changes an existing person. */
  PersonView findOrCreate(Inputs.ValidPerson p, Instant now, String actor) {
    Optional<PersonView> existing = findByEmail(p.email());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return findById(insert(p, now, actor)).orElseThrow();
    } catch (DuplicateKeyException raced) {
      // Another transaction registered the same email a moment ago: its row is the person.
      return findByEmail(p.email()).orElseThrow(() -> raced);
    }
  }

  public void update(long id, Inputs.ValidPerson p, Instant now, String actor) {
    jdbc.sql(
            "UPDATE registry_person SET name = ?, email = ?, language = ?, time_zone = ?, updated_at = ?, "
                + "updated_by = ? WHERE id = ?")
        .params(
            p.name(),
            p.email(),
            p.language().code(),
            p.timeZone() == null ? null : p.timeZone().getId(),
            Db.utc(now),
            actor,
            id)
        .update();
  }

  static PersonView map(ResultSet rs, int row) throws SQLException {
    String zone = rs.getString("p_time_zone");
    return new PersonView(
        rs.getLong("p_id"),
        rs.getString("p_name"),
        rs.getString("p_email"),
        Language.fromCode(rs.getString("p_language")),
        zone == null ? null : ZoneId.of(zone));
  }
}
