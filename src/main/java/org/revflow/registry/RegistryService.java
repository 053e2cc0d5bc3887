package org.revflow.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/** TEMPORARY in-memory stand-in until the registry branch lands. */
@Service
public class RegistryService {
  private final Map<String, PersonView> prs = new ConcurrentHashMap<>();
  private final Map<String, PersonView> fps = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public Optional<PersonView> permanentRepresentative(String stateCode, Instant at) {
    return Optional.ofNullable(prs.get(stateCode));
  }

  public Optional<PersonView> designatedFocalPoint(String reviewId, String stateCode, Instant at) {
    return Optional.ofNullable(fps.get(reviewId + stateCode));
  }

  public List<PersonView> experts(String reviewId, String stateCode, Instant at) {
    return List.of();
  }

  public List<PersonView> observers(String reviewId, String stateCode, Instant at) {
    return List.of();
  }

  public Optional<PersonView> designateFocalPoint(String reviewId, String stateCode, PersonInput person,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String actor) {
    return Optional.ofNullable(fps.put(reviewId + stateCode, view(person)));
  }

  public void designateExperts(String reviewId, String stateCode, List<PersonInput> people, String noteVerbaleRef,
      LocalDate receivedOn, Instant effectiveAt, String actor) {}

  public PersonView setPermanentRepresentative(String stateCode, PersonInput person, Instant effectiveAt, String actor) {
    PersonView v = view(person);
    prs.put(stateCode, v);
    return v;
  }

  public boolean isKnownState(String alpha3) {
    return alpha3 != null && alpha3.matches("[A-Z]{3}");
  }

  private PersonView view(PersonInput p) {
    return new PersonView(ids.incrementAndGet(), p.name(), p.email(), Language.fromCode(p.language()),
        p.timeZone() == null ? null : ZoneId.of(p.timeZone()));
  }
}
