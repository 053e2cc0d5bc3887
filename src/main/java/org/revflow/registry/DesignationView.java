package org.revflow.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One designation of a person to a role for a State in a review, over [validFrom, validTo).
 *
 * @param nameAsDesignated the name as written in the note verbale (the person row may spell it
 *     otherwise)
 * @param replacedById the designation that replaced this one, for a replaced focal point
 */
public record DesignationView(
    long id,
    String reviewId,
    String stateCode,
    RoleKind role,
    PersonView person,
    String nameAsDesignated,
    String noteVerbaleRef,
    LocalDate receivedOn,
    Instant validFrom,
    Instant validTo,
    Long replacedById,
    String endReason) {}
