package org.revflow.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "Reports")
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
  @Operation(
      summary = "Read the status report",
      description =
          "Where every review stood on a date (today in Vienna if not given): its stage, its open steps "
              + "with their deadlines as they stood then and days overdue, who acted as focal point; and the counts "
              + "by phase, regional group, instrument and stage.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The report"),
        @ApiResponse(
            responseCode = "400",
            description = "asOf is not a date such as 2027-06-30, or lies in the " + "future")
      })
  StatusReport report(
      @Parameter(
              description =
                  "The report's date, e.g. a status document's cut-off; not in the future")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    return reports.report(asOf);
  }

  @GetMapping(path = "/status.csv", produces = "text/csv")
  @Operation(
      summary = "Download the status report as CSV",
      description =
          "The reviews of the status report, one per line, in UTF-8, with headers in English or French.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "review-status-{date}.csv, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
        @ApiResponse(
            responseCode = "400",
            description =
                "asOf is not a date or lies in the future; lang is " + "neither en nor fr")
      })
  ResponseEntity<byte[]> csv(
      @Parameter(description = "The report's date; not in the future")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf,
      @Parameter(description = "en (default) or fr") @RequestParam(required = false) String lang) {
    StatusReport report = reports.report(asOf);
    return file(
        exports.csv(report, ReportLanguage.of(lang)),
        new MediaType("text", "csv", StandardCharsets.UTF_8),
        "review-status-" + report.asOf() + ".csv");
  }

  @GetMapping(path = "/status.xlsx")
  @Operation(
      summary = "Download the status report as a spreadsheet",
      description =
          "An Excel workbook with a sheet of counts and a sheet of reviews, in English or French.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "review-status-{date}.xlsx, as an attachment",
            content =
                @Content(
                    mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))),
        @ApiResponse(
            responseCode = "400",
            description =
                "asOf is not a date or lies in the future; lang is " + "neither en nor fr")
      })
  ResponseEntity<byte[]> xlsx(
      @Parameter(description = "The report's date; not in the future")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf,
      @Parameter(description = "en (default) or fr") @RequestParam(required = false) String lang) {
    StatusReport report = reports.report(asOf);
    return file(
        exports.xlsx(report, ReportLanguage.of(lang)),
        XLSX,
        "review-status-" + report.asOf() + ".xlsx");
  }

  @GetMapping(path = "/status.svg", produces = "image/svg+xml")
  @Operation(
      summary = "Draw the status report as a chart",
      description =
          "An SVG chart of the reviews by stage, one bar per phase, labelled in English or French.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The chart",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))),
        @ApiResponse(
            responseCode = "400",
            description =
                "asOf is not a date or lies in the future; lang is " + "neither en nor fr")
      })
  ResponseEntity<String> svg(
      @Parameter(description = "The report's date; not in the future")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf,
      @Parameter(description = "en (default) or fr") @RequestParam(required = false) String lang) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/svg+xml"))
        .body(exports.svg(reports.report(asOf), ReportLanguage.of(lang)));
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
