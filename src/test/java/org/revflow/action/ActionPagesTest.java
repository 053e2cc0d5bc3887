package org.revflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revflow.registry.CldrStateNames;
import org.revflow.registry.Language;
import org.revflow.registry.PersonView;
import org.revflow.review.Review;
import org.revflow.review.ReviewStep;
import org.revflow.vocabulary.Step;

/** Every page in every language: no missing text, the right direction, the user's data escaped. */
class ActionPagesTest {

  private final ActionPages pages = new ActionPages(new CldrStateNames());

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyActionPageIsCompleteInEveryLanguage(Language lang) {
    for (Step step : Step.values()) {
      var events = ActionCatalogue.events(step);
      if (events.isEmpty()) {
        continue;
      }
      ActionTokens.Claims claims = new ActionTokens.Claims("AUT-P1-2027", 7, "AUT", 3);
      var action =
          new ActionService.Action(
              "tok.en",
              claims,
              new PersonView(3, "<script>alert(1)</script>", "fp@aut.example", lang, null),
              new Review(
                  "AUT-P1-2027",
                  "AUT",
                  1,
                  LocalDate.of(2027, 1, 4),
                  "default@2026.1",
                  null,
                  Instant.EPOCH,
                  "t"),
              new ReviewStep(
                  "AUT-P1-2027",
                  step,
                  "AUT",
                  1,
                  LocalDate.of(2027, 1, 4),
                  LocalDate.of(2027, 7, 4),
                  null,
                  1,
                  1),
              events,
              LocalDate.of(2027, 8, 3));
      String html = pages.action(action, "_csrf", "csrf-value", "secretariat@example.org");
      assertThat(html)
          .as(step + " in " + lang)
          .doesNotContain("??", "<script>alert")
          .contains(
              "lang=\"" + lang.code() + "\"",
              "dir=\"" + (lang == Language.AR ? "rtl" : "ltr") + "\"",
              "action=\"/act/tok.en\"",
              "name=\"_csrf\" value=\"csrf-value\"",
              "AUT-P1-2027",
              "secretariat@example.org");
      events.forEach(e -> assertThat(html).contains("value=\"" + e + "\""));
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyOutcomePageIsCompleteInEveryLanguage(Language lang) {
    for (ActionOutcome outcome : ActionOutcome.values()) {
      String html =
          pages.outcome(
              outcome,
              lang,
              List.of(LocalDate.of(2027, 8, 3)),
              outcome == ActionOutcome.RECORDED ? "SAQ_CLEARED" : null,
              "secretariat@example.org");
      assertThat(html)
          .as(outcome + " in " + lang)
          .doesNotContain("??")
          .contains(
              "lang=\"" + lang.code() + "\"", "data-status=\"" + outcome.status().value() + "\"");
    }
    for (Step step : Step.values()) {
      for (var event : ActionCatalogue.events(step)) {
        assertThat(
                pages.outcome(
                    ActionOutcome.RECORDED,
                    lang,
                    List.of(LocalDate.of(2027, 8, 3)),
                    event.name(),
                    "s@x.org"))
            .as(event + " in " + lang)
            .doesNotContain("??");
      }
    }
    assertThat(pages.forbidden(lang, "s@example.org")).doesNotContain("??");
  }
}
