package org.revflow.registry;

/** The roles a person holds for a State in a review. */
public enum RoleKind {
  FOCAL_POINT,
  EXPERT,
  OBSERVER
}
