package org.revflow.notification;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: when the next weekly digest goes out. */
@Component
public class NextDigestWorker {

  static final String TYPE = JOB_NEXT_DIGEST;

  private final DigestService digests;

  NextDigestWorker(DigestService digests) {
    this.digests = digests;
  }

  @JobWorker(type = TYPE, fetchVariables = {})
  public Map<String, Object> next() {
    DigestService.Next next = digests.next();
    return Map.of(VAR_DIGEST_AT, next.at(), VAR_DIGEST_DAY, next.day().toString());
  }
}
