package org.revflow.notification;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: when the next weekly digest goes out, if it is still wanted. */
@Component
public class NextDigestWorker {

  static final String TYPE = JOB_NEXT_DIGEST;

  public record Output(
      @JsonProperty(VAR_DIGEST_AT) String digestAt,
      @JsonProperty(VAR_DIGEST_DAY) @JsonFormat(shape = JsonFormat.Shape.STRING)
          LocalDate digestDay,
      @JsonProperty(VAR_DIGEST_WANTED) boolean digestWanted) {}

  private final DigestService digests;

  NextDigestWorker(DigestService digests) {
    this.digests = digests;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {VAR_DIGEST_KEY, VAR_DIGEST_ALWAYS})
  public Output next(@Variable(VAR_DIGEST_ALWAYS) Boolean always) {
    DigestService.Next next = digests.next(Boolean.TRUE.equals(always));
    return new Output(next.at(), next.day(), next.wanted());
  }
}
