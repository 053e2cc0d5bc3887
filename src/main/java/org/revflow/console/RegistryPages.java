package org.revflow.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revflow.registry.DesignationView;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryException;
import org.revflow.registry.RegistryImports;
import org.revflow.registry.RegistryOverview;
import org.revflow.registry.StateParty;
import org.revflow.report.StatusReport;
import org.revflow.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry: States with their permanent representative and focal points per review, people,
 * designations and their history, and the CSV imports with a preview of what will change.
 */
@Controller
class RegistryPages {

  private final ConsoleRegistry registry;
  private final ConsoleReports reports;
  private final ConsoleProperties properties;
  private final CurrentUser currentUser;

  RegistryPages(
      ConsoleRegistry registry,
      ConsoleReports reports,
      ConsoleProperties properties,
      CurrentUser currentUser) {
    this.registry = registry;
    this.reports = reports;
    this.properties = properties;
    this.currentUser = currentUser;
  }

  /** One row of the States list. */
  record StateRow(
      String code,
      String name,
      String group,
      List<String> instruments,
      PersonView permanentRepresentative) {}

  @GetMapping("/console/registry")
  String states(@RequestParam(required = false) String q, Model model) {
    Map<String, PersonView> prs = registry.permanentRepresentatives();
    String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    List<StateRow> rows = new ArrayList<>();
    for (StateParty s : registry.states()) {
      String name = registry.name(s.code());
      if (!query.isEmpty()
          && !s.code().toLowerCase(Locale.ROOT).contains(query)
          && !name.toLowerCase(Locale.ROOT).contains(query)) {
        continue;
      }
      rows.add(
          new StateRow(
              s.code(),
              name,
              s.groupForDraw() == null ? null : s.groupForDraw().name(),
              s.instruments().stream().map(Enum::name).sorted().toList(),
              prs.get(s.code())));
    }
    rows.sort(Comparator.comparing(StateRow::name));
    model.addAttribute("rows", rows);
    model.addAttribute("q", q);
    model.addAttribute(
        "withPr", rows.stream().filter(r -> r.permanentRepresentative() != null).count());
    return "console/registry";
  }

  /** A review a State takes part in, with who acts as its focal point there. */
  record Participation(
      String reviewId,
      String underReview,
      int phase,
      String stage,
      boolean underReviewHere,
      String focalPoint,
      boolean interim) {}

  @GetMapping("/console/registry/states/{code}")
  String state(@PathVariable String code, Model model) {
    return showState(registry.state(code), new FormErrors(), Map.of(), model);
  }

  @PostMapping("/console/registry/states/{code}/permanent-representative")
  String setPermanentRepresentative(
      @PathVariable String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String timeZone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    StateParty state = registry.state(code);
    try {
      PersonView pr =
          registry.setPermanentRepresentative(
              state.code(),
              new PersonInput(name, email, language, FormErrors.blankToNull(timeZone)),
              null,
              currentUser.name());
      redirect.addFlashAttribute(
          "done",
          pr.name()
              + " <"
              + pr.email()
              + "> is the permanent representative of "
              + registry.name(state.code())
              + " from now on.");
      return "redirect:/console/registry/states/" + state.code();
    } catch (RegistryException e) {
      FormErrors errors = new FormErrors();
      errors.refusal(
          e.getMessage(),
          Map.of(
              "name",
              "pr-name",
              "email",
              "pr-email",
              "language",
              "pr-language",
              "timeZone",
              "pr-timeZone",
              "time zone",
              "pr-timeZone"),
          Map.of(),
          "pr-name");
      response.setStatus(e.kind().status());
      return showState(
          state,
          errors,
          FormErrors.values(
              "pr-name", name, "pr-email", email, "pr-language", language, "pr-timeZone", timeZone),
          model);
    }
  }

  private String showState(
      StateParty state, FormErrors errors, Map<String, String> values, Model model) {
    var now = registry.now();
    List<Participation> reviews = new ArrayList<>();
    Map<String, RegistryOverview.ReviewFocalPoint> designated = new java.util.HashMap<>();
    registry.focalPointsOf(state.code()).forEach(f -> designated.put(f.reviewId(), f));
    for (StatusReport.ReviewStatus r : reports.today().reviews()) {
      boolean here = r.underReview().equals(state.code());
      var fp = r.focalPoints().stream().filter(f -> f.state().equals(state.code())).findFirst();
      if (!here && fp.isEmpty() && !designated.containsKey(r.id())) {
        continue;
      }
      reviews.add(
          new Participation(
              r.id(),
              r.underReview(),
              r.phase(),
              r.stage().name(),
              here,
              fp.map(StatusReport.FocalPoint::name)
                  .orElse(
                      designated.containsKey(r.id())
                          ? designated.get(r.id()).person().name()
                          : null),
              fp.map(StatusReport.FocalPoint::interim).orElse(false)));
    }
    model.addAttribute("state", state);
    model.addAttribute("name", registry.name(state.code()));
    model.addAttribute("pr", registry.permanentRepresentatives().get(state.code()));
    model.addAttribute(
        "prHistory",
        registry.permanentRepresentativeHistory(state.code()).stream()
            .sorted(Comparator.comparing(org.revflow.registry.Tenure::from).reversed())
            .toList());
    model.addAttribute("reviews", reviews);
    model.addAttribute("designated", designated);
    model.addAttribute("fieldErrors", errors.asMap());
    model.addAttribute("values", values);
    model.addAttribute("languages", List.of("ar", "zh", "en", "fr", "ru", "es"));
    model.addAttribute("now", now);
    return "console/registry-state";
  }

  @GetMapping("/console/registry/people")
  String people(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) String email,
      Model model) {
    if (email != null && !email.isBlank()) {
      try {
        var found = registry.personByEmail(email.strip());
        if (found.isPresent()) {
          return "redirect:/console/registry/people/" + found.get().id();
        }
        model.addAttribute("notFound", email.strip());
      } catch (RegistryException e) {
        model.addAttribute("notFound", email.strip());
      }
    }
    int size = properties.pageSize();
    int p = page == null || page < 0 ? 0 : page;
    long total = registry.peopleCount();
    model.addAttribute("rows", registry.people(size, p * size));
    int pages = (int) Math.max(1, (total + size - 1) / size);
    model.addAttribute(
        "pages",
        new Pages(
            p,
            pages,
            total,
            p > 0 ? "/console/registry/people?page=" + (p - 1) : null,
            p + 1 < pages ? "/console/registry/people?page=" + (p + 1) : null));
    model.addAttribute("email", email);
    return "console/people";
  }

  @GetMapping("/console/registry/people/{id}")
  String person(@PathVariable long id, Model model) {
    PersonView p = registry.person(id);
    return showPerson(
        p,
        new FormErrors(),
        FormErrors.values(
            "name",
            p.name(),
            "email",
            p.email(),
            "language",
            p.language().code(),
            "timeZone",
            p.timeZone() == null ? "" : p.timeZone().getId()),
        model);
  }

  @PostMapping("/console/registry/people/{id}")
  String updatePerson(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String timeZone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    PersonView p = registry.person(id);
    try {
      registry.updatePerson(
          id,
          new PersonInput(name, email, language, FormErrors.blankToNull(timeZone)),
          currentUser.name());
      redirect.addFlashAttribute("done", "Saved: notices from now on use these details.");
      return "redirect:/console/registry/people/" + id;
    } catch (RegistryException e) {
      FormErrors errors = new FormErrors();
      errors.refusal(
          e.getMessage(),
          Map.of(
              "name",
              "name",
              "email",
              "email",
              "language",
              "language",
              "timeZone",
              "timeZone",
              "time zone",
              "timeZone"),
          Map.of(),
          "name");
      response.setStatus(e.kind().status());
      return showPerson(
          p,
          errors,
          FormErrors.values(
              "name", name, "email", email, "language", language, "timeZone", timeZone),
          model);
    }
  }

  private String showPerson(
      PersonView p, FormErrors errors, Map<String, String> values, Model model) {
    model.addAttribute("person", p);
    model.addAttribute("fieldErrors", errors.asMap());
    model.addAttribute("values", values);
    model.addAttribute("languages", List.of("ar", "zh", "en", "fr", "ru", "es"));
    return "console/person";
  }

  @GetMapping("/console/registry/reviews/{reviewId}/designations")
  String designations(@PathVariable String reviewId, Model model) {
    List<DesignationView> all = registry.designations(reviewId);
    model.addAttribute("reviewId", reviewId);
    model.addAttribute(
        "designations",
        all.stream()
            .sorted(
                Comparator.comparing(DesignationView::stateCode)
                    .thenComparing(DesignationView::validFrom))
            .toList());
    return "console/designations";
  }

  @PostMapping("/console/registry/designations/{designationId}/end")
  String endDesignation(
      @PathVariable long designationId,
      @RequestParam String reviewId,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      DesignationView ended =
          registry.endDesignation(designationId, reference, reason, currentUser.name());
      redirect.addFlashAttribute(
          "done",
          "Ended: "
              + ended.person().name()
              + " ("
              + ended.role().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " of "
              + ended.stateCode()
              + ").");
      return "redirect:/console/registry/reviews/" + ended.reviewId() + "/designations";
    } catch (RegistryException e) {
      response.setStatus(e.kind().status());
      model.addAttribute("endError", e.getMessage());
      model.addAttribute("endErrorId", designationId);
      String page = designations(reviewId, model);
      // A designation already ended has no form to show the refusal in: it goes above the table.
      model.addAttribute(
          "endErrorElsewhere",
          registry.designations(reviewId).stream()
              .noneMatch(d -> d.id() == designationId && d.validTo() == null));
      return page;
    }
  }

  // ---------------------------------------------------------------- CSV imports

  @GetMapping("/console/registry/imports")
  String imports() {
    return "console/imports";
  }

  /** What an import would change, line by line; nothing is written. */
  @PostMapping("/console/registry/imports/{kind}/preview")
  String preview(
      @PathVariable String kind,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String csv,
      Model model,
      HttpServletResponse response)
      throws IOException {
    ImportKind k = ImportKind.of(kind);
    String content =
        file != null && !file.isEmpty()
            ? new String(file.getBytes(), StandardCharsets.UTF_8)
            : csv == null ? "" : csv;
    if (content.isBlank()) {
      response.setStatus(400);
      model.addAttribute("importError", "Choose a CSV file (or paste its lines) to preview.");
      model.addAttribute("kind", k.name().toLowerCase(Locale.ROOT));
      return "console/imports";
    }
    RegistryImports.ImportPreview preview =
        k == ImportKind.DESIGNATIONS
            ? registry.previewDesignations(content, currentUser.name())
            : registry.previewInstruments(content);
    if (!preview.errors().isEmpty()) {
      response.setStatus(422);
    }
    model.addAttribute("kind", k.name().toLowerCase(Locale.ROOT));
    model.addAttribute("preview", preview);
    model.addAttribute("csv", content);
    model.addAttribute(
        "changing",
        preview.changes().stream().filter(RegistryImports.ImportPreview.Change::changes).count());
    return "console/import-preview";
  }

  /** The import itself, of the file the preview showed: all lines or, if any is bad, none. */
  @PostMapping("/console/registry/imports/{kind}")
  String apply(
      @PathVariable String kind,
      @RequestParam(required = false) String csv,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ImportKind k = ImportKind.of(kind);
    String content = csv == null ? "" : csv;
    try {
      int n =
          k == ImportKind.DESIGNATIONS
              ? registry.importDesignations(content, currentUser.name())
              : registry.importInstruments(content, currentUser.name());
      redirect.addFlashAttribute("done", "Imported: " + n + " line(s) applied.");
      return "redirect:/console/registry/imports";
    } catch (RegistryException e) {
      response.setStatus(e.kind().status());
      model.addAttribute("kind", k.name().toLowerCase(Locale.ROOT));
      model.addAttribute(
          "preview",
          new RegistryImports.ImportPreview(
              List.of(),
              e.lineErrors().isEmpty()
                  ? List.of(new RegistryException.LineError(0, e.getMessage()))
                  : e.lineErrors()));
      model.addAttribute("csv", content);
      model.addAttribute("changing", 0L);
      return "console/import-preview";
    }
  }

  enum ImportKind {
    DESIGNATIONS,
    INSTRUMENTS;

    static ImportKind of(String path) {
      try {
        return valueOf(path.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw org.revflow.config.ApiException.notFound("no import of '" + path + "'");
      }
    }
  }
}
