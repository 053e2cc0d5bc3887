package org.revflow.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.revflow.report.ReportExports.ReportLanguage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where the reviews stand on a date, for the Conference's status documents. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "The status of every review on a date: stages, open steps, days overdue, counts")
class ReportController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final StatusReportService reports;
  private final ReportExports exports;

  ReportController(StatusReportService reports, ReportExports exports) {
    this.reports = reports;
    this.exports = exports;
  }

  @GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The status report on a date (today in Vienna by default): every review and the counts")
  StatusReport report(@Parameter(description = "the report's date, e.g. a status document's cut-off; not in the future")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return reports.report(asOf);
  }

  @GetMapping(path = "/status.csv", produces = "text/csv")
  @Operation(summary = "The reviews of the status report as CSV (UTF-8), headers in English or French")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @Parameter(description = "en or fr") @RequestParam(required = false) String lang) {
    StatusReport report = reports.report(asOf);
    return file(exports.csv(report, ReportLanguage.of(lang)), new MediaType("text", "csv", StandardCharsets.UTF_8),
        "review-status-" + report.asOf() + ".csv");
  }

  @GetMapping(path = "/status.xlsx")
  @Operation(summary = "The status report as a spreadsheet: a sheet of counts and a sheet of reviews")
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @Parameter(description = "en or fr") @RequestParam(required = false) String lang) {
    StatusReport report = reports.report(asOf);
    return file(exports.xlsx(report, ReportLanguage.of(lang)), XLSX, "review-status-" + report.asOf() + ".xlsx");
  }

  @GetMapping(path = "/status.svg", produces = "image/svg+xml")
  @Operation(summary = "A chart of the reviews by stage, one bar per phase (SVG)")
  ResponseEntity<String> svg(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @Parameter(description = "en or fr") @RequestParam(required = false) String lang) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
        .body(exports.svg(reports.report(asOf), ReportLanguage.of(lang)));
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
