package org.revflow.registry;

/**
 * A person as given in a note verbale, a request or a CSV line; validated by the registry.
 *
 * @param language one of ar, zh, en, fr, ru, es
 * @param timeZone optional IANA time-zone id (e.g. Europe/Vienna)
 */
public record PersonInput(String name, String email, String language, String timeZone) {}
