package org.revflow.notification;

import java.time.Instant;
import java.util.List;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.FocalPointResolver;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryLookups;
import org.springframework.stereotype.Component;

/**
 * Who holds one role of one State now, asked role by role: a retried notice keeps the roles its
 * first delivery addressed, whoever holds them by then, and must not ask "who gets this notice?"
 * again (that answer grows with the review: a State that joined after the event is not one of the
 * notice's roles).
 */
@Component
class RoleHolders {

  private final FocalPointResolver focalPoints;
  private final RegistryLookups registry;
  private final AddresseeResolver addressees;

  RoleHolders(
      FocalPointResolver focalPoints, RegistryLookups registry, AddresseeResolver addressees) {
    this.focalPoints = focalPoints;
    this.registry = registry;
    this.addressees = addressees;
  }

  /**
   * Today's holders of {@code role} for {@code state} in the review; empty when nobody holds it. A
   * focal point and an interim focal point are one role (the acting focal point): a designation
   * ends the interim, and the new focal point takes the notice over.
   */
  List<Addressee> holders(String reviewId, Addressee.Role role, String state, Instant now) {
    if (role == Addressee.Role.SECRETARIAT) {
      return List.of(addressees.secretariat());
    }
    return switch (role) {
      case FOCAL_POINT, INTERIM_FOCAL_POINT, OTHER_FOCAL_POINT -> {
        ActingFocalPoint acting = focalPoints.actingFocalPoint(reviewId, state, now);
        yield acting.person() == null
            ? List.of()
            : List.of(
                person(
                    acting.person(),
                    acting.interim()
                        ? Addressee.Role.INTERIM_FOCAL_POINT
                        : Addressee.Role.FOCAL_POINT,
                    state));
      }
      case PERMANENT_REPRESENTATIVE ->
          registry
              .permanentRepresentative(state, now)
              .map(p -> List.of(person(p, Addressee.Role.PERMANENT_REPRESENTATIVE, state)))
              .orElse(List.of());
      case EXPERT ->
          registry.experts(reviewId, state, now).stream()
              .map(p -> person(p, Addressee.Role.EXPERT, state))
              .toList();
      case SECRETARIAT -> List.of(addressees.secretariat());
    };
  }

  /** Focal point and interim focal point compare as one role. */
  static String roleFamily(Addressee.Role role) {
    return switch (role) {
      case FOCAL_POINT, INTERIM_FOCAL_POINT, OTHER_FOCAL_POINT -> "ACTING_FOCAL_POINT";
      default -> role.name();
    };
  }

  private static Addressee person(PersonView p, Addressee.Role role, String state) {
    return new Addressee(p.name(), p.email(), p.language(), p.timeZone(), role, p.id(), state);
  }
}
