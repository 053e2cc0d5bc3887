package org.revflow.console;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.revflow.config.ApiException;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeQueries;
import org.revflow.notification.NoticeQueries.NoticeRow;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The notice log: searched by person, State, review, kind and status; one notice with the email as
 * its addressee received it; for a failed one, the reason and what to do.
 */
@Controller
class NoticePages {

  /**
   * The email's own document, shown in a frame of the notice's page: nothing it contains may run,
   * load, submit or navigate (CSP sandbox, no sources but its inline styles), and its links are
   * already plain text.
   */
  static final String EMAIL_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
          + " frame-ancestors 'self'; sandbox";

  private final ConsoleNotices notices;
  private final ConsoleRegistry registry;
  private final ConsoleProperties properties;

  NoticePages(ConsoleNotices notices, ConsoleRegistry registry, ConsoleProperties properties) {
    this.notices = notices;
    this.registry = registry;
    this.properties = properties;
  }

  /** The search as the query string gives it; all optional. */
  record Search(
      String person,
      String state,
      String review,
      NoticeKind kind,
      Notice.Status status,
      Integer page) {

    public boolean any() {
      return notBlank(person)
          || notBlank(state)
          || notBlank(review)
          || kind != null
          || status != null;
    }

    private static boolean notBlank(String s) {
      return s != null && !s.isBlank();
    }
  }

  @GetMapping("/console/notices")
  String list(
      @ModelAttribute("search") Search search,
      BindingResult binding,
      HttpServletRequest request,
      Model model) {
    if (binding.hasErrors()) {
      model.addAttribute(
          "searchError",
          binding.getFieldErrors().stream()
              .map(e -> "'" + e.getRejectedValue() + "' is not a valid " + e.getField())
              .toList());
      search = new Search(null, null, null, null, null, null);
      model.addAttribute("search", search);
    }
    int page = search.page() == null || search.page() < 0 ? 0 : search.page();
    Page<NoticeRow> rows =
        notices.search(
            new NoticeQueries.Search(
                search.person(), search.state(), search.review(), search.kind(), search.status()),
            page,
            properties.pageSize());
    model.addAttribute("rows", rows.getContent());
    model.addAttribute("pages", Pages.of(rows, ServletUriComponentsBuilder.fromRequest(request)));
    model.addAttribute("kinds", NoticeKind.values());
    model.addAttribute("statuses", Notice.Status.values());
    return request.getHeader("HX-Request") != null
        ? "console/notices :: results"
        : "console/notices";
  }

  @GetMapping("/console/notices/{id}")
  String notice(@PathVariable long id, Model model) {
    NoticeRow n = notices.get(id).orElseThrow(() -> ApiException.notFound("no notice " + id));
    model.addAttribute("n", n);
    model.addAttribute("person", n.personId() == null ? null : registry.personOrNull(n.personId()));
    model.addAttribute(
        "advice", n.status() == Notice.Status.FAILED ? advice(n.failureReason()) : null);
    model.addAttribute(
        "cc",
        n.cc() == null || n.cc().isBlank()
            ? java.util.List.of()
            : java.util.List.of(n.cc().split(",")));
    return "console/notice";
  }

  /**
   * The email as its addressee received it: a document of its own, for the notice page's sandboxed
   * frame.
   */
  @GetMapping("/console/notices/{id}/email")
  ResponseEntity<String> email(@PathVariable long id) {
    NoticeQueries.ShownEmail email =
        notices.email(id).orElseThrow(() -> ApiException.notFound("no notice " + id));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", EMAIL_POLICY)
        .header("Referrer-Policy", "no-referrer")
        .body(email.html());
  }

  /** The email's plain-text part, as sent beside the HTML one. */
  @GetMapping("/console/notices/{id}/email.txt")
  ResponseEntity<String> emailText(@PathVariable long id) {
    NoticeQueries.ShownEmail email =
        notices.email(id).orElseThrow(() -> ApiException.notFound("no notice " + id));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(email.text());
  }

  /** What the secretariat can do about a failed notice, by the kind of failure its reason tells. */
  static String advice(String reason) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (r.startsWith("cannot be written")) {
      return "advice.unwritable";
    }
    if (r.contains("550")
        || r.contains("551")
        || r.contains("553")
        || r.contains("invalid address")
        || r.contains("sendfailedexception")
        || r.contains("addressexception")
        || r.contains("user unknown")
        || r.contains("mailbox")) {
      return "advice.address";
    }
    if (r.contains("connect")
        || r.contains("timeout")
        || r.contains("timed out")
        || r.contains("421")
        || r.contains("451")
        || r.contains("452")
        || r.contains("starttls")) {
      return "advice.server";
    }
    return "advice.other";
  }
}
