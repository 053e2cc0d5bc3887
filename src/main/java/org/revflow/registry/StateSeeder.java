package org.revflow.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the 193 UN Member States at start-up, idempotently: INSERT IGNORE, so a restart (or several
 * instances starting together) adds only what is missing and never overwrites what the secretariat
 * changed. Seeded States are party to the Convention. Done at start-up rather than in a migration
 * so the shipped CSV stays the single source and a corrected file adds missing States on the next
 * start.
 *
 * <p>Unless {@code revflow.registry.seed-example-instruments} is false (set it false in
 * production), States whose instruments nobody has recorded yet also get the Protocol participation
 * of the shipped example file, marked as source EXAMPLE so it is never mistaken for secretariat
 * data.
 */
@Component
@Order(0)
public class StateSeeder implements ApplicationRunner {

  static final String MEMBER_STATES = "registry/un-member-states.csv";
  static final String EXAMPLE_INSTRUMENTS = "registry/example-instrument-participation.csv";
  private static final Logger log = LoggerFactory.getLogger(StateSeeder.class);

  private final StateRepository states;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final boolean seedExample;

  StateSeeder(
      StateRepository states,
      TransactionTemplate tx,
      Clock clock,
      @Value("${revflow.registry.seed-example-instruments:true}") boolean seedExample) {
    this.states = states;
    this.tx = tx;
    this.clock = clock;
    this.seedExample = seedExample;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  /** Returns the number of States inserted (0 when all were there). */
  public int seed() {
    Instant now = clock.instant();
    int before = states.findAll().size();
    tx.executeWithoutResult(
        status -> {
          for (Csv.Row row :
              Csv.parse(
                  read(MEMBER_STATES),
                  Set.of("alpha3", "regional_group", "draw_group"),
                  Set.of("note"))) {
            String code = Inputs.alpha3(row.get("alpha3"));
            states.insert(
                new StateParty(
                    code,
                    RegionalGroup.parseOrNull(row.get("regional_group")),
                    RegionalGroup.parseOrNull(row.get("draw_group")),
                    true,
                    EnumSet.of(Instrument.CONVENTION),
                    "DEFAULT",
                    null),
                now,
                "seed",
                true);
          }
          if (seedExample) {
            for (Csv.Row row :
                Csv.parse(
                    read(EXAMPLE_INSTRUMENTS),
                    Set.of(
                        "alpha3",
                        "convention",
                        "trafficking_in_persons",
                        "smuggling_of_migrants",
                        "firearms"),
                    Set.of())) {
              Set<Instrument> inst = EnumSet.noneOf(Instrument.class);
              if (Boolean.TRUE.equals(Csv.bool(row.get("convention")))) {
                inst.add(Instrument.CONVENTION);
              }
              if (Boolean.TRUE.equals(Csv.bool(row.get("trafficking_in_persons")))) {
                inst.add(Instrument.TRAFFICKING_IN_PERSONS);
              }
              if (Boolean.TRUE.equals(Csv.bool(row.get("smuggling_of_migrants")))) {
                inst.add(Instrument.SMUGGLING_OF_MIGRANTS);
              }
              if (Boolean.TRUE.equals(Csv.bool(row.get("firearms")))) {
                inst.add(Instrument.FIREARMS);
              }
              states.applyExampleIfDefault(row.get("alpha3"), inst, now);
            }
          }
        });
    int added = states.findAll().size() - before;
    if (added > 0) {
      log.info(
          "Registry: seeded {} UN Member States{}",
          added,
          seedExample ? " (Protocol participation from the EXAMPLE file)" : "");
    }
    return added;
  }

  private static String read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
