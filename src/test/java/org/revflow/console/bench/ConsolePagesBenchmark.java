package org.revflow.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.bench.SeededHistory;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.SimulatedTime;
import org.revflow.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a timed test (issue #22): the secretariat's pages over one phase of 189 reviews
 * launched over a year, with two years of steps, events, deadline revisions, designations and
 * notices seeded directly in the database ({@link SeededHistory}, not driven through the engine),
 * and the next phase planned for each. Eight clients, each with its own signed-in session (the form
 * sign-in with its CSRF token), warm up, then send at least {@value #PER_PAGE} GETs per page, the
 * pages mixed in a random order, and time each at the client until its last byte. Any answer but
 * 200 is an error and fails the run; times are only reported (the target is p99 under 200 ms). Also
 * the API's reviews list, paged at its default size: its bytes and time. On demand, in its own JVM:
 * {@code REVFLOW_BENCH=1 ./mvnw -o -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ConsolePagesBenchmark}; figures in {@code target/bench/console-pages.txt}.
 */
@RevFlowTest
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class ConsolePagesBenchmark {

  static final int REVIEWS = 189;
  static final int CLIENTS = 8;
  static final int PER_PAGE = 1_000;
  static final int WARM_UP_ROUNDS = 3;
  static final int API_RUNS = 200;

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SimulatedTime time;

  @Test
  void everyPageUnderEightSignedInUsersOverAPhaseOf189Reviews() throws Exception {
    LocalDate today = time.today();
    List<String> states =
        jdbc.queryForList("SELECT code FROM registry_state ORDER BY code", String.class)
            .subList(0, REVIEWS);
    long seedStart = System.nanoTime();
    Random random = new Random(2028);
    SeededHistory history = new SeededHistory(jdbc, random, 2029L);
    history.permanentRepresentatives(states);
    // One phase launched over a year by group, the oldest 24 months ago: its next phase, planned at
    // launch + 24 months, lies ahead for every review.
    LocalDate first = today.minusMonths(24).plusDays(7);
    List<String> launched = new ArrayList<>();
    for (int i = 0; i < REVIEWS; i++) {
      int group = i % 3 + 1;
      launched.add(
          history.launch(
              states,
              i,
              1,
              group,
              first.plusDays(110L * (group - 1) + random.nextInt(110)),
              today));
    }
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table :
        List.of(
            "review",
            "review_participant",
            "review_step",
            "review_step_revision",
            "review_event",
            "registry_designation",
            "registry_person",
            "notice")) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }

    Map<String, List<String>> pages = pages(launched, states);
    List<Client> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(new Client());
    }
    String load0 = loadAverage();
    // Warm-up: class loading, the JIT, Thymeleaf's template cache, the database's buffers.
    run(clients, pages, WARM_UP_ROUNDS, false, null);
    Map<String, Double> statements = statementsPerRequest(clients.getFirst(), pages);

    Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
    Map<String, ConcurrentLinkedQueue<String>> errors = new ConcurrentHashMap<>();
    pages
        .keySet()
        .forEach(
            p -> {
              times.put(p, new ConcurrentLinkedQueue<>());
              errors.put(p, new ConcurrentLinkedQueue<>());
            });
    long start = System.nanoTime();
    run(clients, pages, 0, true, new Recorder(times, errors));
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    String load1 = loadAverage();

    Api api = api();

    StringBuilder out =
        new StringBuilder(
            String.format(
                """
        Console pages benchmark (%s, %d cores, heap max %d MiB), today %s
        seeded in %d ms: %s
        per review: %.1f steps, %.1f events, %.1f notices
        %d clients, each its own session; %d GETs per page after %d warm-up rounds; %d requests in %.1f s (%.0f/s)
        load average before: %s; after: %s

        page              requests    p50    p95    p99    max  errors  statements/request  URLs
        """,
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                today,
                seedMs,
                rows,
                rows.get("review_step") / (double) REVIEWS,
                rows.get("review_event") / (double) REVIEWS,
                rows.get("notice") / (double) REVIEWS,
                CLIENTS,
                PER_PAGE,
                WARM_UP_ROUNDS,
                PER_PAGE * pages.size(),
                wallMs / 1000.0,
                PER_PAGE * pages.size() * 1000.0 / wallMs,
                load0,
                load1));
    List<String> over = new ArrayList<>();
    for (String page : pages.keySet()) {
      List<Long> ms = new ArrayList<>(times.get(page));
      Collections.sort(ms);
      out.append(
          String.format(
              "%-16s %9d %6.1f %6.1f %6.1f %6.1f %7d %19.1f  %d%n",
              page,
              ms.size(),
              p(ms, 50),
              p(ms, 95),
              p(ms, 99),
              p(ms, 100),
              errors.get(page).size(),
              statements.get(page),
              pages.get(page).size()));
      if (p(ms, 99) >= 200) {
        over.add(page);
      }
    }
    out.append(
        String.format(
            """
        (times in ms at the client, first byte sent to last byte read)
        p99 at or over 200 ms: %s

        GET /api/reviews (default page size): %d reviews of %s, %,d bytes, %s; p50 %.1f ms, p95 %.1f ms, max %.1f ms \
        over %d runs, one client
        """,
            over.isEmpty() ? "none" : over,
            api.count(),
            api.total(),
            api.bytes(),
            api.link() == null ? "no Link header" : "Link: " + api.link(),
            p(api.ms(), 50),
            p(api.ms(), 95),
            p(api.ms(), 100),
            API_RUNS));
    errors.forEach(
        (page, list) ->
            list.stream()
                .limit(3)
                .forEach(
                    e -> out.append("error ").append(page).append(": ").append(e).append('\n')));
    System.out.print(out);
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("console-pages.txt"), out);

    // The run's own sanity: every request answered 200, as many as planned, and the API paged.
    errors.forEach((page, list) -> assertThat(list).as("errors of %s", page).isEmpty());
    times.forEach((page, list) -> assertThat(list).as("requests of %s", page).hasSize(PER_PAGE));
    assertThat(api.count()).as("the API's list paged").isLessThan(Integer.parseInt(api.total()));
  }

  // ---------------------------------------------------------------- the pages and their URLs

  /**
   * Each page with the URLs its requests go round: a representative set of what the secretariat
   * opens.
   */
  private Map<String, List<String>> pages(List<String> launched, List<String> states) {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put("dashboard", List.of("/console/"));
    pages.put(
        "reviews list",
        List.of(
            "/console/reviews",
            "/console/reviews?page=2",
            "/console/reviews?stage=DIALOGUE",
            "/console/reviews?overdue=true",
            "/console/reviews?state=" + states.get(10),
            "/console/reviews?phase=1&group=2&interim=true"));
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < launched.size(); i += launched.size() / 10) {
      sample.add(launched.get(i));
    }
    pages.put("review", sample.stream().map(id -> "/console/reviews/" + id).toList());
    pages.put(
        "event form",
        sample.stream().limit(5).map(id -> "/console/reviews/" + id + "/events/new").toList());
    pages.put("registry", List.of("/console/registry"));
    pages.put(
        "registry State",
        List.of(states.get(0), states.get(50), states.get(100), states.get(150)).stream()
            .map(s -> "/console/registry/states/" + s)
            .toList());
    pages.put("people", List.of("/console/registry/people", "/console/registry/people?page=3"));
    pages.put(
        "notices",
        List.of(
            "/console/notices",
            "/console/notices?person=" + enc("fp-" + launched.get(20).toLowerCase()),
            "/console/notices?state=" + states.get(30) + "&kind=REMINDER",
            "/console/notices?status=FAILED",
            "/console/notices?review=" + launched.get(40)));
    List<Long> shown =
        jdbc.queryForList(
            "SELECT id FROM notice WHERE kind IN ('REMINDER', 'OVERDUE', 'STEP_OPENED')"
                + " AND status = 'SENT' ORDER BY id",
            Long.class);
    List<Long> notices =
        List.of(
            shown.get(shown.size() / 7),
            shown.get(shown.size() / 2),
            shown.get(shown.size() * 6 / 7));
    pages.put("notice", notices.stream().map(id -> "/console/notices/" + id).toList());
    pages.put(
        "notice email", notices.stream().map(id -> "/console/notices/" + id + "/email").toList());
    pages.put("workplan", List.of("/console/workplan"));
    return pages;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- the clients

  record Recorder(
      Map<String, ConcurrentLinkedQueue<Long>> times,
      Map<String, ConcurrentLinkedQueue<String>> errors) {}

  /**
   * Each client sends its share of every page ({@code rounds} times each URL in warm-up; else
   * {@value #PER_PAGE} / {@value #CLIENTS} per page, round its URLs), shuffled, all clients
   * starting together.
   */
  private void run(
      List<Client> clients,
      Map<String, List<String>> pages,
      int rounds,
      boolean measured,
      Recorder recorder)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients.size(); c++) {
      Client client = clients.get(c);
      List<String[]> work = new ArrayList<>();
      for (var page : pages.entrySet()) {
        int n = measured ? PER_PAGE / clients.size() : rounds * page.getValue().size();
        for (int k = 0; k < n; k++) {
          work.add(
              new String[] {
                page.getKey(),
                page.getValue().get((k * clients.size() + c) % page.getValue().size())
              });
        }
      }
      Collections.shuffle(work, new Random(c));
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (String[] w : work) {
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = client.get(w[1]);
                  long ns = System.nanoTime() - t0;
                  if (recorder != null) {
                    recorder.times().get(w[0]).add(ns / 1_000);
                    if (r.statusCode() != 200) {
                      recorder.errors().get(w[0]).add(r.statusCode() + " " + w[1]);
                    }
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }

  /**
   * A browser's session: its own cookies and connections, signed in through the form with its CSRF
   * token.
   */
  private final class Client {

    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Client() throws IOException, InterruptedException {
      Matcher token = CSRF.matcher(get("/console/login").body());
      assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
      String form =
          "_csrf="
              + enc(token.group(1))
              + "&username="
              + enc(TestUsers.SECRETARIAT)
              + "&password="
              + enc(TestUsers.SECRETARIAT_PASSWORD);
      HttpResponse<String> signedIn =
          http.send(
              HttpRequest.newBuilder(uri("/console/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/html")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location"))
          .as("signed in")
          .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(uri(path))
              .header("Accept", "text/html")
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /**
   * Statements the server ran per request of each page, one client alone (the session's own reads
   * and writes included).
   */
  private Map<String, Double> statementsPerRequest(Client client, Map<String, List<String>> pages)
      throws Exception {
    Map<String, Double> out = new LinkedHashMap<>();
    for (var page : pages.entrySet()) {
      int n = 0;
      long before = questions();
      for (int k = 0; k < 2; k++) {
        for (String url : page.getValue()) {
          client.get(url);
          n++;
        }
      }
      // The two reads of the counter are statements too.
      out.put(page.getKey(), (questions() - before - 1) / (double) n);
    }
    return out;
  }

  private long questions() {
    return jdbc.query(
        "SHOW GLOBAL STATUS LIKE 'Questions'",
        rs -> {
          rs.next();
          return rs.getLong(2);
        });
  }

  // ---------------------------------------------------------------- the API's list

  record Api(int count, String total, long bytes, String link, List<Double> ms) {}

  private Api api() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/reviews"))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (TestUsers.SECRETARIAT + ":" + TestUsers.SECRETARIAT_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
            .GET()
            .build();
    for (int i = 0; i < 20; i++) {
      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
    List<Double> ms = new ArrayList<>();
    HttpResponse<byte[]> last = null;
    for (int i = 0; i < API_RUNS; i++) {
      long t0 = System.nanoTime();
      last = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      ms.add((System.nanoTime() - t0) / 1_000_000.0);
      assertThat(last.statusCode()).isEqualTo(200);
    }
    Collections.sort(ms);
    String body = new String(last.body(), StandardCharsets.UTF_8);
    int count = body.split("\"underReview\"", -1).length - 1;
    return new Api(
        count,
        last.headers().firstValue("X-Total-Count").orElse("?"),
        last.body().length,
        last.headers().firstValue("Link").orElse(null),
        ms);
  }

  // ---------------------------------------------------------------- figures

  /** The percentile of microseconds, in milliseconds. */
  private static double p(List<? extends Number> sorted, int percentile) {
    int index =
        Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    double v = sorted.get(Math.max(0, index)).doubleValue();
    return sorted.getFirst() instanceof Long ? v / 1000.0 : v;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
