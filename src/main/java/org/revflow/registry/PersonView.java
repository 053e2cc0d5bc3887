package org.revflow.registry;

import java.time.ZoneId;

/** A registered person as other features see it; {@code timeZone} is null when not known. */
public record PersonView(long id, String name, String email, Language language, ZoneId timeZone) {}
