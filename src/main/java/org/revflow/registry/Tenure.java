package org.revflow.registry;

import java.time.Instant;

/**
 * Who held a State's permanent-representative role, over [from, to); {@code to} null while current.
 */
public record Tenure(String stateCode, PersonView person, Instant from, Instant to) {}
