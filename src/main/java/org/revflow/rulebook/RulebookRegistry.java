package org.revflow.rulebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.revflow.config.MechanismTime;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every rulebook RevFlow knows, loaded and validated once at start-up: an invalid file stops the
 * application, so a review can never be launched or run on rules nobody checked. Reviews look their
 * rulebook up by the id stored at launch, so older versions stay loaded next to the newest.
 */
@Component
public class RulebookRegistry {

  static final String[] CLASSPATH_PATTERNS = {
    "classpath*:rulebooks/*.yaml", "classpath*:rulebooks/*.yml"
  };

  private final Map<String, Rulebook> byId;
  private final Rulebook defaultRulebook;

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RulebookRegistry.class);

  /**
   * @param time the Mechanism's zone, which every rulebook must share: "today" is asked of it, and
   *     a rulebook's dates of it, so a rulebook in another zone would count its deadlines from
   *     another day
   */
  public RulebookRegistry(RulebookProperties properties, MechanismTime time) {
    RulebookLoader loader = new RulebookLoader();
    Map<String, Rulebook> found = new LinkedHashMap<>();
    Map<String, String> sourceOf = new LinkedHashMap<>();
    for (Source source : sources(properties.location())) {
      Rulebook rulebook = source.load(loader);
      String earlier = sourceOf.putIfAbsent(rulebook.id(), source.description());
      if (earlier != null) {
        throw new IllegalStateException(
            "rulebook "
                + rulebook.id()
                + " is defined twice: in "
                + earlier
                + " and in "
                + source.description());
      }
      if (!rulebook.zone().equals(time.zone())) {
        throw new IllegalStateException(
            "rulebook "
                + rulebook.id()
                + " ("
                + source.description()
                + ") has zone "
                + rulebook.zone()
                + ", but the Mechanism's zone (revflow.zone) is "
                + time.zone()
                + ": a rulebook's deadlines are dates in the Mechanism's zone");
      }
      if (properties.holidays() != null) {
        rulebook = rulebook.withHolidays(java.util.Set.copyOf(properties.holidays()));
      }
      found.put(rulebook.id(), rulebook);
    }
    this.byId = Map.copyOf(found);
    this.defaultRulebook = find(properties.defaultName());
    if (defaultRulebook == null) {
      throw new IllegalStateException(
          "revflow.rulebook.default-name '"
              + properties.defaultName()
              + "' matches no rulebook; known: "
              + ids());
    }
    warnWhenHolidaysRunOut(time.today());
  }

  /**
   * The holiday list is data the secretariat keeps per year: a year missing from it silently sends
   * notices on the holidays of that year, so the start-up log says so while there is time.
   */
  private void warnWhenHolidaysRunOut(java.time.LocalDate today) {
    for (Rulebook rb : all()) {
      if (!rb.calendar().workingDaysOnly()) {
        continue;
      }
      rb.calendar()
          .firstYearNotListed(today, today.plusMonths(12))
          .ifPresent(
              year ->
                  log.warn(
                      "rulebook {} lists no holidays for {}: until a version lists them, notices of {} go out on every weekday"
                          + " (see calendar.holidays)",
                      rb.id(),
                      year,
                      year));
    }
  }

  /**
   * A rulebook by id ({@code default@2026.1}, what reviews store) or by name ({@code default}: its
   * highest version).
   *
   * @throws UnknownRulebookException when there is none
   */
  public Rulebook get(String nameOrId) {
    Rulebook rulebook = find(nameOrId);
    if (rulebook == null) {
      throw new UnknownRulebookException(nameOrId, ids());
    }
    return rulebook;
  }

  public Rulebook defaultRulebook() {
    return defaultRulebook;
  }

  /** Every rulebook, by name then version. */
  public List<Rulebook> all() {
    return byId.values().stream().sorted(BY_NAME_THEN_VERSION).toList();
  }

  private Rulebook find(String nameOrId) {
    if (nameOrId == null) {
      return null;
    }
    if (nameOrId.contains("@")) {
      return byId.get(nameOrId);
    }
    return byId.values().stream()
        .filter(rb -> rb.name().equals(nameOrId))
        .max(BY_NAME_THEN_VERSION)
        .orElse(null);
  }

  private List<String> ids() {
    return all().stream().map(Rulebook::id).toList();
  }

  static final Comparator<Rulebook> BY_NAME_THEN_VERSION =
      Comparator.comparing(Rulebook::name)
          .thenComparing(Rulebook::version, RulebookRegistry::compareVersions);

  /** 2026.10 is newer than 2026.9: versions compare number by number. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long xi = i < x.length ? Long.parseLong(x[i]) : 0;
      long yi = i < y.length ? Long.parseLong(y[i]) : 0;
      if (xi != yi) {
        return Long.compare(xi, yi);
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static List<Source> sources(Path location) {
    List<Source> sources = new ArrayList<>();
    var resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : CLASSPATH_PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          sources.add(new Source(resource, null));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list classpath rulebooks", e);
    }
    if (location != null) {
      if (!Files.isDirectory(location)) {
        throw new IllegalStateException(
            "revflow.rulebook.location '" + location + "' is not a directory");
      }
      try (Stream<Path> files = Files.list(location)) {
        files
            .filter(f -> Files.isRegularFile(f) && isRulebookFile(f.getFileName().toString()))
            .sorted()
            .forEach(f -> sources.add(new Source(null, f)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list rulebooks in " + location, e);
      }
    }
    return sources;
  }

  private static boolean isRulebookFile(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
  }

  private record Source(Resource resource, Path file) {
    Rulebook load(RulebookLoader loader) {
      return resource != null ? loader.load(resource) : loader.load(file);
    }

    String description() {
      return resource != null ? resource.getDescription() : file.toString();
    }
  }
}
