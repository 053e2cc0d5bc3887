package org.revflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewStep;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.Throttles;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end in a real browser: an Arabic-speaking focal point opens the action link of the
 * questionnaire reminder captured by the SMTP server, confirms, and the process moves on. Needs
 * Debian's Chromium and chromedriver (installed by .ci/run); skipped, visibly, where they are
 * absent. Screenshots: {@code target/action-pages/}.
 */
@RevFlowTest
class ActionPageBrowserTest {

  private static final Logger log = LoggerFactory.getLogger(ActionPageBrowserTest.class);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "action-pages");
  private static final String FP = "fp-ar@jor.example";

  @Autowired ReviewDriver driver;
  @Autowired ReviewLookups reviews;
  @Autowired Throttles throttle;
  @Autowired GreenMail greenMail;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void browser() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      log.warn(
          "SKIPPED ActionPageBrowserTest: {} or {} not found (apt-get install chromium chromium-driver)",
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
        "--window-size=1000,900",
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
    driver.cancelAllReviews();
  }

  @Test
  void anArabicFocalPointClearsTheQuestionnaireFromTheReminderEmail() throws Exception {
    driver.permanentRepresentatives("JOR", "SWE", "PER");
    String id = driver.launch("JOR", 4, "SWE", "PER");
    LocalDate t0 = driver.time().today();
    driver.on(
        t0,
        id,
        new ReviewCommands.RecordEvent(
            EventType.FOCAL_POINT_DESIGNATED,
            "JOR",
            null,
            null,
            "NV/JOR",
            null,
            null,
            null,
            null,
            null,
            new ReviewCommands.Person("ليلى حداد", FP, "ar", "Asia/Amman"),
            null));
    driver.designateFocalPoint(t0, id, "SWE");
    driver.designateFocalPoint(t0, id, "PER");
    ReviewStep saq =
        reviews.openSteps(id).stream()
            .filter(s -> s.getStep() == Step.SAQ)
            .findFirst()
            .orElseThrow();

    // The first reminder of the questionnaire, D - 30, goes to the focal point with the link.
    driver.time().walkTo(saq.getDueOn().minusDays(30));
    String link = actionLinkMailedTo(FP);
    String path = java.net.URI.create(link).getRawPath();
    Files.createDirectories(SCREENSHOTS);

    browser.get("http://localhost:" + port + path);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("اعتماد الردود على قائمة التقييم الذاتي");
    assertThat(browser.getPageSource()).contains(id, "ليلى حداد");
    screenshot("arabic-action-page.png");

    browser.findElement(By.id("confirm-SAQ_CLEARED")).click();
    awaitOutcomePage();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("شكرًا: تم التسجيل");
    assertThat(browser.findElement(By.tagName("body")).getAttribute("data-status"))
        .isEqualTo("200");
    screenshot("arabic-action-recorded.png");
    driver.time().settle();

    // The process moved on as if the secretariat had recorded it: feedback and translation opened,
    // and everyone was told the questionnaire is cleared.
    assertThat(reviews.findStep(saq.getId()).orElseThrow().isOpen()).isFalse();
    assertThat(reviews.openSteps(id))
        .extracting(s -> s.getStep() + ":" + s.getStateCode())
        .contains("FEEDBACK:SWE", "FEEDBACK:PER", "TRANSLATION:null");
    assertThat(driver.notices(id)).anyMatch(l -> l.contains(" STEP_DONE SAQ ") && l.contains(FP));
    assertThat(
            jdbc.queryForList(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = 'SAQ_CLEARED'",
                String.class,
                id))
        .containsExactly(FP + " via action link");

    // The same link again: used, said in Arabic.
    browser.get("http://localhost:" + port + path);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("رابط مستخدم من قبل");
  }

  /**
   * The click may return before the browser has the next page: wait for it (the outcome page marks
   * its body).
   */
  private void awaitOutcomePage() throws InterruptedException {
    long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try {
        if (browser.findElement(By.tagName("body")).getAttribute("data-outcome") != null) {
          return;
        }
      } catch (org.openqa.selenium.WebDriverException stillNavigating) {
        // the old page went away under our feet: look again
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no outcome page after confirming:\n" + browser.getPageSource());
  }

  /** The action link in the newest message to that address (HTML or text part). */
  private String actionLinkMailedTo(String address) throws Exception {
    List<MimeMessage> toThem =
        Arrays.stream(greenMail.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().contains(address));
                  } catch (Exception e) {
                    return false;
                  }
                })
            .toList();
    assertThat(toThem).as("messages to " + address).isNotEmpty();
    String body = text(toThem.get(toThem.size() - 1));
    Matcher m = Pattern.compile("https?://[^\\s\"<>]+/act/[A-Za-z0-9_.\\-]+").matcher(body);
    assertThat(m.find()).as("an action link in the reminder").isTrue();
    return m.group();
  }

  private static String text(jakarta.mail.Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart mp) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        all.append(text(mp.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    return "";
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
    log.info("screenshot: {}", SCREENSHOTS.resolve(name).toAbsolutePath());
  }
}
