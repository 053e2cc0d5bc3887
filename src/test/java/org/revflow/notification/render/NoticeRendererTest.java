package org.revflow.notification.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.revflow.registry.Language;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

class NoticeRendererTest {

  /**
   * A placeholder left unfilled ({step}, {0}), a Thymeleaf/Spring missing-message marker (??key??),
   * or a raw key.
   */
  private static final String LEFTOVER =
      "\\{[A-Za-z0-9]+}|\\?\\?|kind\\.[A-Z_]+\\.|fact\\.[a-zA-Z]+|step\\.[A-Z_]+|\\$\\{|<!--";

  private static final NoticeRenderer renderer = Notices.renderer();

  static Stream<Arguments> everyKindInEveryLanguage() {
    return Arrays.stream(NoticeKind.values())
        .flatMap(
            kind -> Arrays.stream(Language.values()).map(language -> Arguments.of(kind, language)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyKindInEveryLanguage")
  void everyKindRendersInEveryLanguage(NoticeKind kind, Language language) {
    RenderedNotice notice = renderer.render(Notices.typical(kind), Notices.recipient(language));

    assertThat(notice.language()).isEqualTo(language);
    // The weekly digest is about every review, so its subject names none; its text lists the late
    // ones.
    assertThat(notice.subject())
        .contains(kind == NoticeKind.STATUS_DIGEST ? "[" : "AUT-P2-2027")
        .doesNotContain("\n", "\r")
        .doesNotContainPattern(LEFTOVER);
    assertThat(notice.text())
        .contains("Maria Muster", "AUT-P2-2027", "https://revflow.example.org/act/abc123")
        .doesNotContainPattern(LEFTOVER);
    assertThat(notice.html())
        .startsWith("<!DOCTYPE html>")
        .contains(
            "<html lang=\""
                + language.code()
                + "\" dir=\""
                + (language.rightToLeft() ? "rtl" : "ltr")
                + "\">")
        .contains("Maria Muster", "href=\"https://revflow.example.org/act/abc123?sig=x&amp;y=1\"")
        .doesNotContainPattern(LEFTOVER);
    assertThat(notice.calendar().isPresent())
        .as("calendar part only on deadline notices")
        .isEqualTo(kind.aboutADeadline());
  }

  @Test
  void subjectIsSpecific() {
    RenderedNotice notice =
        renderer.render(Notices.typical(NoticeKind.REMINDER), Notices.recipient(Language.EN));
    assertThat(notice.subject())
        .isEqualTo(
            "[UNTOC review AUT-P2-2027] Reminder: self-assessment questionnaire due 4 July 2027");
    assertThat(
            renderer
                .render(Notices.typical(NoticeKind.ESCALATION), Notices.recipient(Language.EN))
                .subject())
        .isEqualTo(
            "[UNTOC review AUT-P2-2027] Escalation 2: self-assessment questionnaire overdue since 4 July 2027");
  }

  @Test
  void datesUseEachLanguagesCldrLongFormat() {
    Map<Language, String> expected =
        Map.of(
            Language.AR, "4 يوليو 2027",
            Language.ZH, "2027年7月4日",
            Language.EN, "4 July 2027",
            Language.FR, "4 juillet 2027",
            Language.RU, "4 июля 2027\u202Fг.", // CLDR puts a narrow no-break space before "г."
            Language.ES, "4 de julio de 2027");
    expected.forEach(
        (language, date) -> {
          RenderedNotice notice =
              renderer.render(Notices.typical(NoticeKind.REMINDER), Notices.recipient(language));
          assertThat(notice.subject()).as("%s", language).contains(date);
          assertThat(notice.html()).as("%s", language).contains(date);
        });
  }

  @Test
  void stepAndStateNamesAreLocalized() {
    RenderedNotice ru =
        renderer.render(Notices.typical(NoticeKind.REMINDER), Notices.recipient(Language.RU));
    assertThat(ru.subject()).contains("вопросник для самооценки");
    assertThat(ru.text()).contains("Австрия");
    RenderedNotice zh =
        renderer.render(
            Notices.typical(NoticeKind.INTERIM_FOCAL_POINT_INFO), Notices.recipient(Language.ZH));
    assertThat(zh.subject()).contains("德国");
    RenderedNotice ar =
        renderer.render(
            Notices.typical(NoticeKind.REVIEWER_REPLACED), Notices.recipient(Language.AR));
    assertThat(ar.text()).contains("فرنسا", "روسيا");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void arabicIsRightToLeftAndTheOthersLeftToRight(Language language) {
    String html =
        renderer.render(Notices.typical(NoticeKind.OVERDUE), Notices.recipient(language)).html();
    assertThat(html).contains("dir=\"" + (language == Language.AR ? "rtl" : "ltr") + "\"");
    assertThat(html).contains("lang=\"" + language.code() + "\"");
  }

  // --- deadline in the reader's time zone

  private String render(ZoneId zone, Language language) {
    Recipient recipient =
        new Recipient("Ana", "a@x.example", language, zone, RecipientRole.FOCAL_POINT);
    return renderer.render(Notices.typical(NoticeKind.REMINDER), recipient).text();
  }

  @Test
  void timeZoneLineOnlyWhenZoneKnownAndItsClockDiffers() {
    assertThat(render(null, Language.EN)).doesNotContain("In your time zone");
    assertThat(render(ZoneId.of("Europe/Vienna"), Language.EN)).doesNotContain("In your time zone");
    // Same offset as Vienna all year: the line would repeat the Vienna one.
    assertThat(render(ZoneId.of("Europe/Berlin"), Language.EN)).doesNotContain("In your time zone");

    // 23:59 CEST on 4 July is 17:59 EDT the same day, 06:59 JST the next.
    assertThat(render(ZoneId.of("America/New_York"), Language.EN))
        .contains(
            "In your time zone: 4 July 2027, 17:59 (Eastern Daylight Time, America/New_York)");
    assertThat(render(ZoneId.of("Asia/Tokyo"), Language.EN))
        .contains("In your time zone: 5 July 2027, 06:59");
    assertThat(render(ZoneId.of("Asia/Shanghai"), Language.ZH)).contains("您所在时区：2027年7月5日 05:59");
    assertThat(render(ZoneId.of("Europe/Moscow"), Language.RU))
        .contains("5 июля 2027\u202Fг., 00:59");
  }

  @Test
  void theVienneseDeadlineIsAlwaysShown() {
    assertThat(render(ZoneId.of("America/New_York"), Language.EN))
        .contains("Deadline: 4 July 2027 (end of the day, Vienna time)");
  }

  // --- days remaining / passed

  private String timing(NoticeKind kind, String sentOn, Language language) {
    NoticeContent typical = Notices.typical(kind);
    Map<String, String> details = new HashMap<>(typical.details());
    details.put(NoticeDetails.SENT_ON, sentOn);
    NoticeContent content =
        new NoticeContent(
            kind,
            typical.reviewId(),
            typical.underReview(),
            typical.phase(),
            typical.step(),
            typical.stateCode(),
            typical.due(),
            typical.previousDue(),
            typical.deadlineRevision(),
            typical.reviewLink(),
            typical.actionLink(),
            details);
    return renderer.render(content, Notices.recipient(language)).text();
  }

  @Test
  void daysRemainingAndPassedAreCountedFromTheNoticeDate() {
    assertThat(timing(NoticeKind.REMINDER, "2027-06-27", Language.EN))
        .contains("7 days remain before the deadline.");
    assertThat(timing(NoticeKind.REMINDER, "2027-07-03", Language.EN))
        .contains("1 day remains before the deadline.");
    assertThat(timing(NoticeKind.REMINDER, "2027-07-04", Language.EN))
        .contains("The deadline is today.");
    assertThat(timing(NoticeKind.OVERDUE, "2027-07-05", Language.EN))
        .contains("The deadline passed 1 day ago.");
    assertThat(timing(NoticeKind.ESCALATION, "2027-08-04", Language.EN))
        .contains("The deadline passed 31 days ago.");
  }

  @Test
  void dayCountsAgreeWithTheNumberInRussianAndArabic() {
    assertThat(timing(NoticeKind.OVERDUE, "2027-07-05", Language.RU))
        .contains("Срок истек 1 день назад.");
    assertThat(timing(NoticeKind.OVERDUE, "2027-07-07", Language.RU))
        .contains("Срок истек 3 дня назад.");
    assertThat(timing(NoticeKind.ESCALATION, "2027-08-04", Language.RU))
        .contains("Срок истек 31 день назад.");
    assertThat(timing(NoticeKind.REMINDER, "2027-06-27", Language.RU)).contains("осталось 7 дней");
    assertThat(timing(NoticeKind.REMINDER, "2027-07-02", Language.AR)).contains("يتبقى يومان");
    assertThat(timing(NoticeKind.REMINDER, "2027-06-27", Language.AR)).contains("تتبقى 7 أيام");
    assertThat(timing(NoticeKind.ESCALATION, "2027-08-04", Language.AR)).contains("مضى 31 يومًا");
  }

  @Test
  void withoutSentOnTheClockGivesTheDateInVienna() {
    // Notices.CLOCK is 09:00 Vienna on 4 June 2027, 30 days before the deadline.
    assertThat(
            renderer
                .render(Notices.typical(NoticeKind.REMINDER), Notices.recipient(Language.EN))
                .text())
        .contains("30 days remain before the deadline.");
  }

  // --- paragraph 18 and resolution 12/2 (Arabic 2/12)

  /**
   * "Paragraph 18" as each catalogue words it (Russian declines "пункт", Arabic prefixes "الفقرة").
   */
  private static final Map<Language, String> PARAGRAPH_18 =
      Map.of(
          Language.AR,
          "فقرة 18 ",
          Language.ZH,
          "第18段",
          Language.EN,
          "paragraph 18 ",
          Language.FR,
          "paragraphe 18 ",
          Language.RU,
          "пункт(у|ом)? 18 ",
          Language.ES,
          "párrafo 18 ");

  @ParameterizedTest
  @EnumSource(Language.class)
  void interimFocalPointNoticesCiteParagraph18(Language language) {
    String paragraph18 = PARAGRAPH_18.get(language);
    for (NoticeKind kind :
        new NoticeKind[] {
          NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE,
          NoticeKind.INTERIM_FOCAL_POINT_INFO,
          NoticeKind.DESIGNATION_PENDING,
          NoticeKind.INTERIM_FOCAL_POINT_ENDED,
          NoticeKind.FOCAL_POINT_REMINDER
        }) {
      String text = renderer.render(Notices.typical(kind), Notices.recipient(language)).text();
      assertThat(text).as("%s in %s", kind, language).containsPattern(paragraph18);
    }
    // Any notice that reaches the permanent representative as interim focal point says why.
    Recipient interim =
        new Recipient("PR", "pr@x.example", language, null, RecipientRole.INTERIM_FOCAL_POINT);
    assertThat(renderer.render(Notices.typical(NoticeKind.OVERDUE), interim).text())
        .containsPattern(paragraph18);
    assertThat(
            renderer
                .render(Notices.typical(NoticeKind.OVERDUE), Notices.recipient(language))
                .text())
        .doesNotContainPattern(paragraph18);
  }

  /**
   * The twelfth session's second resolution is 12/2 in English, French, Spanish, Russian and
   * Chinese; Arabic writes the session second (2/12), and the Procedures and rules' resolution 9/1
   * as 1/9.
   */
  @ParameterizedTest
  @EnumSource(Language.class)
  void everyNoticeCitesResolution12_2AsItsLanguageWritesIt(Language language) {
    String resolution = language == Language.AR ? "2/12" : "12/2";
    String wrong = language == Language.AR ? "12/2" : "2/12";
    String launch =
        renderer
            .render(Notices.typical(NoticeKind.REVIEW_LAUNCHED), Notices.recipient(language))
            .text();
    String body = launch.substring(0, launch.indexOf("\n--\n"));
    assertThat(body).contains(resolution).doesNotContain(wrong);
    for (NoticeKind kind : NoticeKind.values()) {
      String text = renderer.render(Notices.typical(kind), Notices.recipient(language)).text();
      String footer = text.substring(text.indexOf("\n--\n"));
      assertThat(footer)
          .as("%s in %s", kind, language)
          .contains(resolution)
          .contains(language == Language.AR ? "(د)" : "d)");
      assertThat(text).as("%s in %s", kind, language).doesNotContain(wrong);
    }
    String interim =
        renderer
            .render(
                Notices.typical(NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE),
                Notices.recipient(language))
            .text();
    assertThat(interim).contains(language == Language.AR ? "1/9" : "9/1");
  }

  /** The Mechanism's own terms: the country step is "the dialogue", its output "the summary". */
  @ParameterizedTest
  @EnumSource(Language.class)
  void stepsAreNamedInTheMechanismsOwnTerms(Language language) {
    java.util.List<String> uncac =
        java.util.List.of(
            "constructive",
            "executive summary",
            "constructif",
            "analytique",
            "constructivo",
            "ejecutivo",
            "конструктивн",
            "建设性",
            "执行摘要",
            "البنّاء",
            "الوافية");
    for (NoticeKind kind : NoticeKind.values()) {
      for (Step step : new Step[] {Step.DIALOGUE, Step.SUMMARY, Step.SUMMARY_AGREEMENT}) {
        NoticeContent typical = Notices.typical(kind);
        NoticeContent content =
            new NoticeContent(
                kind,
                typical.reviewId(),
                typical.underReview(),
                typical.phase(),
                step,
                typical.stateCode() == null ? "AUT" : typical.stateCode(),
                Notices.DUE,
                typical.previousDue(),
                1,
                null,
                null,
                typical.details());
        String text =
            renderer
                .render(content, Notices.recipient(language))
                .text()
                .toLowerCase(java.util.Locale.ROOT);
        assertThat(uncac).as("%s %s in %s", kind, step, language).noneMatch(text::contains);
      }
    }
  }

  // --- the notices that announce what opens

  @Test
  void theStepOpenedNoticeSaysWhatToDoAndByWhenForEachStep() {
    RenderedNotice opened =
        renderer.render(Notices.typical(NoticeKind.STEP_OPENED), Notices.recipient(Language.EN));
    assertThat(opened.subject())
        .isEqualTo("[UNTOC review AUT-P2-2027] Now open: written feedback, due 4 July 2027");
    assertThat(opened.calendar()).isPresent();
    assertThat(opened.text())
        .contains(
            "Deadline: 4 July 2027",
            "cleared its answers to the self-assessment questionnaire",
            "cleared by its focal point");
    NoticeContent dialogue =
        new NoticeContent(
            NoticeKind.STEP_OPENED,
            "AUT-P2-2027",
            "AUT",
            2,
            Step.DIALOGUE,
            "DEU",
            Notices.DUE,
            null,
            0,
            null,
            null,
            Map.of());
    RenderedNotice window = renderer.render(dialogue, Notices.recipient(Language.EN));
    assertThat(window.subject()).endsWith("The dialogue is open until 4 July 2027");
    assertThat(window.text()).contains("requests for clarification", "owes nothing");
  }

  @Test
  void theLaunchNoticeListsTheStatesFirstStepsAndTheKnownFocalPoints() {
    String text =
        renderer
            .render(Notices.typical(NoticeKind.REVIEW_LAUNCHED), Notices.recipient(Language.EN))
            .text();
    assertThat(text)
        .contains(
            "Your State's first steps and their deadlines",
            "- Focal point designation: 18 January 2027",
            "- Designation of governmental experts: 1 February 2027",
            "Focal points already designated in this review",
            "- Austria: María López <fp@aut.example>");
  }

  @Test
  void theNetworkNoticeIntroducesTheNewFocalPoint() {
    RenderedNotice notice =
        renderer.render(
            Notices.typical(NoticeKind.FOCAL_POINT_CHANGED), Notices.recipient(Language.EN));
    assertThat(notice.subject()).endsWith("Focal point of Germany in this review");
    assertThat(notice.text())
        .contains(
            "Focal point: Anna Schmidt",
            "Email: fp@deu.example",
            "Language: French",
            "No action is required from you.");
  }

  @Test
  void aFocalPointWhoLeftOpensNoDeadline() {
    NoticeContent vacancy =
        new NoticeContent(
            NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE,
            "AUT-P2-2027",
            "AUT",
            2,
            Step.FOCAL_POINT,
            "DEU",
            Notices.DUE,
            null,
            0,
            null,
            null,
            Map.of(NoticeDetails.OCCASION, NoticeDetails.VACANCY));
    RenderedNotice notice = renderer.render(vacancy, Notices.recipient(Language.EN));
    assertThat(notice.text())
        .contains(
            "has left this review without a successor",
            "act again as interim focal point",
            "Without a focal point since: 4 July 2027")
        .doesNotContain("Deadline", "days remain", "passed");
    assertThat(notice.calendar()).isEmpty();
    // The same kind after a missed designation deadline says that the deadline passed.
    assertThat(
            renderer
                .render(
                    Notices.typical(NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE),
                    Notices.recipient(Language.EN))
                .text())
        .contains("has passed without a designation", "continue to act as interim focal point");
  }

  @Test
  void theReminderToThePermanentMissionSaysThePermanentRepresentativeAlreadyActs() {
    String text =
        renderer
            .render(
                Notices.typical(NoticeKind.FOCAL_POINT_REMINDER), Notices.recipient(Language.EN))
            .text();
    assertThat(text)
        .contains("while no focal point is designated, you act as interim focal point")
        .doesNotContain("will act", "will become");
  }

  // --- kind-specific details

  @Test
  void extensionShowsBothDatesReasonAndReference() {
    String text =
        renderer
            .render(Notices.typical(NoticeKind.DEADLINE_EXTENDED), Notices.recipient(Language.EN))
            .text();
    assertThat(text)
        .contains(
            "Previous deadline: 4 June 2027",
            "Deadline: 4 July 2027",
            "Reason: Elections",
            "Reference: NV/2027/114");
  }

  @Test
  void resumeListsTheNewDatesWithLocalizedStepNames() {
    String text =
        renderer
            .render(Notices.typical(NoticeKind.REVIEW_RESUMED), Notices.recipient(Language.FR))
            .text();
    assertThat(text)
        .contains(
            "Nouvelles échéances",
            "- Questionnaire d’auto-évaluation\u00A0: 1 août 2027",
            "- Consultation préliminaire\u00A0: 20 mai 2027");
  }

  @Test
  void instrumentsAreNamedInTheReadersLanguage() {
    NoticeContent t = Notices.typical(NoticeKind.STEP_DONE);
    for (String instrument : new String[] {"FIREARMS", "Some other text"}) {
      NoticeContent content =
          new NoticeContent(
              t.kind(),
              t.reviewId(),
              t.underReview(),
              t.phase(),
              t.step(),
              t.stateCode(),
              null,
              null,
              0,
              null,
              null,
              Map.of(NoticeDetails.INSTRUMENT, instrument));
      String text = renderer.render(content, Notices.recipient(Language.RU)).text();
      assertThat(text)
          .contains(
              "Документ: "
                  + (instrument.equals("FIREARMS")
                      ? "Протокол об огнестрельном оружии"
                      : instrument));
    }
  }

  @Test
  void noticeLackingWhatItsKindNeedsIsRefused() {
    NoticeContent noDue =
        new NoticeContent(
            NoticeKind.REMINDER,
            "AUT-P2-2027",
            "AUT",
            2,
            Step.SAQ,
            "AUT",
            null,
            null,
            0,
            null,
            null,
            Map.of());
    assertThatThrownBy(() -> renderer.render(noDue, Notices.recipient(Language.EN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("due");
    NoticeContent noStep =
        new NoticeContent(
            NoticeKind.STEP_DONE,
            "AUT-P2-2027",
            "AUT",
            2,
            null,
            "AUT",
            null,
            null,
            0,
            null,
            null,
            Map.of());
    assertThatThrownBy(() -> renderer.render(noStep, Notices.recipient(Language.EN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{step}");
  }

  @Test
  void blankNameGetsTheGenericGreeting() {
    Recipient anonymous =
        new Recipient(" ", "m@x.example", Language.EN, null, RecipientRole.SECRETARIAT);
    assertThat(renderer.render(Notices.typical(NoticeKind.REVIEW_ON_HOLD), anonymous).text())
        .startsWith("Dear colleague,");
  }

  @Test
  void linksMustBeHttp() {
    NoticeContent t = Notices.typical(NoticeKind.STEP_DONE);
    NoticeContent js =
        new NoticeContent(
            t.kind(),
            t.reviewId(),
            t.underReview(),
            t.phase(),
            t.step(),
            t.stateCode(),
            null,
            null,
            0,
            URI.create("javascript:alert(1)"),
            null,
            Map.of());
    assertThatThrownBy(() -> renderer.render(js, Notices.recipient(Language.EN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http");
  }

  @Test
  void noDueDateNoDeadlineLine() {
    String text =
        renderer
            .render(Notices.typical(NoticeKind.REVIEW_ON_HOLD), Notices.recipient(Language.EN))
            .text();
    assertThat(text).doesNotContain("Deadline:", "In your time zone");
  }
}
