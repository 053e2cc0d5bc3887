package org.revflow.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;

/**
 * A review on one time axis, drawn as SVG: a row per step occurrence (a bar from its start to its
 * end, or to today while open, red past its deadline, a tick at the deadline), the notices sent and
 * the notices planned on the rows of their steps, and today's line. Positions are SVG attributes,
 * not styles, so the pages' Content-Security-Policy needs no inline styles. Every text is escaped
 * here. The page gives the same facts as tables beside it: the drawing is for the eye, not the only
 * way in.
 */
final class Timeline {

  static final int LABEL_WIDTH = 270;
  static final int PLOT_WIDTH = 860;
  static final int ROW_HEIGHT = 24;
  static final int TOP = 46;

  /** One step occurrence. {@code end} null while open. */
  record Row(
      long stepId, String label, LocalDate start, LocalDate due, LocalDate end, boolean paused) {}

  /** A notice on the axis: sent (or failed, or waiting), or planned by the preview. */
  record Mark(Long stepId, String step, String state, LocalDate on, String label, Kind kind) {}

  enum Kind {
    SENT,
    FAILED,
    PENDING,
    PLANNED
  }

  private Timeline() {}

  /**
   * @param rows step occurrences, in the order to draw them
   * @param marks notices; those whose step is not a row go on the first row, "The review"
   * @param reviewLabel the name of that first row
   * @param title the drawing's accessible name
   */
  static String svg(
      List<Row> rows,
      List<Mark> marks,
      LocalDate launch,
      LocalDate today,
      String reviewLabel,
      String title,
      Function<String, String> text) {
    LocalDate from = launch;
    LocalDate to = today.plusDays(14);
    for (Row r : rows) {
      from = min(from, r.start());
      to = max(to, r.due());
      if (r.end() != null) {
        to = max(to, r.end());
      }
    }
    for (Mark m : marks) {
      from = min(from, m.on());
      to = max(to, m.on());
    }
    from = from.withDayOfMonth(1);
    to = to.plusMonths(1).withDayOfMonth(1);
    long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    double perDay = (double) PLOT_WIDTH / days;
    final LocalDate origin = from;
    Function<LocalDate, Double> x = d -> LABEL_WIDTH + ChronoUnit.DAYS.between(origin, d) * perDay;

    // Row 0 is the review itself: launch, and notices of no step (announcements, launch notices).
    Map<Long, Integer> rowOf = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rowOf.put(rows.get(i).stepId(), i + 1);
    }
    int height = TOP + (rows.size() + 1) * ROW_HEIGHT + 16;
    int width = LABEL_WIDTH + PLOT_WIDTH + 16;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append(
            "\" role=\"img\" aria-labelledby=\"timeline-title\" font-family=\"system-ui, Arial, sans-serif\""
                + " font-size=\"12\" id=\"timeline\">\n");
    svg.append("<title id=\"timeline-title\">").append(esc(title)).append("</title>\n");

    // Month grid and labels: every month, labelled every 1, 2 or 3 months as space allows.
    long months = ChronoUnit.MONTHS.between(from, to);
    int labelEvery = months <= 12 ? 1 : months <= 24 ? 2 : 3;
    DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    int i = 0;
    for (LocalDate m = from; !m.isAfter(to); m = m.plusMonths(1), i++) {
      double mx = x.apply(m);
      svg.append("<line x1=\"")
          .append(f(mx))
          .append("\" y1=\"")
          .append(TOP - 6)
          .append("\" x2=\"")
          .append(f(mx))
          .append("\" y2=\"")
          .append(height - 10)
          .append("\" stroke=\"#d8d8d8\"/>\n");
      if (i % labelEvery == 0 && m.isBefore(to)) {
        svg.append("<text x=\"")
            .append(f(mx + 2))
            .append("\" y=\"")
            .append(TOP - 12)
            .append("\" fill=\"#1b1b1b\">")
            .append(esc(monthFormat.format(m)))
            .append("</text>\n");
      }
    }

    // Row labels and bars.
    row(svg, 0, esc(reviewLabel), null);
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int y = TOP + (r + 1) * ROW_HEIGHT;
      row(svg, r + 1, esc(row.label()), null);
      LocalDate end = row.end() != null ? row.end() : today;
      double x0 = x.apply(row.start());
      double xDue = x.apply(row.due());
      double xEnd = Math.max(x0 + 2, x.apply(end));
      String state =
          row.end() != null
              ? text.apply("timeline.done")
              : row.paused() ? text.apply("timeline.paused") : text.apply("timeline.open");
      String tip =
          row.label()
              + ": "
              + row.start()
              + " \u2192 "
              + (row.end() != null ? row.end() : "")
              + " ("
              + state
              + "), "
              + text.apply("timeline.due")
              + " "
              + row.due();
      double onTimeEnd = Math.min(xEnd, Math.max(x0, xDue));
      svg.append("<g><title>").append(esc(tip)).append("</title>");
      if (onTimeEnd > x0) {
        rect(
            svg,
            x0,
            y + 6,
            onTimeEnd - x0,
            ROW_HEIGHT - 12,
            row.end() != null ? "#7a9cc6" : "#1d3f6e");
      }
      if (xEnd > xDue && end.isAfter(row.due())) {
        rect(svg, Math.max(x0, xDue), y + 6, xEnd - Math.max(x0, xDue), ROW_HEIGHT - 12, "#a4000f");
      }
      // The deadline: a tick across the bar.
      svg.append("<line x1=\"")
          .append(f(xDue))
          .append("\" y1=\"")
          .append(y + 2)
          .append("\" x2=\"")
          .append(f(xDue))
          .append("\" y2=\"")
          .append(y + ROW_HEIGHT - 2)
          .append("\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>");
      svg.append("</g>\n");
    }

    // Notices: grouped by row, day and kind, so that one notice to several people is one mark.
    Map<String, List<Mark>> groups = new LinkedHashMap<>();
    for (Mark m : marks) {
      int r = m.stepId() != null && rowOf.containsKey(m.stepId()) ? rowOf.get(m.stepId()) : 0;
      groups
          .computeIfAbsent(
              r + "|" + m.on() + "|" + m.kind() + "|" + m.label(), k -> new ArrayList<>())
          .add(m);
    }
    for (Map.Entry<String, List<Mark>> g : groups.entrySet()) {
      int r = Integer.parseInt(g.getKey().substring(0, g.getKey().indexOf('|')));
      Mark m = g.getValue().get(0);
      double cx = x.apply(m.on());
      int cy = TOP + r * ROW_HEIGHT + ROW_HEIGHT / 2;
      String tip =
          m.on()
              + ": "
              + m.label()
              + " ("
              + text.apply("timeline.mark." + m.kind())
              + (g.getValue().size() > 1
                  ? ", " + g.getValue().size() + " " + text.apply("timeline.emails")
                  : "")
              + ")";
      svg.append("<g class=\"mark\"><title>").append(esc(tip)).append("</title>");
      svg.append(marker(m.kind(), cx, cy));
      svg.append("</g>\n");
    }

    // Today.
    double tx = x.apply(today);
    svg.append("<line x1=\"")
        .append(f(tx))
        .append("\" y1=\"")
        .append(TOP - 6)
        .append("\" x2=\"")
        .append(f(tx))
        .append("\" y2=\"")
        .append(height - 10)
        .append("\" stroke=\"#1b1b1b\" stroke-width=\"2\"" + " stroke-dasharray=\"5 3\"/>\n");
    svg.append("<text x=\"")
        .append(f(tx + 3))
        .append("\" y=\"")
        .append(height - 2)
        .append("\" fill=\"#1b1b1b\"" + " font-weight=\"bold\">")
        .append(esc(text.apply("timeline.today")))
        .append("</text>\n");
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** A legend entry's symbol, drawn as on the axis. */
  static String legendSymbol(String what) {
    StringBuilder s =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"26\" height=\"14\""
                + " aria-hidden=\"true\" focusable=\"false\">");
    switch (what) {
      case "done" -> rect(s, 1, 2, 24, 10, "#7a9cc6");
      case "open" -> rect(s, 1, 2, 24, 10, "#1d3f6e");
      case "late" -> rect(s, 1, 2, 24, 10, "#a4000f");
      case "due" ->
          s.append(
              "<line x1=\"13\" y1=\"0\" x2=\"13\" y2=\"14\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>");
      default -> s.append(marker(Kind.valueOf(what), 13, 7));
    }
    return s.append("</svg>").toString();
  }

  private static String marker(Kind kind, double cx, double cy) {
    return switch (kind) {
      case SENT ->
          "<circle cx=\""
              + f(cx)
              + "\" cy=\""
              + f(cy)
              + "\" r=\"5\" fill=\"#0b6b2c\" stroke=\"#fff\""
              + " stroke-width=\"1\"/>";
      case PLANNED ->
          "<circle cx=\""
              + f(cx)
              + "\" cy=\""
              + f(cy)
              + "\" r=\"4.5\" fill=\"#fff\" stroke=\"#0b6b2c\""
              + " stroke-width=\"2\"/>";
      case PENDING ->
          "<rect x=\""
              + f(cx - 4.5)
              + "\" y=\""
              + f(cy - 4.5)
              + "\" width=\"9\" height=\"9\""
              + " fill=\"#b26b00\"/>";
      case FAILED ->
          "<path d=\"M"
              + f(cx - 5)
              + " "
              + f(cy - 5)
              + " L"
              + f(cx + 5)
              + " "
              + f(cy + 5)
              + " M"
              + f(cx + 5)
              + " "
              + f(cy - 5)
              + " L"
              + f(cx - 5)
              + " "
              + f(cy + 5)
              + "\" stroke=\"#a4000f\""
              + " stroke-width=\"3\"/>";
    };
  }

  private static void row(StringBuilder svg, int index, String label, String unused) {
    int y = TOP + index * ROW_HEIGHT;
    if (index % 2 == 1) {
      svg.append("<rect x=\"0\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(LABEL_WIDTH + PLOT_WIDTH)
          .append("\" height=\"")
          .append(ROW_HEIGHT)
          .append("\" fill=\"#f3f2f1\"/>\n");
    }
    svg.append("<text x=\"6\" y=\"")
        .append(y + 16)
        .append("\" fill=\"#1b1b1b\">")
        .append(label)
        .append("</text>\n");
  }

  private static void rect(StringBuilder svg, double x, double y, double w, double h, String fill) {
    svg.append("<rect x=\"")
        .append(f(x))
        .append("\" y=\"")
        .append(f(y))
        .append("\" width=\"")
        .append(f(w))
        .append("\" height=\"")
        .append(f(h))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>");
  }

  /** Rows in the order of the lifecycle: by start, then by step, State and round. */
  static final Comparator<Row> ORDER = Comparator.comparing(Row::start).thenComparing(Row::stepId);

  private static LocalDate min(LocalDate a, LocalDate b) {
    return b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(Objects.toString(s, ""), "UTF-8");
  }
}
