package org.revflow.notification;

import java.util.List;

/** One email: its addressee and who is copied. */
public record Envelope(Addressee to, List<Addressee> cc) {}
