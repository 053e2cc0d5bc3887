package org.revflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.revflow.report.StatusReport.OpenStep;
import org.revflow.report.StatusReport.ReviewStatus;
import org.revflow.report.StatusReport.Stage;
import org.springframework.stereotype.Component;

/**
 * The status report as the secretariat hands it on: CSV (one row per review), a spreadsheet with a
 * sheet of counts and a sheet of reviews, and a chart of reviews by stage per phase (SVG), with
 * headers and stage names in English or French.
 */
@Component
public class ReportExports {

  /**
   * The languages the report is written in: the working languages of the Conference's secretariat.
   */
  public enum ReportLanguage {
    EN,
    FR;

    public static ReportLanguage of(String code) {
      if (code == null || code.isBlank()) {
        return EN;
      }
      try {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw org.revflow.config.ApiException.invalid(
            "the report is written in en or fr, not '" + code + "'");
      }
    }

    Locale locale() {
      return this == EN ? Locale.UK : Locale.FRANCE;
    }
  }

  private final Map<ReportLanguage, Properties> messages =
      Map.of(
          ReportLanguage.EN,
          load("report/messages_en.properties"),
          ReportLanguage.FR,
          load("report/messages_fr.properties"));

  /** One row per review, the columns of the reviews sheet. */
  public byte[] csv(StatusReport report, ReportLanguage lang) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(reviewHeaders(lang));
      for (ReviewStatus r : report.reviews()) {
        csv.printRecord(reviewCells(r, lang));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A byte order mark, so that spreadsheet programs read the accents and the Arabic names right.
    return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
  }

  /** A workbook with a sheet of counts (by phase, group, instrument) and a sheet of reviews. */
  public byte[] xlsx(StatusReport report, ReportLanguage lang) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet counts = book.createSheet(text(lang, "sheet.counts"));
      int row = 0;
      row = title(counts, row, format(lang, "title", date(report, lang)), bold);
      row =
          countTable(
              counts,
              row + 1,
              text(lang, "counts.all"),
              Map.of(text(lang, "col.total"), report.counts().byStage()),
              lang,
              bold);
      Map<String, Map<Stage, Integer>> byPhase = new java.util.LinkedHashMap<>();
      report
          .counts()
          .byPhaseAndStage()
          .forEach((p, c) -> byPhase.put(format(lang, "chart.phase", p), c));
      row = countTable(counts, row + 1, text(lang, "counts.byPhase"), byPhase, lang, bold);
      row =
          countTable(
              counts, row + 1, text(lang, "counts.byGroup"), report.counts().byGroup(), lang, bold);
      Map<String, Map<Stage, Integer>> byInstrument = new java.util.LinkedHashMap<>();
      report
          .counts()
          .byInstrument()
          .forEach((i, c) -> byInstrument.put(text(lang, "instrument." + i), c));
      countTable(counts, row + 1, text(lang, "counts.byInstrument"), byInstrument, lang, bold);
      counts.setColumnWidth(0, 36 * 256);

      Sheet reviews = book.createSheet(text(lang, "sheet.reviews"));
      Row header = reviews.createRow(0);
      List<String> headers = reviewHeaders(lang);
      for (int c = 0; c < headers.size(); c++) {
        header.createCell(c).setCellValue(headers.get(c));
        header.getCell(c).setCellStyle(bold);
      }
      int r = 1;
      for (ReviewStatus review : report.reviews()) {
        Row line = reviews.createRow(r++);
        List<Object> cells = reviewCells(review, lang);
        for (int c = 0; c < cells.size(); c++) {
          Object v = cells.get(c);
          if (v instanceof Number n) {
            line.createCell(c).setCellValue(n.doubleValue());
          } else {
            line.createCell(c).setCellValue(v == null ? "" : v.toString());
          }
        }
      }
      reviews.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reviews by stage, one stacked bar per phase: what the dashboard and the Conference's documents
   * show.
   */
  public String svg(StatusReport report, ReportLanguage lang) {
    Map<Integer, Map<Stage, Integer>> byPhase = report.counts().byPhaseAndStage();
    List<Stage> stages = List.of(Stage.values());
    int barWidth = 90;
    int gap = 40;
    int left = 60;
    int top = 50;
    int height = 300;
    int legendWidth = 260;
    int phases = Math.max(1, byPhase.size());
    int width = left + phases * (barWidth + gap) + legendWidth;
    int max =
        byPhase.values().stream()
            .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum())
            .max()
            .orElse(1);
    max = Math.max(1, max);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(top + height + 60)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(top + height + 60)
        .append(
            "\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"Arial, Helvetica, sans-serif\">\n");
    svg.append("<title id=\"chart-title\">")
        .append(escape(format(lang, "chart.title", date(report, lang))))
        .append("</title>\n");
    svg.append("<text x=\"")
        .append(left)
        .append("\" y=\"24\" font-size=\"16\" font-weight=\"bold\">")
        .append(escape(format(lang, "chart.title", date(report, lang))))
        .append("</text>\n");
    svg.append("<line x1=\"")
        .append(left - 5)
        .append("\" y1=\"")
        .append(top + height)
        .append("\" x2=\"")
        .append(left + phases * (barWidth + gap))
        .append("\" y2=\"")
        .append(top + height)
        .append("\" stroke=\"#333\"/>\n");
    int x = left;
    for (Map.Entry<Integer, Map<Stage, Integer>> phase : byPhase.entrySet()) {
      int y = top + height;
      int total = 0;
      for (Stage stage : stages) {
        int n = phase.getValue().getOrDefault(stage, 0);
        if (n == 0) {
          continue;
        }
        total += n;
        int h = (int) Math.round((double) n * height / max);
        y -= h;
        svg.append("<rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(barWidth)
            .append("\" height=\"")
            .append(h)
            .append("\" fill=\"")
            .append(COLOURS[stage.ordinal() % COLOURS.length])
            .append("\"><title>")
            .append(escape(text(lang, "stage." + stage) + ": " + n))
            .append("</title></rect>\n");
      }
      svg.append("<text x=\"")
          .append(x + barWidth / 2)
          .append("\" y=\"")
          .append(y - 6)
          .append("\" font-size=\"12\" text-anchor=\"middle\">")
          .append(total)
          .append("</text>\n");
      svg.append("<text x=\"")
          .append(x + barWidth / 2)
          .append("\" y=\"")
          .append(top + height + 18)
          .append("\" font-size=\"12\" text-anchor=\"middle\">")
          .append(escape(format(lang, "chart.phase", phase.getKey())))
          .append("</text>\n");
      x += barWidth + gap;
    }
    int ly = top;
    int lx = left + phases * (barWidth + gap) + 10;
    for (Stage stage : stages) {
      svg.append("<rect x=\"")
          .append(lx)
          .append("\" y=\"")
          .append(ly)
          .append("\" width=\"12\" height=\"12\" fill=\"")
          .append(COLOURS[stage.ordinal() % COLOURS.length])
          .append("\"/>\n");
      svg.append("<text x=\"")
          .append(lx + 18)
          .append("\" y=\"")
          .append(ly + 10)
          .append("\" font-size=\"12\">")
          .append(escape(text(lang, "stage." + stage)))
          .append("</text>\n");
      ly += 18;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Colours distinguishable by most readers and printable in grey (stage order). */
  private static final String[] COLOURS = {
    "#bdbdbd", "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728",
    "#ff9896", "#9467bd", "#c5b0d5", "#8c564b", "#c49c94", "#7f7f7f", "#17becf"
  };

  private List<String> reviewHeaders(ReportLanguage lang) {
    return List.of(
        text(lang, "col.review"),
        text(lang, "col.underReview"),
        text(lang, "col.phase"),
        text(lang, "col.cluster"),
        text(lang, "col.group"),
        text(lang, "col.instruments"),
        text(lang, "col.stage"),
        text(lang, "col.launchDate"),
        text(lang, "col.onHold"),
        text(lang, "col.openSteps"),
        text(lang, "col.maxDaysOverdue"),
        text(lang, "col.focalPoints"));
  }

  private List<Object> reviewCells(ReviewStatus r, ReportLanguage lang) {
    List<Object> cells = new ArrayList<>();
    cells.add(r.id());
    cells.add(r.underReview());
    cells.add(r.phase());
    cells.add(r.cluster());
    cells.add(r.group() == null ? "" : r.group().toString());
    cells.add(
        r.instruments().stream()
            .map(i -> text(lang, "instrument." + i))
            .collect(Collectors.joining("; ")));
    cells.add(text(lang, "stage." + r.stage()));
    cells.add(r.launchDate() == null ? "" : r.launchDate().toString());
    cells.add(text(lang, r.onHold() ? "yes" : "no"));
    cells.add(r.openSteps().stream().map(s -> openStep(s, lang)).collect(Collectors.joining("; ")));
    cells.add(r.maxDaysOverdue());
    cells.add(
        r.focalPoints().stream()
            .map(
                f ->
                    f.state()
                        + ": "
                        + (f.name() == null ? "-" : f.name())
                        + (f.interim() ? " *" : ""))
            .collect(Collectors.joining("; ")));
    return cells;
  }

  private String openStep(OpenStep s, ReportLanguage lang) {
    return text(lang, "stage." + s.step())
        + (s.state() == null ? "" : " (" + s.state() + ")")
        + " "
        + s.due()
        + (s.daysOverdue() > 0 ? ", " + s.daysOverdue() : "");
  }

  private int title(Sheet sheet, int row, String title, CellStyle bold) {
    Row r = sheet.createRow(row);
    r.createCell(0).setCellValue(title);
    r.getCell(0).setCellStyle(bold);
    return row + 1;
  }

  /** A table with one row per key, one column per stage, and the row's total. */
  private int countTable(
      Sheet sheet,
      int row,
      String title,
      Map<String, Map<Stage, Integer>> rows,
      ReportLanguage lang,
      CellStyle bold) {
    Row head = sheet.createRow(row++);
    head.createCell(0).setCellValue(title);
    head.getCell(0).setCellStyle(bold);
    Stage[] stages = Stage.values();
    for (int c = 0; c < stages.length; c++) {
      head.createCell(c + 1).setCellValue(text(lang, "stage." + stages[c]));
      head.getCell(c + 1).setCellStyle(bold);
    }
    head.createCell(stages.length + 1).setCellValue(text(lang, "col.total"));
    head.getCell(stages.length + 1).setCellStyle(bold);
    for (Map.Entry<String, Map<Stage, Integer>> e : rows.entrySet()) {
      Row line = sheet.createRow(row++);
      line.createCell(0).setCellValue(e.getKey());
      int total = 0;
      for (int c = 0; c < stages.length; c++) {
        int n = e.getValue().getOrDefault(stages[c], 0);
        total += n;
        line.createCell(c + 1).setCellValue(n);
      }
      line.createCell(stages.length + 1).setCellValue(total);
    }
    return row;
  }

  private String date(StatusReport report, ReportLanguage lang) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(lang.locale())
        .format(report.asOf());
  }

  private String text(ReportLanguage lang, String key) {
    String v = messages.get(lang).getProperty(key);
    if (v == null) {
      throw new IllegalStateException("no report text '" + key + "' in " + lang);
    }
    return v;
  }

  private String format(ReportLanguage lang, String key, Object arg) {
    return new MessageFormat(text(lang, key).replace("'", "''"), lang.locale())
        .format(new Object[] {arg});
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = ReportExports.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
