package org.revflow.registry.draw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.revflow.registry.Csv;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegionalGroup;

/** Draw inputs built from the shipped CSV files (no database), and random variations of them. */
public final class DrawFixtures {

  private DrawFixtures() {}

  /** The 193 Member States with their draw groups and the example instrument data. */
  public static List<DrawInput.Candidate> memberStates() {
    Map<String, Set<Instrument>> instruments = new HashMap<>();
    for (Csv.Row row :
        Csv.parse(
            read("registry/example-instrument-participation.csv"),
            Set.of(
                "alpha3",
                "convention",
                "trafficking_in_persons",
                "smuggling_of_migrants",
                "firearms"),
            Set.of())) {
      Set<Instrument> s = EnumSet.noneOf(Instrument.class);
      if (Csv.bool(row.get("convention"))) {
        s.add(Instrument.CONVENTION);
      }
      if (Csv.bool(row.get("trafficking_in_persons"))) {
        s.add(Instrument.TRAFFICKING_IN_PERSONS);
      }
      if (Csv.bool(row.get("smuggling_of_migrants"))) {
        s.add(Instrument.SMUGGLING_OF_MIGRANTS);
      }
      if (Csv.bool(row.get("firearms"))) {
        s.add(Instrument.FIREARMS);
      }
      instruments.put(row.get("alpha3"), s);
    }
    List<DrawInput.Candidate> pool = new ArrayList<>();
    for (Csv.Row row :
        Csv.parse(
            read("registry/un-member-states.csv"),
            Set.of("alpha3", "regional_group", "draw_group"),
            Set.of("note"))) {
      RegionalGroup g = RegionalGroup.parseOrNull(row.get("regional_group"));
      if (g == null) {
        g = RegionalGroup.parseOrNull(row.get("draw_group"));
      }
      pool.add(new DrawInput.Candidate(row.get("alpha3"), g, instruments.get(row.get("alpha3"))));
    }
    return pool;
  }

  public static DrawInput everyone() {
    List<DrawInput.Candidate> pool = memberStates();
    return new DrawInput(
        pool.stream().map(DrawInput.Candidate::code).toList(), pool, List.of(), List.of());
  }

  /**
   * A random pool (a subset of the Member States with shuffled Protocol participation) and reviewed
   * subset.
   */
  public static DrawInput random(long seed) {
    Random rnd = new Random(seed);
    List<DrawInput.Candidate> pool = new ArrayList<>();
    for (DrawInput.Candidate c : memberStates()) {
      if (rnd.nextInt(10) == 0) {
        continue;
      }
      Set<Instrument> s = EnumSet.of(Instrument.CONVENTION);
      for (Instrument p : Instrument.protocols()) {
        if (rnd.nextDouble() < 0.75) {
          s.add(p);
        }
      }
      pool.add(new DrawInput.Candidate(c.code(), c.group(), s));
    }
    List<String> reviewed = new ArrayList<>();
    double share = 0.2 + rnd.nextDouble() * 0.8;
    for (DrawInput.Candidate c : pool) {
      if (rnd.nextDouble() < share) {
        reviewed.add(c.code());
      }
    }
    return new DrawInput(reviewed, pool, List.of(), List.of());
  }

  static String read(String resource) {
    try (InputStream in = DrawFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
