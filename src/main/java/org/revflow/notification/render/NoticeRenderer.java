package org.revflow.notification.render;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.Language;
import org.revflow.registry.StateNames;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Turns a notice into a localized email: subject, HTML body, plain-text part and, for deadline
 * notices, an iCalendar part.
 *
 * <p>Wording lives in {@code notices/messages_{lang}.properties}, layout in {@code
 * notices/templates/notice.html} and {@code notice.txt}. Sentences never inflect a State or step
 * name: names stand in nominative position (after a colon or in the facts table), because Arabic
 * and Russian would otherwise need case forms that {@link StateNames} cannot give.
 *
 * <p>Failures are loud: a missing translation, an unknown detail key, a non-http link or a notice
 * lacking what its kind needs is an exception, so the notice job fails and is retried or raises an
 * incident rather than sending a broken or leaking mail.
 */
@Component
public class NoticeRenderer {

  /** The paragraph of the Procedures and rules on the interim focal point. */
  static final String INTERIM_PARAGRAPH = "18";

  static final int MAX_DETAIL_LENGTH = 500;
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private static final Set<NoticeKind> FOCAL_POINT_KINDS =
      EnumSet.of(
          NoticeKind.FOCAL_POINT_REMINDER,
          NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE,
          NoticeKind.INTERIM_FOCAL_POINT_INFO,
          NoticeKind.DESIGNATION_PENDING,
          NoticeKind.FOCAL_POINT_DESIGNATED,
          NoticeKind.FOCAL_POINT_CHANGED,
          NoticeKind.INTERIM_FOCAL_POINT_ENDED);

  /** Kinds whose own text already cites paragraph 18: the interim line would repeat it. */
  private static final Set<NoticeKind> CITE_PARAGRAPH_18 =
      EnumSet.of(
          NoticeKind.FOCAL_POINT_REMINDER,
          NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE,
          NoticeKind.INTERIM_FOCAL_POINT_INFO,
          NoticeKind.DESIGNATION_PENDING,
          NoticeKind.INTERIM_FOCAL_POINT_ENDED);

  private final StateNames stateNames;
  private final MechanismTime time;

  /** iTIP PUBLISH requires an ORGANIZER: the secretariat sets the deadlines. */
  private final URI organizer;

  private final NoticeMessages messages = new NoticeMessages();
  private final SpringTemplateEngine templates = templateEngine();

  public NoticeRenderer(StateNames stateNames, MechanismTime time, RevFlowProperties properties) {
    this.stateNames = stateNames;
    this.time = time;
    this.organizer = URI.create("mailto:" + properties.secretariatEmail());
  }

  public RenderedNotice render(NoticeContent content, Recipient recipient) {
    checkDetails(content.details());
    Language lang = recipient.language();
    NoticeKind kind = content.kind();
    Step step = effectiveStep(content);
    Optional<String> occasion = detail(content, NoticeDetails.OCCASION);
    // A focal point who left without a successor opens no deadline: the PR acts until a
    // designation.
    boolean aboutADeadline =
        kind.aboutADeadline() && !occasion.filter(NoticeDetails.VACANCY::equals).isPresent();
    if (aboutADeadline && content.due() == null) {
      throw new IllegalArgumentException(
          kind + " is about a deadline and needs a due date (review " + content.reviewId() + ")");
    }
    LocalDate sentOn = sentOn(content);
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formattingLocale(lang));

    Map<String, String> args = new HashMap<>();
    args.put("review", singleLine(content.reviewId()));
    args.put("phase", Integer.toString(content.phase()));
    args.put(
        "underReview",
        "-".equals(content.underReview()) ? "-" : state(content.underReview(), lang));
    // The Arabic text numbers resolutions session second ("2/12" is 12/2): the bundles hold the
    // numbers.
    args.put("resolution", messages.raw(lang, "ref.resolution"));
    args.put("proceduresResolution", messages.raw(lang, "ref.proceduresResolution"));
    args.put("paragraph", INTERIM_PARAGRAPH);
    if (step != null) {
      args.put("step", stepName(step, lang));
    }
    if (content.stateCode() != null) {
      args.put("state", state(content.stateCode(), lang));
    }
    if (content.due() != null) {
      args.put("due", dates.format(content.due()));
    }
    if (content.previousDue() != null) {
      args.put("previousDue", dates.format(content.previousDue()));
    }
    detail(content, NoticeDetails.OLD_STATE)
        .ifPresent(code -> args.put("oldState", state(code, lang)));
    detail(content, NoticeDetails.NEW_STATE)
        .ifPresent(code -> args.put("newState", state(code, lang)));
    detail(content, NoticeDetails.REQUESTED_BY)
        .ifPresent(code -> args.put("requestedBy", state(code, lang)));
    detail(content, NoticeDetails.PLANNED_ON)
        .ifPresent(d -> args.put("plannedOn", dates.format(LocalDate.parse(d))));
    args.put("date", dates.format(sentOn));
    Optional<Integer> escalation = escalationNumber(content);
    escalation.ifPresent(n -> args.put("n", Integer.toString(n)));

    String subjectKey = variant(lang, "kind." + kind + ".subject", occasion, step);
    if (kind == NoticeKind.ESCALATION && escalation.isPresent()) {
      subjectKey = "kind.ESCALATION.subject.numbered";
    }
    String prefix = kind == NoticeKind.STATUS_DIGEST ? "subject.prefix.digest" : "subject.prefix";
    String subject =
        singleLine(
            messages.format(lang, prefix, args) + " " + messages.format(lang, subjectKey, args));

    String name = recipient.name() == null ? "" : singleLine(recipient.name());
    String greeting =
        name.isEmpty()
            ? messages.format(lang, "greeting.generic", args)
            : messages.format(lang, "greeting", Map.of("name", name));

    List<String> paragraphs =
        new ArrayList<>(
            paragraphs(
                messages.format(
                    lang, variant(lang, "kind." + kind + ".body", occasion, step), args)));
    if (aboutADeadline) {
      paragraphs.add(timing(lang, content.due(), sentOn));
    }
    if (recipient.role() == RecipientRole.INTERIM_FOCAL_POINT
        && !CITE_PARAGRAPH_18.contains(kind)) {
      paragraphs.add(messages.format(lang, "role.INTERIM_FOCAL_POINT", args));
    }
    if (recipient.role() == RecipientRole.EXPERT
        && kind.aboutADeadline()
        && step != null
        && step.draftedByExperts()) {
      paragraphs.add(messages.format(lang, "role.EXPERT", args));
    }

    boolean digest = kind == NoticeKind.STATUS_DIGEST;
    List<Line> facts =
        digest ? List.of() : facts(content, recipient, step, escalation, dates, args);
    List<Section> sections = new ArrayList<>();
    section(
        sections,
        messages.raw(lang, "newDates.title"),
        stepDates(detail(content, NoticeDetails.NEW_DATES), lang, dates));
    section(
        sections,
        messages.raw(lang, "steps.title"),
        stepDates(detail(content, NoticeDetails.STEPS), lang, dates));
    section(sections, messages.raw(lang, "focalPoints.title"), focalPoints(content, lang));
    if (digest) {
      digestSections(content, lang, dates, sections);
    }
    List<Line> links = new ArrayList<>();
    if (content.actionLink() != null) {
      links.add(new Line(messages.raw(lang, "link.action"), checkLink(content.actionLink())));
    }
    if (content.reviewLink() != null) {
      links.add(new Line(messages.raw(lang, "link.review"), checkLink(content.reviewLink())));
    }
    List<String> footer =
        List.of(
            messages.format(lang, "footer.automated", args),
            messages.format(lang, "footer.confidential", args),
            messages.format(lang, "footer.noreply", args));

    Context context = new Context(formattingLocale(lang));
    context.setVariable("lang", lang.code());
    context.setVariable("dir", lang.rightToLeft() ? "rtl" : "ltr");
    // Physical, not "start": Outlook ignores logical alignment.
    context.setVariable("start", lang.rightToLeft() ? "right" : "left");
    context.setVariable("subject", subject);
    context.setVariable("greeting", greeting);
    context.setVariable("paragraphs", paragraphs);
    context.setVariable("facts", facts);
    context.setVariable("sections", sections);
    context.setVariable("links", links);
    context.setVariable("footer", footer);
    context.setVariable("colon", messages.raw(lang, "punct.colon"));
    String html = templates.process("notice.html", context);
    String text = templates.process("notice.txt", context);

    Optional<RenderedNotice.Attachment> calendar = Optional.empty();
    if (aboutADeadline && content.due() != null) {
      calendar = Optional.of(calendar(content, step, lang, args));
    }
    return new RenderedNotice(subject, html, text, lang, calendar);
  }

  /** One labelled value of the facts table, a new date, or a link. */
  record Line(String label, String value) {}

  /**
   * A titled list under the facts: new deadlines, first steps, focal points, a digest's figures.
   */
  record Section(String title, List<Line> lines) {}

  private static void section(List<Section> sections, String title, List<Line> lines) {
    if (!lines.isEmpty()) {
      sections.add(new Section(title, lines));
    }
  }

  /**
   * The weekly digest's figures: reviews per stage, what became overdue, failures, reviews waiting
   * for a draw.
   */
  private void digestSections(
      NoticeContent content, Language lang, DateTimeFormatter dates, List<Section> sections) {
    List<Line> counts = new ArrayList<>();
    for (String entry : detail(content, NoticeDetails.DIGEST_COUNTS).orElse("").split(";")) {
      String[] kv = entry.split("=", 2);
      if (kv.length == 2) {
        counts.add(new Line(messages.raw(lang, "stage." + kv[0].strip()), kv[1].strip()));
      }
    }
    section(sections, messages.raw(lang, "digest.counts"), counts);
    List<Line> overdue = new ArrayList<>();
    for (String entry : detail(content, NoticeDetails.DIGEST_OVERDUE).orElse("").split(";")) {
      String[] p = entry.split("\\|");
      if (p.length == 4) {
        overdue.add(
            new Line(
                p[0]
                    + " "
                    + capitalize(stepName(Step.valueOf(p[1]), lang))
                    + ("-".equals(p[2]) ? "" : " (" + state(p[2], lang) + ")"),
                dates.format(LocalDate.parse(p[3]))));
      }
    }
    section(sections, messages.raw(lang, "digest.overdue"), overdue);
    List<Line> waiting = new ArrayList<>();
    for (String id : detail(content, NoticeDetails.DIGEST_WAITING).orElse("").split(";")) {
      if (!id.isBlank()) {
        waiting.add(new Line(messages.raw(lang, "fact.review"), id.strip()));
      }
    }
    section(sections, messages.raw(lang, "digest.waiting"), waiting);
    section(
        sections,
        messages.raw(lang, "digest.failed"),
        List.of(
            new Line(
                messages.raw(lang, "digest.failed.count"),
                detail(content, NoticeDetails.DIGEST_FAILED).orElse("0"))));
  }

  /**
   * The most specific text for a kind: its occasion's (a vacancy, a State joining), then its step's
   * (what each opened step asks), then the kind's own.
   */
  private String variant(Language lang, String key, Optional<String> occasion, Step step) {
    if (occasion.isPresent() && messages.has(lang, key + "." + occasion.get())) {
      return key + "." + occasion.get();
    }
    if (step != null && messages.has(lang, key + "." + step)) {
      return key + "." + step;
    }
    return key;
  }

  /** The review's focal points a launch notice lists (the network of focal points), by State. */
  private List<Line> focalPoints(NoticeContent content, Language lang) {
    Optional<String> raw = detail(content, NoticeDetails.FOCAL_POINTS);
    List<Line> lines = new ArrayList<>();
    if (raw.isEmpty()) {
      return lines;
    }
    for (String entry : raw.get().split(";")) {
      String[] parts = entry.split("=", 2);
      String[] person = parts.length == 2 ? parts[1].split("\\|", 2) : new String[0];
      if (person.length != 2) {
        throw new IllegalArgumentException(
            "focalPoints entry '" + entry + "' is not STATE=name|email");
      }
      lines.add(
          new Line(
              state(parts[0].trim(), lang),
              singleLine(person[0]) + " <" + singleLine(person[1]) + ">"));
    }
    return lines;
  }

  private List<Line> facts(
      NoticeContent content,
      Recipient recipient,
      Step step,
      Optional<Integer> escalation,
      DateTimeFormatter dates,
      Map<String, String> args) {
    Language lang = recipient.language();
    List<Line> facts = new ArrayList<>();
    facts.add(fact(lang, "review", args.get("review")));
    facts.add(fact(lang, "underReview", args.get("underReview")));
    facts.add(fact(lang, "phase", args.get("phase")));
    if (step != null) {
      facts.add(fact(lang, "step", capitalize(args.get("step"))));
    }
    if (args.containsKey("state") && !content.stateCode().equals(content.underReview())) {
      facts.add(fact(lang, "state", args.get("state")));
    }
    detail(content, NoticeDetails.INSTRUMENT)
        .ifPresent(
            v ->
                facts.add(
                    fact(
                        lang,
                        "instrument",
                        messages.has(lang, "instrument." + v.strip())
                            ? messages.raw(lang, "instrument." + v.strip())
                            : v)));
    boolean vacancy =
        detail(content, NoticeDetails.OCCASION).filter(NoticeDetails.VACANCY::equals).isPresent();
    if (content.due() != null && vacancy) {
      facts.add(fact(lang, "vacantSince", args.get("due")));
    } else if (content.due() != null) {
      facts.add(
          fact(
              lang,
              "due",
              messages.format(lang, "fact.due.value", Map.of("date", args.get("due")))));
      localDeadline(content.due(), recipient.timeZone(), lang)
          .ifPresent(local -> facts.add(fact(lang, "dueLocal", local)));
    }
    if (content.previousDue() != null) {
      facts.add(fact(lang, "previousDue", args.get("previousDue")));
    }
    escalation.ifPresent(n -> facts.add(fact(lang, "escalation", Integer.toString(n))));
    if (args.containsKey("oldState")) {
      facts.add(fact(lang, "oldState", args.get("oldState")));
    }
    if (args.containsKey("newState")) {
      facts.add(fact(lang, "newState", args.get("newState")));
    }
    if (args.containsKey("plannedOn")) {
      facts.add(fact(lang, "plannedOn", args.get("plannedOn")));
    }
    if (args.containsKey("requestedBy")) {
      facts.add(fact(lang, "requestedBy", args.get("requestedBy")));
    }
    detail(content, NoticeDetails.PERSON_NAME)
        .ifPresent(v -> facts.add(fact(lang, "focalPoint", singleLine(v))));
    detail(content, NoticeDetails.PERSON_EMAIL)
        .ifPresent(v -> facts.add(fact(lang, "email", singleLine(v))));
    detail(content, NoticeDetails.PERSON_LANGUAGE)
        .ifPresent(
            v ->
                facts.add(
                    fact(
                        lang,
                        "language",
                        messages.has(lang, "language." + v)
                            ? messages.raw(lang, "language." + v)
                            : v)));
    detail(content, NoticeDetails.REASON).ifPresent(v -> facts.add(fact(lang, "reason", v)));
    detail(content, NoticeDetails.REFERENCE).ifPresent(v -> facts.add(fact(lang, "reference", v)));
    return facts;
  }

  private Line fact(Language lang, String key, String value) {
    return new Line(messages.raw(lang, "fact." + key), value);
  }

  /**
   * The moment the deadline ends (23:59 in Vienna on the due date) in the reader's zone, when that
   * reads differently from Vienna's clock; a zone that shares Vienna's offset (Berlin, Rome) would
   * only repeat the Vienna line.
   */
  Optional<String> localDeadline(LocalDate due, ZoneId zone, Language lang) {
    if (zone == null) {
      return Optional.empty();
    }
    ZonedDateTime end = due.atTime(END_OF_DAY).atZone(time.zone());
    ZonedDateTime there = end.withZoneSameInstant(zone);
    if (there.toLocalDateTime().equals(end.toLocalDateTime())) {
      return Optional.empty();
    }
    Locale locale = formattingLocale(lang);
    String dateTime =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .format(there.toLocalDateTime());
    String zoneName =
        DateTimeFormatter.ofPattern("zzzz", locale).format(there) + ", " + zone.getId();
    return Optional.of(
        messages.format(
            lang, "fact.dueLocal.value", Map.of("dateTime", dateTime, "zone", zoneName)));
  }

  private String timing(Language lang, LocalDate due, LocalDate sentOn) {
    long days = ChronoUnit.DAYS.between(sentOn, due);
    if (days == 0) {
      return messages.format(lang, "timing.today", Map.of());
    }
    long n = Math.abs(days);
    return messages.plural(
        lang, days > 0 ? "timing.left" : "timing.passed", n, Map.of("n", Long.toString(n)));
  }

  /**
   * Steps and their dates ({@code STEP=YYYY-MM-DD;...}): the new deadlines, or a launch's first
   * steps.
   */
  private List<Line> stepDates(Optional<String> raw, Language lang, DateTimeFormatter dates) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    for (String entry : raw.get().split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("=", 2);
      try {
        Step step = Step.valueOf(parts[0].trim());
        LocalDate date = LocalDate.parse(parts[1].trim());
        lines.add(new Line(capitalize(stepName(step, lang)), dates.format(date)));
      } catch (IllegalArgumentException
          | ArrayIndexOutOfBoundsException
          | DateTimeParseException e) {
        throw new IllegalArgumentException(
            "step dates entry '" + entry + "' is not STEP=YYYY-MM-DD", e);
      }
    }
    return lines;
  }

  private RenderedNotice.Attachment calendar(
      NoticeContent content, Step step, Language lang, Map<String, String> args) {
    if (step == null) {
      throw new IllegalArgumentException(
          content.kind() + " with a due date needs a step for its calendar entry");
    }
    String uid = CalendarPart.uid(content.reviewId(), step.name(), actingParty(content, step));
    String summary = singleLine(messages.format(lang, "calendar.summary", args));
    String description = messages.format(lang, "calendar.description", args);
    URI url = content.actionLink() != null ? content.actionLink() : content.reviewLink();
    String filename =
        "deadline-"
            + content.reviewId().replaceAll("[^A-Za-z0-9_-]", "_")
            + "-"
            + step.name().toLowerCase(Locale.ROOT)
            + ".ics";
    return CalendarPart.build(
        uid,
        content.deadlineRevision(),
        content.due(),
        time.now(),
        summary,
        description,
        url,
        organizer,
        lang,
        filename);
  }

  /**
   * The State whose deadline it is, or SECRETARIAT: one calendar event per review, step and actor.
   */
  private static String actingParty(NoticeContent content, Step step) {
    if (step.secretariatActs()) {
      return "SECRETARIAT";
    }
    if (content.stateCode() != null) {
      return content.stateCode();
    }
    if (step.actor() == Step.Actor.REVIEWED_STATE) {
      return content.underReview();
    }
    throw new IllegalArgumentException(
        content.kind() + " on " + step + " needs the stateCode of the acting State");
  }

  private static Step effectiveStep(NoticeContent content) {
    if (content.step() != null) {
      return content.step();
    }
    if (FOCAL_POINT_KINDS.contains(content.kind())) {
      return Step.FOCAL_POINT;
    }
    if (content.kind() == NoticeKind.CLARIFICATION_REQUESTED
        || content.kind() == NoticeKind.CLARIFICATION_ANSWERED) {
      return Step.DIALOGUE;
    }
    return null;
  }

  private LocalDate sentOn(NoticeContent content) {
    Optional<String> given = detail(content, NoticeDetails.SENT_ON);
    if (given.isPresent()) {
      try {
        return LocalDate.parse(given.get().trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("sentOn '" + given.get() + "' is not YYYY-MM-DD", e);
      }
    }
    return time.today();
  }

  private static Optional<Integer> escalationNumber(NoticeContent content) {
    return detail(content, NoticeDetails.ESCALATION_NUMBER)
        .map(
            v -> {
              try {
                int n = Integer.parseInt(v.trim());
                if (n < 1) {
                  throw new NumberFormatException();
                }
                return n;
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    "escalationNumber '" + v + "' is not a positive integer", e);
              }
            });
  }

  private static Optional<String> detail(NoticeContent content, String key) {
    String value = content.details().get(key);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        value.length() > MAX_DETAIL_LENGTH
            ? value.substring(0, MAX_DETAIL_LENGTH - 1) + "…"
            : value);
  }

  private static void checkDetails(Map<String, String> details) {
    for (String key : details.keySet()) {
      if (!NoticeDetails.ALLOWED.contains(key)) {
        throw new IllegalArgumentException(
            "notice detail '"
                + key
                + "' is not allowed: notices carry metadata only, allowed "
                + NoticeDetails.ALLOWED);
      }
    }
  }

  /**
   * Links are ours; anything but an absolute http(s) URI is a bug (or an attempt at a javascript:
   * link).
   */
  private static String checkLink(URI link) {
    String scheme = link.getScheme();
    if (!link.isAbsolute()
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("notice link must be an absolute http(s) URI: " + link);
    }
    return link.toASCIIString();
  }

  private String state(String alpha3, Language lang) {
    return singleLine(stateNames.name(alpha3, lang));
  }

  private String stepName(Step step, Language lang) {
    return messages.raw(lang, "step." + step);
  }

  /**
   * UN English is British: "4 July 2027", 24-hour clock. The JDK's bare "en" is American, so
   * English formats as en-GB; the other five use their own CLDR data (whose Arabic uses Western
   * digits, as UN Arabic documents do).
   */
  static Locale formattingLocale(Language lang) {
    return lang == Language.EN ? Locale.UK : lang.locale();
  }

  /** Step names are stored as they read inside a sentence; a table cell starts with a capital. */
  private static String capitalize(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    return new String(Character.toChars(Character.toTitleCase(first)))
        + s.substring(Character.charCount(first));
  }

  /** Header-safe: no CR/LF or other controls can reach the subject or a one-line value. */
  static String singleLine(String s) {
    return s == null
        ? ""
        : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
  }

  private static List<String> paragraphs(String body) {
    List<String> result = new ArrayList<>();
    for (String p : body.split("\n")) {
      if (!p.isBlank()) {
        result.add(p.strip());
      }
    }
    return result;
  }

  private static SpringTemplateEngine templateEngine() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    // The templates' expressions compiled to bytecode after a few runs instead of interpreted for
    // every email (every notice renders both templates).
    engine.setEnableSpringELCompiler(true);
    engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(
      String pattern, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(NoticeRenderer.class.getClassLoader());
    resolver.setPrefix("notices/templates/");
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
