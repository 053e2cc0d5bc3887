package org.revflow.registry;

/**
 * Who acts as focal point of a State in a review at a given time.
 *
 * @param interim true when no focal point is designated and the permanent representative acts
 *     (paragraph 18 of the Procedures and rules)
 * @param person null only when the State has neither a designated focal point nor a registered
 *     permanent representative; {@code reason} then says so
 */
public record ActingFocalPoint(
    String stateCode, PersonView person, boolean interim, String reason) {}
