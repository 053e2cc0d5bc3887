package org.revflow.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The registry's CSV dialect: RFC 4180 (quoted fields may hold commas, quotes and line breaks),
 * UTF-8 with or without a byte-order mark, a header line (names case-insensitive), '#' comment
 * lines and blank lines ignored. Rows carry the physical line they start on, for error reports.
 */
public final class Csv {

  /** One data row: its field values by lower-case header name, and the line it starts on. */
  public record Row(long line, Map<String, String> values) {
    /** The trimmed value, or null when empty or absent. */
    public String get(String column) {
      String v = values.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  private Csv() {}

  /** Decodes strict UTF-8 (a bad byte sequence is an error, not a replacement character). */
  public static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RegistryException(
          RegistryException.Kind.INVALID_CSV,
          "the file is not valid UTF-8",
          List.of(new RegistryException.LineError(0, "not valid UTF-8")));
    }
  }

  /**
   * Parses the text; every structural problem (missing columns, wrong field count, broken quoting)
   * is reported with its line, all at once.
   */
  public static List<Row> parse(String text, Set<String> required, Set<String> optional) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    long[] lineStarts = lineStarts(body);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(false)
            .get();
    List<Row> rows = new ArrayList<>();
    List<RegistryException.LineError> errors = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(body)).setFormat(format).get()) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      long headerLine = parser.getCurrentLineNumber();
      Set<String> missing = new TreeSet<>(required);
      missing.removeAll(header);
      Set<String> unknown = new TreeSet<>(header);
      unknown.removeAll(required);
      unknown.removeAll(optional);
      if (header.isEmpty()) {
        throw invalid(List.of(new RegistryException.LineError(1, "no header line")));
      }
      if (!missing.isEmpty() || !unknown.isEmpty()) {
        String reason =
            (missing.isEmpty() ? "" : "missing column(s) " + missing + " ")
                + (unknown.isEmpty() ? "" : "unknown column(s) " + unknown + " ")
                + "(expected "
                + required
                + (optional.isEmpty() ? "" : " and optionally " + optional)
                + ")";
        throw invalid(
            List.of(new RegistryException.LineError(Math.max(headerLine, 1), reason.strip())));
      }
      var it = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          errors.add(
              new RegistryException.LineError(
                  parser.getCurrentLineNumber(), "malformed CSV: " + rootMessage(e)));
          break;
        }
        long line =
            contentLine(body, lineStarts, lineOf(lineStarts, record.getCharacterPosition()));
        if (record.size() != header.size()) {
          errors.add(
              new RegistryException.LineError(
                  line, "expected " + header.size() + " fields, found " + record.size()));
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i));
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      throw invalid(
          List.of(new RegistryException.LineError(1, "malformed CSV: " + rootMessage(e))));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return rows;
  }

  public static RegistryException invalid(List<RegistryException.LineError> errors) {
    return new RegistryException(
        RegistryException.Kind.INVALID_CSV,
        "the CSV file was not imported (nothing was written): " + errors.size() + " bad line(s)",
        errors);
  }

  /** yes/no, true/false, 1/0, x/blank. */
  public static Boolean bool(String value) {
    if (value == null || value.isBlank()) {
      return Boolean.FALSE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "1", "x" -> Boolean.TRUE;
      case "no", "n", "false", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static long[] lineStarts(String body) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == '\n' || (ch == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
        starts.add((long) i + 1);
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  /** A record's position includes the comment and blank lines before it: skip them. */
  private static long contentLine(String body, long[] starts, long line) {
    long l = line;
    while (l < starts.length) {
      int from = (int) starts[(int) l - 1];
      int to = (int) starts[(int) l];
      String text = body.substring(from, to).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        break;
      }
      l++;
    }
    return l;
  }

  private static long lineOf(long[] starts, long position) {
    int i = Arrays.binarySearch(starts, position);
    return (i >= 0 ? i : -i - 2) + 1L;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
