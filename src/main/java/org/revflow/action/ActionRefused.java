package org.revflow.action;

import org.revflow.registry.Language;

/** An action link that cannot be used now; the page explains it in the person's language. */
class ActionRefused extends RuntimeException {

  final ActionOutcome outcome;
  final Language language;
  final Object[] args;

  ActionRefused(ActionOutcome outcome, Language language, Object... args) {
    super(outcome.name(), null, false, false);
    this.outcome = outcome;
    this.language = language == null ? Language.EN : language;
    this.args = args;
  }
}
