package org.revflow.registry;

import java.time.Instant;
import org.springframework.stereotype.Service;

/** TEMPORARY stand-in until the registry branch lands. */
@Service
public class FocalPointResolver {
  private final RegistryService registry;

  public FocalPointResolver(RegistryService registry) {
    this.registry = registry;
  }

  public ActingFocalPoint actingFocalPoint(String reviewId, String stateCode, Instant at) {
    var fp = registry.designatedFocalPoint(reviewId, stateCode, at);
    if (fp.isPresent()) {
      return new ActingFocalPoint(stateCode, fp.get(), false, "designated");
    }
    return new ActingFocalPoint(stateCode, registry.permanentRepresentative(stateCode, at).orElse(null), true,
        "interim (para 18)");
  }
}
