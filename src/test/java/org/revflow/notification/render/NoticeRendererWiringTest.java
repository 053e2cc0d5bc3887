package org.revflow.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.Language;
import org.revflow.registry.StateNames;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The renderer is a plain bean: StateNames, the Mechanism's time and RevFlow's properties are all
 * it needs.
 */
class NoticeRendererWiringTest {

  @Test
  void rendersFromASpringContext() {
    new ApplicationContextRunner()
        .withBean(StateNames.class, CldrStateNames::new)
        .withBean(MechanismTime.class, () -> new MechanismTime(Notices.CLOCK, Notices.VIENNA))
        .withBean(RevFlowProperties.class, () -> Notices.PROPERTIES)
        .withBean(NoticeRenderer.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(NoticeRenderer.class);
              RenderedNotice notice =
                  context
                      .getBean(NoticeRenderer.class)
                      .render(Notices.typical(NoticeKind.OVERDUE), Notices.recipient(Language.ES));
              assertThat(notice.subject())
                  .isEqualTo(
                      "[Examen UNTOC AUT-P2-2027] Plazo vencido: cuestionario de autoevaluación, vencía el 4 de julio de 2027");
            });
  }
}
