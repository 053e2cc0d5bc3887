package org.revflow.registry.draw;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored draw: its audit data (seed, digest of the exact input, solver) and its result.
 *
 * @param parentDrawId the draw this one amends (a redraw), or null
 */
public record DrawView(
    long id,
    Long parentDrawId,
    Integer phase,
    long seed,
    String inputDigest,
    String solver,
    String reason,
    Instant createdAt,
    String createdBy,
    List<DrawResult.Review> reviews,
    Map<String, Integer> load,
    double meanLoad) {}
