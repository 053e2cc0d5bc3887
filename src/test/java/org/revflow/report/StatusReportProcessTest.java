package org.revflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.report.StatusReport.FocalPoint;
import org.revflow.report.StatusReport.OpenStep;
import org.revflow.report.StatusReport.ReviewStatus;
import org.revflow.report.StatusReport.Stage;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The status report for past dates, from the history as recorded: a review walked through its first
 * months, and on each chosen date the stage, open steps (with the deadline as it stood then), days
 * overdue and acting focal points worked out by hand from the rules (calendar days, T0 = launch):
 * focal points due T0+14, experts T0+28, preliminary consultation T0+1M, self-assessment T0+6M;
 * translation 1 month and feedback 6 months from the self-assessment's clearance.
 */
@RevFlowTest
class StatusReportProcessTest {

  @Autowired ReviewDriver driver;
  @Autowired StatusReportService reports;
  @Autowired TestRestTemplate http;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void theReportForAPastDateTellsWhereTheReviewStoodThenAndItsExportsReadBack()
      throws java.io.IOException {
    driver.permanentRepresentatives("URY", "PRY", "BOL");
    String id = driver.launch("URY", 1, "PRY", "BOL");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0.plusDays(5), id, "URY");
    driver.time().walkTo(t0.plusDays(20), ReviewDriver.EVENT_TIME);
    driver.designateFocalPoint(t0.plusDays(25), id, "PRY");
    for (String s : List.of("URY", "PRY", "BOL")) {
      driver.on(t0.plusDays(26), id, EventType.EXPERTS_DESIGNATED, s);
    }
    driver.on(t0.plusDays(27), id, EventType.PRELIMINARY_CONSULTATION_HELD);
    driver.on(t0.plusDays(40), id, EventType.SAQ_CLEARED);
    driver.on(t0.plusDays(50), id, EventType.REVIEW_ON_HOLD);
    driver.on(t0.plusDays(60), id, EventType.REVIEW_RESUMED);
    driver.time().walkTo(t0.plusDays(70), ReviewDriver.EVENT_TIME);

    // The day before the launch: planned for no one yet, so not started.
    assertThat(row(t0.minusDays(1), id).stage()).isEqualTo(Stage.NOT_STARTED);

    // T0+20: URY's focal point designated; PRY's and BOL's six days late; everything else open.
    ReviewStatus day20 = row(t0.plusDays(20), id);
    assertThat(day20.stage()).isEqualTo(Stage.SAQ);
    assertThat(day20.onHold()).isFalse();
    assertThat(day20.openSteps())
        .containsExactly(
            new OpenStep("FOCAL_POINT", "BOL", t0.plusDays(14), 6),
            new OpenStep("FOCAL_POINT", "PRY", t0.plusDays(14), 6),
            new OpenStep("EXPERTS", "BOL", t0.plusDays(28), 0),
            new OpenStep("EXPERTS", "PRY", t0.plusDays(28), 0),
            new OpenStep("EXPERTS", "URY", t0.plusDays(28), 0),
            new OpenStep("PRELIMINARY_CONSULTATION", null, t0.plusMonths(1), 0),
            new OpenStep("SAQ", "URY", t0.plusMonths(6), 0));
    assertThat(day20.maxDaysOverdue()).isEqualTo(6);
    assertThat(day20.focalPoints())
        .containsExactlyInAnyOrder(
            new FocalPoint("URY", "Focal point of URY", false),
            new FocalPoint("PRY", "PR of PRY", true),
            new FocalPoint("BOL", "PR of BOL", true));

    // T0+45: the self-assessment cleared on T0+40; translation and feedback open with their first
    // deadlines (the hold that later moved them had not happened yet); BOL's focal point 31 days
    // late.
    LocalDate saq = t0.plusDays(40);
    ReviewStatus day45 = row(t0.plusDays(45), id);
    assertThat(day45.stage()).isEqualTo(Stage.FEEDBACK);
    assertThat(day45.openSteps())
        .containsExactly(
            new OpenStep("FOCAL_POINT", "BOL", t0.plusDays(14), 31),
            new OpenStep("TRANSLATION", null, saq.plusMonths(1), 0),
            new OpenStep("FEEDBACK", "BOL", saq.plusMonths(6), 0),
            new OpenStep("FEEDBACK", "PRY", saq.plusMonths(6), 0));
    assertThat(day45.maxDaysOverdue()).isEqualTo(31);
    assertThat(day45.focalPoints()).contains(new FocalPoint("PRY", "Focal point of PRY", false));

    // On hold from T0+50 to T0+60.
    ReviewStatus day55 = row(t0.plusDays(55), id);
    assertThat(day55.stage()).isEqualTo(Stage.ON_HOLD);
    assertThat(day55.onHold()).isTrue();

    // T0+65: resumed; every deadline moved by the 10 days of the hold.
    ReviewStatus day65 = row(t0.plusDays(65), id);
    assertThat(day65.stage()).isEqualTo(Stage.FEEDBACK);
    assertThat(day65.openSteps())
        .containsExactly(
            new OpenStep("FOCAL_POINT", "BOL", t0.plusDays(24), 41),
            new OpenStep("TRANSLATION", null, saq.plusMonths(1).plusDays(10), 0),
            new OpenStep("FEEDBACK", "BOL", saq.plusMonths(6).plusDays(10), 0),
            new OpenStep("FEEDBACK", "PRY", saq.plusMonths(6).plusDays(10), 0));

    // The review counts once under its stage, its phase and its instrument.
    StatusReport report = reports.report(t0.plusDays(45));
    assertThat(report.counts().total()).isEqualTo(report.reviews().size());
    assertThat(report.counts().byStage().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(report.counts().total());
    assertThat(report.counts().byInstrument().get("UNTOC").getOrDefault(Stage.FEEDBACK, 0))
        .isPositive();

    // The same date exported, read back as the secretariat would open it.
    LocalDate asOf = t0.plusDays(45);
    ResponseEntity<byte[]> csv =
        http.getForEntity("/api/reports/status.csv?asOf=" + asOf + "&lang=fr", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("review-status-" + asOf + ".csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    CSVRecord ury = records.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
    assertThat(ury.getParser().getHeaderNames()).contains("Examen", "État examiné", "Étape");
    assertThat(ury.get("Étape")).isEqualTo("Commentaires écrits");
    assertThat(ury.get(10)).isEqualTo("31");
    assertThat(ury.get(11)).contains("BOL: PR of BOL *", "URY: Focal point of URY");

    ResponseEntity<byte[]> xlsx =
        http.getForEntity("/api/reports/status.xlsx?asOf=" + asOf, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      Sheet reviews = book.getSheet("Reviews");
      DataFormatter cells = new DataFormatter();
      assertThat(cells.formatCellValue(reviews.getRow(0).getCell(6))).isEqualTo("Stage");
      Row line = null;
      for (Row r : reviews) {
        if (id.equals(cells.formatCellValue(r.getCell(0)))) {
          line = r;
        }
      }
      assertThat(line).as("the review's row").isNotNull();
      assertThat(cells.formatCellValue(line.getCell(6))).isEqualTo("Written feedback");
      assertThat(line.getCell(10).getNumericCellValue()).isEqualTo(31.0);
      Sheet counts = book.getSheet("Counts");
      assertThat(cells.formatCellValue(counts.getRow(0).getCell(0)))
          .startsWith("Status of the country reviews on");
      // "All reviews": one row whose total is the report's.
      Row all = counts.getRow(3);
      assertThat(cells.formatCellValue(all.getCell(0))).isEqualTo("Total");
      assertThat(all.getCell(Stage.values().length + 1).getNumericCellValue())
          .isEqualTo(report.counts().total());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    String svg = http.getForObject("/api/reports/status.svg?asOf=" + asOf, String.class);
    assertThat(svg).startsWith("<svg").contains("Written feedback: ");
  }

  @Test
  void aReportForTheFutureOrInAnotherLanguageIsRefused() {
    LocalDate tomorrow = driver.time().today().plusDays(1);
    ResponseEntity<Map> future =
        http.getForEntity("/api/reports/status?asOf=" + tomorrow, Map.class);
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) future.getBody().get("detail")).contains("lies in the future");
    // As a browser or curl asks for a file: anything, and a problem if it comes to that.
    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(MediaType.ALL));
    ResponseEntity<Map> german =
        http.exchange(
            "/api/reports/status.csv?lang=de", HttpMethod.GET, new HttpEntity<>(accept), Map.class);
    assertThat(german.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) german.getBody().get("detail")).contains("en or fr");
  }

  private ReviewStatus row(LocalDate asOf, String id) {
    return reports.report(asOf).reviews().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in the report for " + asOf));
  }
}
