package org.revflow.notification.render;

import java.util.Set;

/**
 * The keys {@link NoticeContent#details()} may carry. The list is closed on purpose: a notice must
 * never carry questionnaire content, so an unknown key is an error rather than something to print.
 */
public final class NoticeDetails {

  /**
   * Why a deadline was extended, a review put on hold or a reviewer replaced. Free text, shortened
   * to 500 characters.
   */
  public static final String REASON = "reason";

  /** Reference of the note verbale or decision behind a change. */
  public static final String REFERENCE = "reference";

  /** Alpha-3 code of the reviewing State that was replaced (REVIEWER_REPLACED). */
  public static final String OLD_STATE = "oldState";

  /** Alpha-3 code of the reviewing State that replaced it (REVIEWER_REPLACED). */
  public static final String NEW_STATE = "newState";

  /**
   * The instrument concerned: a registry {@code Instrument} name (CONVENTION,
   * TRAFFICKING_IN_PERSONS, SMUGGLING_OF_MIGRANTS, FIREARMS) is shown by its name in the reader's
   * language, anything else as given.
   */
  public static final String INSTRUMENT = "instrument";

  /**
   * New deadlines after a resume: {@code STEP=YYYY-MM-DD;STEP=YYYY-MM-DD}, step names as in {@code
   * Step}.
   */
  public static final String NEW_DATES = "newDates";

  /** 1 for the first escalation, 2 for the next, ... */
  public static final String ESCALATION_NUMBER = "escalationNumber";

  /**
   * The notice's own date (ISO {@code YYYY-MM-DD}), from which days remaining/passed are counted.
   * Without it the renderer uses today in Vienna from its clock; the simulation and the preview set
   * it so that a notice reads the same whenever it is rendered.
   */
  public static final String SENT_ON = "sentOn";

  /**
   * The steps a launch notice announces to its State, with their deadlines, in the same form as
   * {@link #NEW_DATES}: {@code FOCAL_POINT=2027-01-18;EXPERTS=2027-02-01;SAQ=2027-07-04}.
   */
  public static final String STEPS = "steps";

  /**
   * The focal points known when a review is launched, for the network of focal points: {@code
   * AUT=name|email;DEU=name|email} (alpha-3 codes).
   */
  public static final String FOCAL_POINTS = "focalPoints";

  /** The new focal point a network notice introduces: name, email, language code. */
  public static final String PERSON_NAME = "personName";

  public static final String PERSON_EMAIL = "personEmail";
  public static final String PERSON_LANGUAGE = "personLanguage";

  /** Alpha-3 code of the reviewing State that asked for a clarification. */
  public static final String REQUESTED_BY = "requestedBy";

  /**
   * Why a kind is sent, where one kind has several occasions: {@link #VACANCY} (a focal point left
   * without a successor: no deadline), {@link #JOINED} (a launch notice to a State that joins the
   * review as a replacement).
   */
  public static final String OCCASION = "occasion";

  /** The planned launch date of a review waiting for its reviewing States (DRAW_NEEDED). */
  public static final String PLANNED_ON = "plannedOn";

  /** The weekly digest: reviews per stage, {@code STAGE=n;...}. */
  public static final String DIGEST_COUNTS = "digestCounts";

  /**
   * The weekly digest: steps that became overdue that week, {@code reviewId|STEP|STATE|due;...}.
   */
  public static final String DIGEST_OVERDUE = "digestOverdue";

  /** The weekly digest: notices that could not be delivered, a count. */
  public static final String DIGEST_FAILED = "digestFailed";

  /** The weekly digest: reviews waiting for their draw, {@code id;id}. */
  public static final String DIGEST_WAITING = "digestWaiting";

  public static final String VACANCY = "VACANCY";
  public static final String JOINED = "JOINED";

  /** A launch of a State's next phase: its designations carried over, to confirm or replace. */
  public static final String NEXT_PHASE = "NEXT_PHASE";

  public static final Set<String> ALLOWED =
      Set.of(
          REASON,
          REFERENCE,
          OLD_STATE,
          NEW_STATE,
          INSTRUMENT,
          NEW_DATES,
          ESCALATION_NUMBER,
          SENT_ON,
          STEPS,
          FOCAL_POINTS,
          PERSON_NAME,
          PERSON_EMAIL,
          PERSON_LANGUAGE,
          REQUESTED_BY,
          OCCASION,
          PLANNED_ON,
          DIGEST_COUNTS,
          DIGEST_OVERDUE,
          DIGEST_FAILED,
          DIGEST_WAITING);

  private NoticeDetails() {}
}
