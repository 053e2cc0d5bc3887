package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.TestUsers;
import org.revflow.testsupport.Throttles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.webjars.WebJarVersionLocator;

/**
 * The secretariat's pages in a real browser, as an officer uses them: signs in, launches a review,
 * records the focal point's designation and the questionnaire's clearance, sees the review's
 * timeline and the dashboard change, opens an email sent, and signs out. Every page on the way is
 * saved as a screenshot ({@code target/console-pages/}) and checked with axe-core (the WebJar on
 * the test class path, nothing from the internet): a serious or critical violation fails the test,
 * and every finding is written to {@code target/console-pages/axe.txt}.
 *
 * <p>Needs Debian's Chromium and chromedriver (installed by .ci/run); skipped, visibly, where they
 * are absent. The browser runs with JavaScript on (htmx enhances the pages); the pages' tests over
 * plain HTTP ({@link ConsoleRecordEventTest} and the others) prove that every page works without
 * it.
 */
@RevFlowTest
class ConsoleBrowserTest {

  private static final Logger log = LoggerFactory.getLogger(ConsoleBrowserTest.class);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path ARTIFACTS = Path.of("target", "console-pages");
  private static final List<String> BLOCKING = List.of("serious", "critical");

  private static final List<String> findings = new ArrayList<>();

  @Autowired ReviewDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired Throttles throttle;
  @LocalServerPort int port;

  private ChromeDriver browser;
  private Path profile;
  private String axe;
  private int shot;

  @BeforeEach
  void browser() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      log.warn(
          "SKIPPED ConsoleBrowserTest: {} or {} not found (apt-get install chromium chromium-driver)",
          CHROMIUM,
          CHROMEDRIVER);
    }
    Assumptions.assumeTrue(
        present,
        "Chromium not installed ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): browser test skipped; apt-get install chromium chromium-driver to run it");
    throttle.forgetFailures();
    String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("axe-core from its WebJar (" + path + ")").isNotNull();
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(ARTIFACTS);
    profile = Files.createTempDirectory("revflow-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--lang=en",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void close() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    if (browser != null) {
      driver.cancelAllReviews();
    }
  }

  @AfterAll
  static void report() throws IOException {
    if (!findings.isEmpty()) {
      Files.createDirectories(ARTIFACTS);
      Files.write(ARTIFACTS.resolve("axe.txt"), findings);
    }
  }

  @Test
  void anOfficerLaunchesAReviewRecordsItsFirstEventsAndReadsAnEmail() {
    driver.permanentRepresentatives("PRY", "URY", "BOL");

    // Signing in: the pages send a visitor to the sign-in page.
    open("/console/reviews");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    check("sign-in");
    browser.findElement(By.id("username")).sendKeys(TestUsers.SECRETARIAT);
    browser.findElement(By.id("password")).sendKeys(TestUsers.SECRETARIAT_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor(By.id("sign-out"));
    assertThat(browser.findElement(By.cssSelector(".signout")).getText())
        .contains("Signed in as secretariat");

    open("/console/");
    assertThat(h1()).isEqualTo("Dashboard");
    check("dashboard-before");
    int interimsBefore =
        Integer.parseInt(browser.findElement(By.id("interim-count")).getText().strip());

    // Launching a review from the list of reviews.
    open("/console/reviews");
    check("reviews");
    browser.findElement(By.linkText("Launch a review")).click();
    waitFor(By.id("launch"));
    check("launch");
    select(browser.findElement(By.id("underReview")), "PRY");
    select(browser.findElement(By.id("phase")), "2");
    browser.findElement(By.id("untoc")).sendKeys("URY BOL");
    browser.findElement(By.id("launch")).click();
    waitFor(By.id("recorded-note"));
    String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(id).startsWith("PRY-P2-");
    driver.time().settle();
    browser.navigate().refresh();
    waitFor(By.id("timeline"));
    assertThat(browser.findElement(By.id("acting-PRY")).getText()).contains("PR of PRY");
    String timelineBefore = browser.findElement(By.id("timeline")).getText();
    check("review-launched");

    // The dashboard counts it, its State's permanent representative acting as interim focal point.
    open("/console/");
    assertThat(browser.findElements(By.id("interim-" + id + "-PRY"))).hasSize(1);
    assertThat(Integer.parseInt(browser.findElement(By.id("interim-count")).getText().strip()))
        .isEqualTo(interimsBefore + 3);

    // The focal point's designation, with the note verbale.
    open("/console/reviews/" + id);
    browser.findElement(By.id("record-event")).click();
    waitFor(By.id("type"));
    check("event-choose");
    chooseEvent("FOCAL_POINT_DESIGNATED");
    select(browser.findElement(By.id("state")), "PRY");
    browser.findElement(By.id("person-name")).sendKeys("Lucía Benítez");
    browser.findElement(By.id("person-email")).sendKeys("lucia.benitez@mre.pry.example");
    select(browser.findElement(By.id("person-language")), "es");
    browser.findElement(By.id("reference")).sendKeys("NV/PRY/2027/14");
    check("event-designation");
    browser.findElement(By.id("record")).click();
    waitFor(By.id("recorded"));
    assertThat(browser.findElement(By.id("recorded")).getText())
        .contains("Focal point designated", "NV/PRY/2027/14");
    driver.time().settle();
    check("event-recorded");

    // A refusal: the questionnaire cleared twice is refused the second time, next to the form,
    // nothing changed.
    open("/console/reviews/" + id + "/events/new");
    chooseEvent("SAQ_CLEARED");
    browser.findElement(By.id("reference")).sendKeys("NV/PRY/2027/15");
    browser.findElement(By.id("record")).click();
    waitFor(By.id("recorded"));
    assertThat(browser.findElement(By.id("recorded")).getText())
        .contains("Self-assessment questionnaire cleared");
    driver.time().settle();
    long events =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM review_event WHERE review_id = ?", Long.class, id);
    open("/console/reviews/" + id + "/events/new");
    chooseEvent("SAQ_CLEARED");
    browser.findElement(By.id("record")).click();
    waitFor(By.id("event-error"));
    assertThat(browser.findElement(By.id("error-summary")).getText())
        .contains("Nothing was changed");
    assertThat(browser.findElement(By.id("event-error")).getText()).contains("is not open");
    check("event-refused");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM review_event WHERE review_id = ?", Long.class, id))
        .isEqualTo(events);

    // The review moved on: its timeline has the feedback steps, the focal point is designated.
    open("/console/reviews/" + id);
    String timelineAfter = browser.findElement(By.id("timeline")).getText();
    assertThat(timelineAfter).isNotEqualTo(timelineBefore).contains("Written feedback");
    assertThat(browser.findElement(By.id("acting-PRY")).getText())
        .contains("Lucía Benítez")
        .doesNotContain("interim");
    assertThat(browser.findElement(By.id("history")).getText())
        .contains("Focal point designated", "Self-assessment questionnaire cleared", "secretariat");
    check("review-after");

    // The dashboard changed with it: PRY has its own focal point now.
    open("/console/");
    assertThat(browser.findElements(By.id("interim-" + id + "-PRY"))).isEmpty();
    assertThat(Integer.parseInt(browser.findElement(By.id("interim-count")).getText().strip()))
        .isEqualTo(interimsBefore + 2);
    check("dashboard-after");

    // An email sent: the focal point's notice as she received it, its links not clickable.
    open("/console/notices?review=" + id + "&person=lucia.benitez");
    check("notices");
    browser.findElement(By.cssSelector("#notices-table tbody a")).click();
    waitFor(By.id("email"));
    check("notice");
    browser.switchTo().frame(browser.findElement(By.id("email")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(id);
    assertThat(browser.findElements(By.cssSelector("a[href]"))).isEmpty();
    browser.switchTo().defaultContent();

    // The other pages, each checked.
    open("/console/registry");
    check("registry");
    open("/console/registry/states/PRY");
    check("registry-state");
    open("/console/registry/people");
    check("people");
    browser.findElement(By.id("email")).sendKeys("lucia.benitez@mre.pry.example");
    browser.findElement(By.id("email")).submit();
    waitFor(By.id("name"));
    check("person");
    open("/console/registry/reviews/" + id + "/designations");
    check("designations");
    open("/console/registry/imports");
    check("imports");
    open("/console/workplan");
    check("workplan");
    String planned =
        jdbc.queryForObject("SELECT id FROM review WHERE previous_review_id = ?", String.class, id);
    open("/console/workplan/" + planned);
    check("plan");
    open("/console/reviews/NOPE-P9-1999");
    check("not-found");

    // Signing out.
    browser.findElement(By.id("sign-out")).click();
    waitFor(By.id("username"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are signed out.");
    check("signed-out");
    open("/console/");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private String h1() {
    return browser.findElement(By.tagName("h1")).getText().strip();
  }

  /** The first element found within 15 seconds (a page loading, htmx swapping a part). */
  private WebElement waitFor(By what) {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      List<WebElement> found = browser.findElements(what);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      if (System.nanoTime() > until) {
        throw new AssertionError(
            "not on the page within 15 s: " + what + " (" + browser.getCurrentUrl() + ")");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Chooses an option of a select as a user does (a click on the option). */
  private static void select(WebElement select, String value) {
    select.findElement(By.cssSelector("option[value='" + value + "']")).click();
  }

  /**
   * Chooses the event type as a user does: the select, then "Show its form" (htmx may have loaded
   * it already).
   */
  private void chooseEvent(String type) {
    select(waitFor(By.id("type")), type);
    browser.findElement(By.id("choose-type")).click();
    waitFor(By.cssSelector("#event-form input[name=type][value=" + type + "]"));
  }

  /**
   * The page as a screenshot (whole length), and axe-core's findings on it; serious or critical
   * ones fail.
   */
  private void check(String name) {
    String file = String.format("%02d-%s.png", ++shot, name);
    try {
      Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.min(((Number) size.get("height")).doubleValue(), 12000);
      Map<String, Object> png =
          browser.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      Files.write(ARTIFACTS.resolve(file), Base64.getDecoder().decode((String) png.get("data")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    JavascriptExecutor js = browser;
    js.executeScript(axe);
    // The email's frame is sandboxed (no script runs in it): axe checks the page around it.
    Object result =
        js.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        axe.run(document, {iframes: false, resultTypes: ['violations']})
          .then(r => done(JSON.stringify(r.violations)))
          .catch(e => done(JSON.stringify({error: String(e)})));
        """);
    JsonNode violations;
    try {
      violations = new ObjectMapper().readTree((String) result);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(violations.isArray()).as("axe-core ran on " + name + ": " + result).isTrue();
    List<String> blocking = new ArrayList<>();
    for (JsonNode v : violations) {
      List<String> where = new ArrayList<>();
      v.path("nodes").forEach(n -> where.add(n.path("target").toString()));
      String line =
          name
              + " ["
              + v.path("impact").asText()
              + "] "
              + v.path("id").asText()
              + ": "
              + v.path("help").asText()
              + " at "
              + where;
      findings.add(line);
      if (BLOCKING.contains(v.path("impact").asText())) {
        blocking.add(line);
      }
    }
    assertThat(blocking)
        .as("serious or critical accessibility violations on " + name + " (" + file + ")")
        .isEmpty();
  }
}
