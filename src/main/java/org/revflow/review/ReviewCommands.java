package org.revflow.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;

/** What the API (and the action pages, and the simulation) ask the review service to do. */
public final class ReviewCommands {

  private ReviewCommands() {}

  public static final String STATE_CODE = "^[A-Z]{3}$";

  /**
   * @param focalPoints focal points already designated when the review is launched, by State (a
   *     note verbale received before the launch): the launch notice goes to them as well, and their
   *     State has no focal-point step to run
   */
  public record Launch(
      @NotNull @Pattern(regexp = STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code")
          String underReview,
      @NotNull @Min(1) @Max(4) Integer phase,
      @NotEmpty
          Map<
                  @NotNull Instrument,
                  @NotEmpty List<
                      @NotNull
                      @Pattern(regexp = STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code")
                      String>>
              reviewers,
      LocalDate launchDate,
      @Size(max = 80) String rulebook,
      Map<
              @NotNull @Pattern(regexp = STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code")
              String,
              @NotNull @Valid Person>
          focalPoints) {

    public Launch(
        String underReview,
        Integer phase,
        Map<Instrument, List<String>> reviewers,
        LocalDate launchDate,
        String rulebook) {
      this(underReview, phase, reviewers, launchDate, rulebook, null);
    }
  }

  public record Person(
      @NotNull @Size(min = 1, max = 200) String name,
      @NotNull @Size(min = 3, max = 254) String email,
      @NotNull @Size(min = 2, max = 2) String language,
      @Size(max = 60) String timeZone) {}

  public record RecordEvent(
      @NotNull EventType type,
      @Pattern(regexp = STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code") String state,
      Step step,
      LocalDate on,
      @Size(max = 200) String reference,
      @Size(max = 1000) String reason,
      LocalDate newDue,
      Instrument instrument,
      @Pattern(regexp = STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code") String oldState,
      @Pattern(regexp = STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code") String newState,
      @Valid Person person,
      @Valid List<@NotNull Person> experts) {}

  /** The four instruments reviewed under the Mechanism. */
  public enum Instrument {
    UNTOC,
    TIP,
    SOM,
    FIREARMS
  }
}
