package org.revflow.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen for the pages' tests: keeps cookies, follows no redirect by itself,
 * and sends a form with the CSRF token of the last page it read (as a browser would).
 */
final class ConsoleClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String lastCsrf;

  ConsoleClient(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  record Response(int status, String body, HttpHeaders headers) {
    String location() {
      return headers.firstValue("Location").orElse(null);
    }

    List<String> setCookies() {
      return headers.allValues("Set-Cookie");
    }
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
  }

  /** A GET as htmx sends it, to refresh a part of a page. */
  Response getHtmx(String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .GET()
            .header("Accept", "text/html")
            .header("HX-Request", "true"));
  }

  /**
   * A form post with this page's CSRF token (the last one read), unless the form names its own
   * {@code _csrf}.
   */
  Response post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (lastCsrf != null) {
      fields.put("_csrf", lastCsrf);
    }
    fields.putAll(form);
    fields.values().removeIf(v -> v == null);
    return postRaw(path, fields);
  }

  /** A form post exactly as given: no token added. */
  Response postRaw(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A multipart form with one file, and this page's CSRF token. */
  Response postFile(
      String path, Map<String, String> form, String fileField, String fileName, byte[] content) {
    String boundary = "----revflow" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    if (lastCsrf != null) {
      fields.put("_csrf", lastCsrf);
    }
    fields.putAll(form);
    try {
      for (var f : fields.entrySet()) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"\r\n\r\n"
                    + f.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: text/csv\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  /** Signs in with the form; the answer is the redirect after it. */
  Response signIn(String user, String password) {
    get("/console/login");
    return post("/console/login", Map.of("username", user, "password", password));
  }

  /** Follows a redirect answer once (GET, as a browser after a 302 or 303). */
  Response follow(Response redirect) {
    String location = redirect.location();
    if (location == null) {
      throw new AssertionError("not a redirect: " + redirect.status() + "\n" + redirect.body());
    }
    return get(
        location.startsWith("http")
            ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null
                    ? ""
                    : "?" + URI.create(location).getRawQuery())
            : location);
  }

  String csrf() {
    return lastCsrf;
  }

  /** The value of a cookie this client holds, or null. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /**
   * Forgets the session cookie, as a browser whose session ended on the server keeps sending the
   * old one.
   */
  void replaceCookie(String name, String value) {
    var store = cookies.getCookieStore();
    for (HttpCookie c : List.copyOf(store.getCookies())) {
      if (c.getName().equals(name)) {
        store.remove(null, c);
        HttpCookie replaced = new HttpCookie(name, value);
        replaced.setPath(c.getPath());
        replaced.setVersion(0);
        store.add(URI.create(base), replaced);
      }
    }
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        lastCsrf = m.group(1);
      }
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
