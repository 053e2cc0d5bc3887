package org.revflow.registry.draw;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.revflow.registry.Instrument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The audit of draws ({@code registry_draw}, {@code registry_draw_assignment}); rows are never
 * changed.
 */
@Repository
public class DrawRepository {

  /** A draw row without its assignments. */
  public record Stored(
      long id,
      Long parentDrawId,
      Integer phase,
      long seed,
      String inputDigest,
      String inputJson,
      String solver,
      String reason,
      Instant createdAt,
      String createdBy) {}

  private final JdbcClient jdbc;

  DrawRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(
      Long parentDrawId,
      Integer phase,
      long seed,
      String digest,
      String inputJson,
      String solver,
      String reason,
      Instant now,
      String actor,
      DrawResult result) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO registry_draw (parent_draw_id, phase, seed, input_digest, input_json, solver, reason, "
                + "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            parentDrawId,
            phase,
            seed,
            digest,
            inputJson,
            solver,
            reason,
            LocalDateTime.ofInstant(now, ZoneOffset.UTC),
            actor)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (DrawResult.Review review : result.reviews()) {
      for (DrawResult.Reviewer r : review.reviewers()) {
        jdbc.sql(
                "INSERT INTO registry_draw_assignment (draw_id, reviewed_state, reviewer_state, slot, instruments) "
                    + "VALUES (?, ?, ?, ?, ?)")
            .params(
                id,
                review.reviewed(),
                r.state(),
                r.slot().name(),
                String.join(",", r.instruments().stream().sorted().map(Enum::name).toList()))
            .update();
      }
    }
    return id;
  }

  public Optional<Stored> find(long id) {
    return jdbc.sql("SELECT * FROM registry_draw WHERE id = ?")
        .param(id)
        .query(DrawRepository::map)
        .optional();
  }

  public List<Stored> list(int limit) {
    return jdbc.sql("SELECT * FROM registry_draw ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(DrawRepository::map)
        .list();
  }

  /** Reviews of a draw in reviewed-State order, reviewers in slot order. */
  public List<DrawResult.Review> reviews(long drawId) {
    Map<String, List<DrawResult.Reviewer>> byReviewed = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT reviewed_state, reviewer_state, slot, instruments FROM registry_draw_assignment WHERE draw_id = ? "
                + "ORDER BY reviewed_state")
        .param(drawId)
        .query(
            rs -> {
              Set<Instrument> inst = EnumSet.noneOf(Instrument.class);
              Arrays.stream(rs.getString("instruments").split(","))
                  .filter(s -> !s.isBlank())
                  .forEach(s -> inst.add(Instrument.valueOf(s)));
              byReviewed
                  .computeIfAbsent(rs.getString("reviewed_state"), k -> new ArrayList<>())
                  .add(
                      new DrawResult.Reviewer(
                          rs.getString("reviewer_state"),
                          Slot.valueOf(rs.getString("slot")),
                          Set.copyOf(inst)));
            });
    List<DrawResult.Review> reviews = new ArrayList<>();
    byReviewed.forEach(
        (reviewed, reviewers) -> {
          reviewers.sort(java.util.Comparator.comparing(DrawResult.Reviewer::slot));
          reviews.add(new DrawResult.Review(reviewed, List.copyOf(reviewers)));
        });
    return reviews;
  }

  private static Stored map(ResultSet rs, int row) throws SQLException {
    return new Stored(
        rs.getLong("id"),
        rs.getObject("parent_draw_id", Long.class),
        rs.getObject("phase", Integer.class),
        rs.getLong("seed"),
        rs.getString("input_digest"),
        rs.getString("input_json"),
        rs.getString("solver"),
        rs.getString("reason"),
        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("created_by"));
  }
}
