package org.revflow.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of the simulation: {@code ./mvnw -q spring-boot:test-run
 * -Dspring-boot.run.arguments="--simulate=scenario.json --out=notices.json"}. Exit status 0 when
 * the scenario ran, 2 when it is invalid (each problem printed with its event index).
 */
public final class SimulationCli {

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private SimulationCli() {}

  /**
   * Runs if the arguments ask for a simulation; returns the exit status, or -1 when they do not.
   */
  public static int runIfAsked(String[] args) {
    String scenario = option(args, "--simulate");
    if (scenario == null) {
      return -1;
    }
    String out = option(args, "--out");
    // The command line prints the result and problems, not the services' start-up chatter.
    System.setProperty("logging.level.root", "WARN");
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try {
      String json = Files.readString(Path.of(scenario));
      SimulationRunner.Output output = new SimulationRunner().run(json);
      String result = JSON.writeValueAsString(output);
      if (out == null) {
        System.out.println(result);
      } else {
        Files.writeString(Path.of(out), result);
        System.err.println(
            "simulation: "
                + output.notices().size()
                + " notices, "
                + output.rejected().size()
                + " rejected events, final state "
                + output.finalState()
                + "; written to "
                + out);
      }
      return 0;
    } catch (Scenario.InvalidScenarioException e) {
      System.err.println("simulation: the scenario is invalid, nothing was run:");
      for (Scenario.Problem p : e.problems()) {
        System.err.println(
            "  " + (p.index() == null ? "" : "event " + p.index() + ": ") + p.reason());
      }
      return 2;
    } catch (IOException e) {
      System.err.println("simulation: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println("simulation failed: " + e);
      e.printStackTrace(System.err);
      return 1;
    }
  }

  private static String option(String[] args, String name) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return null;
  }
}
