package org.revflow.console;

import java.util.List;
import org.revflow.report.ReportExports;
import org.revflow.report.StatusReport;
import org.revflow.report.StatusReportService;
import org.revflow.simulation.PreviewService;
import org.springframework.stereotype.Component;

/** The pages' door into the status report and the preview of notices to come. */
@Component
class ConsoleReports {

  private final StatusReportService reports;
  private final ReportExports exports;
  private final PreviewService previews;

  ConsoleReports(StatusReportService reports, ReportExports exports, PreviewService previews) {
    this.reports = reports;
    this.exports = exports;
    this.previews = previews;
  }

  /** Where every review stands today. */
  StatusReport today() {
    return reports.report(null);
  }

  /** The chart of reviews by stage and phase, as the status report draws it (SVG, escaped text). */
  String chart(StatusReport report) {
    return exports.svg(report, ReportExports.ReportLanguage.EN);
  }

  /**
   * The ladder notices the review's open steps will send in the next {@code days} days if nothing
   * else happens.
   */
  List<PreviewService.PlannedNotice> planned(String reviewId, int days) {
    return previews.preview(reviewId, days);
  }
}
