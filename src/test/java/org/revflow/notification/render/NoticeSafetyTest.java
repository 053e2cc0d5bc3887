package org.revflow.notification.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revflow.registry.Language;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/** Escaping, header safety and the "metadata only" rule. */
class NoticeSafetyTest {

  private static final String HOSTILE =
      "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> & ${7*7} [(${x})]";

  private static final NoticeRenderer renderer = Notices.renderer();

  private NoticeContent withReason(String reason) {
    return new NoticeContent(
        NoticeKind.DEADLINE_EXTENDED,
        "AUT-P2-2027",
        "AUT",
        2,
        Step.SAQ,
        "AUT",
        Notices.DUE,
        Notices.DUE.minusMonths(1),
        1,
        Notices.REVIEW_LINK,
        Notices.ACTION_LINK,
        Map.of(NoticeDetails.REASON, reason));
  }

  @Test
  void hostileDetailIsEscapedInHtmlAndKeptVerbatimInText() {
    RenderedNotice notice = renderer.render(withReason(HOSTILE), Notices.recipient(Language.EN));
    assertThat(notice.html())
        .doesNotContain("<script", "<img", "onerror=\"")
        .contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;");
    // Neither the HTML nor the text template evaluates what a value contains.
    assertThat(notice.html()).contains("${7*7} [(${x})]").doesNotContain("49");
    assertThat(notice.text()).contains("Reason: " + HOSTILE);
  }

  @Test
  void hostileNameIsEscapedAndCannotInjectHeaders() {
    Recipient hostile =
        new Recipient(
            "Eve</p><a href=\"javascript:x\">\r\nBcc: all@example.org",
            "eve@x.example",
            Language.FR,
            null,
            RecipientRole.FOCAL_POINT);
    NoticeContent content =
        new NoticeContent(
            NoticeKind.STEP_DONE,
            "AUT-P2-2027\r\nBcc: all@example.org",
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
    RenderedNotice notice = renderer.render(content, hostile);
    assertThat(notice.subject())
        .doesNotContain("\r", "\n")
        .contains("AUT-P2-2027 Bcc: all@example.org");
    assertThat(notice.html())
        .doesNotContain("<a href=\"javascript")
        .contains("Eve&lt;/p&gt;&lt;a href=&quot;javascript:x&quot;&gt;");
  }

  @Test
  void longDetailIsShortened() {
    RenderedNotice notice =
        renderer.render(withReason("x".repeat(5000)), Notices.recipient(Language.EN));
    assertThat(notice.text())
        .contains("x".repeat(NoticeRenderer.MAX_DETAIL_LENGTH - 1) + "…")
        .doesNotContain("x".repeat(NoticeRenderer.MAX_DETAIL_LENGTH));
  }

  @Test
  void noticeContentHasNoFieldForQuestionnaireContent() {
    assertThat(
            Arrays.stream(NoticeContent.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly(
            "kind",
            "reviewId",
            "underReview",
            "phase",
            "step",
            "stateCode",
            "due",
            "previousDue",
            "deadlineRevision",
            "reviewLink",
            "actionLink",
            "details")
        .noneMatch(
            name ->
                name.matches(
                    "(?i).*(answer|question|response|feedback|observation|content|text|body|comment).*"));
  }

  @Test
  void detailsOutsideTheClosedListAreRefused() {
    for (String key : new String[] {"answer", "saqAnswers", "comment", "body", "html"}) {
      NoticeContent content =
          new NoticeContent(
              NoticeKind.STEP_DONE,
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
              Map.of(key, "Article 5: the offence of participation is criminalized by ..."));
      assertThatThrownBy(() -> renderer.render(content, Notices.recipient(Language.EN)))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("metadata only");
    }
  }
}
