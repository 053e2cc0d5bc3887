package org.revflow.registry;

public record PersonInput(String name, String email, String language, String timeZone) {}
