package org.revflow.notification;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: when the next weekly digest goes out. */
@Component
public class NextDigestWorker {

  static final String TYPE = JOB_NEXT_DIGEST;

  public record Output(@JsonProperty(VAR_DIGEST_AT) String digestAt,
      @JsonProperty(VAR_DIGEST_DAY) @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate digestDay) {}

  private final DigestService digests;

  NextDigestWorker(DigestService digests) {
    this.digests = digests;
  }

  // It needs no variable; naming one keeps the job from carrying them all (an empty list means all).
  @JobWorker(type = TYPE, fetchVariables = {VAR_DIGEST_KEY})
  public Output next() {
    DigestService.Next next = digests.next();
    return new Output(next.at(), next.day());
  }
}
