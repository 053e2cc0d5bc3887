package org.revflow.action;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.revflow.registry.Language;
import org.revflow.registry.StateNames;
import org.revflow.vocabulary.EventType;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the action pages (templates and six catalogues under {@code actions/}) in the person's
 * language, right to left for Arabic. Step names come from the notices' catalogues, so a page and
 * the email that links to it name the step alike.
 */
@Component
class ActionPages {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
  private final StateNames stateNames;

  ActionPages(StateNames stateNames) {
    this.stateNames = stateNames;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("actions/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    messages.setBasenames("actions/messages", "notices/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    engine.setTemplateEngineMessageSource(messages);
  }

  /**
   * The page of a valid link: what the step is, its deadline, what confirming means, the form(s).
   */
  String action(
      ActionService.Action a, String csrfParameter, String csrfToken, String secretariat) {
    Language lang = a.language();
    Context ctx = context(lang, secretariat);
    Locale locale = ctx.getLocale();
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    ctx.setVariable("actionPath", "/act/" + a.token());
    ctx.setVariable("name", a.person().name());
    ctx.setVariable("reviewId", a.review().getId());
    ctx.setVariable("phase", a.review().getPhase());
    ctx.setVariable("underReview", stateNames.name(a.review().getUnderReview(), lang));
    ctx.setVariable("actingFor", stateNames.name(a.claims().state(), lang));
    ctx.setVariable(
        "stepName",
        capitalize(messages.getMessage("step." + a.step().getStep().name(), null, locale), locale));
    ctx.setVariable("due", dates.format(a.step().getDueOn()));
    ctx.setVariable("validUntil", dates.format(a.validUntil()));
    ctx.setVariable("events", a.events().stream().map(EventType::name).toList());
    ctx.setVariable("main", a.events().get(0).name());
    ctx.setVariable(
        "withComment",
        a.events().stream().filter(ActionCatalogue::needsComment).map(EventType::name).toList());
    ctx.setVariable("csrfParameter", csrfParameter);
    ctx.setVariable("csrfToken", csrfToken);
    return engine.process("action", ctx);
  }

  /** A plain page: recorded, or why the link cannot be used. */
  String outcome(
      ActionOutcome outcome,
      Language language,
      List<Object> args,
      String event,
      String secretariat) {
    Language lang = language == null ? Language.EN : language;
    Context ctx = context(lang, secretariat);
    ctx.setVariable("outcome", outcome.key());
    ctx.setVariable("status", outcome.status().value());
    Object arg = args.isEmpty() ? "" : args.get(0);
    ctx.setVariable(
        "arg0",
        arg instanceof java.time.LocalDate d
            ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(ctx.getLocale())
                .format(d)
            : String.valueOf(arg));
    ctx.setVariable("event", event);
    return engine.process("outcome", ctx);
  }

  /** The form did not carry this session's CSRF token. */
  String forbidden(Language lang, String secretariat) {
    Context ctx = context(lang, secretariat);
    ctx.setVariable("outcome", "forbidden");
    ctx.setVariable("status", 403);
    ctx.setVariable("arg0", "");
    ctx.setVariable("event", null);
    return engine.process("outcome", ctx);
  }

  private static Context context(Language lang, String secretariat) {
    Context ctx = new Context(lang == Language.EN ? Locale.UK : lang.locale());
    ctx.setVariable("lang", lang.code());
    ctx.setVariable("dir", lang.rightToLeft() ? "rtl" : "ltr");
    ctx.setVariable("secretariat", secretariat);
    return ctx;
  }

  private static String capitalize(String s, Locale locale) {
    return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
  }
}
