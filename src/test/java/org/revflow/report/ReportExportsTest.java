package org.revflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.revflow.config.ApiException;
import org.revflow.report.ReportExports.ReportLanguage;
import org.revflow.report.StatusReport.FocalPoint;
import org.revflow.report.StatusReport.OpenStep;
import org.revflow.report.StatusReport.ReviewStatus;
import org.revflow.report.StatusReport.Stage;

/** The report's counts and exports, from a report built by hand, each export read back. */
class ReportExportsTest {

  static final LocalDate AS_OF = LocalDate.of(2028, 3, 31);

  static final List<ReviewStatus> ROWS =
      List.of(
          new ReviewStatus(
              "AUT-P2-2027",
              "AUT",
              2,
              "CLUSTER_2",
              1,
              List.of("TIP", "UNTOC"),
              Stage.FEEDBACK,
              LocalDate.of(2027, 3, 1),
              false,
              List.of(new OpenStep("FEEDBACK", "DEU", LocalDate.of(2028, 3, 1), 30)),
              30,
              List.of(
                  new FocalPoint("AUT", "María López", false),
                  new FocalPoint("DEU", "PR of DEU", true))),
          new ReviewStatus(
              "CIV-P2-2027",
              "CIV",
              2,
              "CLUSTER_2",
              1,
              List.of("UNTOC"),
              Stage.ON_HOLD,
              LocalDate.of(2027, 3, 1),
              true,
              List.of(),
              0,
              List.of()),
          new ReviewStatus(
              "EGY-P3-2029",
              "EGY",
              3,
              "CLUSTER_3",
              null,
              List.of(),
              Stage.NOT_STARTED,
              LocalDate.of(2029, 3, 1),
              false,
              List.of(),
              0,
              List.of()));

  static final StatusReport REPORT =
      new StatusReport(AS_OF, ROWS, StatusReportService.counts(ROWS));
  final ReportExports exports = new ReportExports();

  @Test
  void aReviewCountsOnceUnderEachInstrumentItCoversAndOnceEverywhereElse() {
    StatusReport.Counts c = REPORT.counts();
    assertThat(c.total()).isEqualTo(3);
    assertThat(c.byStage())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Stage.FEEDBACK, 1, Stage.ON_HOLD, 1, Stage.NOT_STARTED, 1));
    assertThat(c.byPhaseAndStage()).containsOnlyKeys(2, 3);
    assertThat(c.byPhaseAndStage().get(2))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Stage.FEEDBACK, 1, Stage.ON_HOLD, 1));
    assertThat(c.byGroup()).containsOnlyKeys("1", "-");
    assertThat(c.byInstrument().get("UNTOC"))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Stage.FEEDBACK, 1, Stage.ON_HOLD, 1));
    assertThat(c.byInstrument().get("TIP"))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Stage.FEEDBACK, 1));
  }

  @Test
  void theCsvReadsBackInFrenchWithItsAccents() throws IOException {
    String text = new String(exports.csv(REPORT, ReportLanguage.FR), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    assertThat(rows).hasSize(3);
    CSVRecord aut = rows.getFirst();
    assertThat(aut.get("Examen")).isEqualTo("AUT-P2-2027");
    assertThat(aut.get("Étape")).isEqualTo("Commentaires écrits");
    assertThat(aut.get(5)).isEqualTo("Protocole relatif à la traite des personnes; Convention");
    assertThat(aut.get(9)).isEqualTo("Commentaires écrits (DEU) 2028-03-01, 30");
    assertThat(aut.get(11)).isEqualTo("AUT: María López; DEU: PR of DEU *");
    assertThat(rows.get(1).get(8)).isEqualTo("oui");
    assertThat(rows.get(2).get("Étape")).isEqualTo("Non commencé");
  }

  @Test
  void theWorkbookHasASheetOfCountsAndOneOfReviews() throws IOException {
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(exports.xlsx(REPORT, ReportLanguage.EN)))) {
      DataFormatter f = new DataFormatter();
      assertThat(book.getSheetName(0)).isEqualTo("Counts");
      assertThat(book.getSheetName(1)).isEqualTo("Reviews");
      Sheet counts = book.getSheetAt(0);
      assertThat(f.formatCellValue(counts.getRow(0).getCell(0)))
          .isEqualTo("Status of the country reviews on 31 March 2028");
      int feedback = Stage.FEEDBACK.ordinal() + 1;
      int total = Stage.values().length + 1;
      Map<String, Row> byLabel = new java.util.HashMap<>();
      for (Row r : counts) {
        byLabel.putIfAbsent(f.formatCellValue(r.getCell(0)), r);
      }
      assertThat(byLabel.get("Total").getCell(total).getNumericCellValue()).isEqualTo(3.0);
      assertThat(byLabel.get("Phase 2").getCell(feedback).getNumericCellValue()).isEqualTo(1.0);
      assertThat(byLabel.get("Phase 2").getCell(total).getNumericCellValue()).isEqualTo(2.0);
      assertThat(
              byLabel.get("Trafficking in Persons Protocol").getCell(total).getNumericCellValue())
          .isEqualTo(1.0);
      assertThat(byLabel.get("Convention").getCell(total).getNumericCellValue()).isEqualTo(2.0);
      assertThat(byLabel.get("-").getCell(Stage.NOT_STARTED.ordinal() + 1).getNumericCellValue())
          .isEqualTo(1.0);

      Sheet reviews = book.getSheetAt(1);
      assertThat(reviews.getLastRowNum()).isEqualTo(3);
      assertThat(f.formatCellValue(reviews.getRow(1).getCell(0))).isEqualTo("AUT-P2-2027");
      assertThat(f.formatCellValue(reviews.getRow(1).getCell(6))).isEqualTo("Written feedback");
      assertThat(reviews.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(30.0);
      assertThat(f.formatCellValue(reviews.getRow(2).getCell(8))).isEqualTo("yes");
    }
  }

  @Test
  void theChartIsWellFormedSvgWithOneBarPerPhaseAndANamedStage() throws Exception {
    String svg = exports.svg(REPORT, ReportLanguage.FR);
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg)
        .contains(
            ">Phase 2<", ">Phase 3<", "Commentaires écrits: 1", "Suspendu: 1", "Non commencé: 1");
  }

  @Test
  void onlyEnglishAndFrench() {
    assertThat(ReportLanguage.of(null)).isEqualTo(ReportLanguage.EN);
    assertThat(ReportLanguage.of(" fr ")).isEqualTo(ReportLanguage.FR);
    assertThatThrownBy(() -> ReportLanguage.of("es"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("en or fr");
  }
}
