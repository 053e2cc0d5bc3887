package org.revflow.notification.render;

import java.util.Set;

/**
 * The keys {@link NoticeContent#details()} may carry. The list is closed on purpose: a notice must
 * never carry questionnaire content, so an unknown key is an error rather than something to print.
 */
public final class NoticeDetails {

  /** Why a deadline was extended, a review put on hold or a reviewer replaced. Free text, shortened to 500 characters. */
  public static final String REASON = "reason";
  /** Reference of the note verbale or decision behind a change. */
  public static final String REFERENCE = "reference";
  /** Alpha-3 code of the reviewing State that was replaced (REVIEWER_REPLACED). */
  public static final String OLD_STATE = "oldState";
  /** Alpha-3 code of the reviewing State that replaced it (REVIEWER_REPLACED). */
  public static final String NEW_STATE = "newState";
  /**
   * The instrument concerned: a registry {@code Instrument} name (CONVENTION, TRAFFICKING_IN_PERSONS,
   * SMUGGLING_OF_MIGRANTS, FIREARMS) is shown by its name in the reader's language, anything else as given.
   */
  public static final String INSTRUMENT = "instrument";
  /** New deadlines after a resume: {@code STEP=YYYY-MM-DD;STEP=YYYY-MM-DD}, step names as in {@code Step}. */
  public static final String NEW_DATES = "newDates";
  /** 1 for the first escalation, 2 for the next, ... */
  public static final String ESCALATION_NUMBER = "escalationNumber";
  /**
   * The notice's own date (ISO {@code YYYY-MM-DD}), from which days remaining/passed are counted.
   * Without it the renderer uses today in Vienna from its clock; the simulation and the preview set
   * it so that a notice reads the same whenever it is rendered.
   */
  public static final String SENT_ON = "sentOn";

  public static final Set<String> ALLOWED =
      Set.of(REASON, REFERENCE, OLD_STATE, NEW_STATE, INSTRUMENT, NEW_DATES, ESCALATION_NUMBER, SENT_ON);

  private NoticeDetails() {}
}
