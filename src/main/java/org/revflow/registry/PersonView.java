package org.revflow.registry;

public record PersonView(long id, String name, String email, Language language, java.time.ZoneId timeZone) {}
