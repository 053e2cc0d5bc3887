package org.revflow.registry;

public record ActingFocalPoint(String stateCode, PersonView person, boolean interim, String reason) {}
