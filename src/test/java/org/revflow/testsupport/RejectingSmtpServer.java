package org.revflow.testsupport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server that refuses the recipients it is told to refuse with "550 no such user",
 * the way a real server rejects a mailbox, and records the recipients of each accepted message.
 * GreenMail accepts every address, so this one is for the "server rejects one addressee" case.
 */
public final class RejectingSmtpServer extends ScriptedSmtpServer {

  private final Set<String> refused;
  private final List<List<String>> accepted = new CopyOnWriteArrayList<>();

  public RejectingSmtpServer(Set<String> refused) {
    super("rejecting-smtp");
    this.refused = refused;
  }

  /** The recipients of every message accepted, one list per message. */
  public List<List<String>> accepted() {
    return accepted;
  }

  @Override
  protected boolean acceptsRecipient(String address) {
    return !refused.contains(address);
  }

  @Override
  protected void received(List<String> recipients, List<String> lines) {
    accepted.add(recipients);
  }
}
