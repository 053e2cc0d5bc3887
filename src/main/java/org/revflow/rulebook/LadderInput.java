package org.revflow.rulebook;

import java.time.LocalDate;
import org.revflow.review.Step;

public record LadderInput(Step step, LocalDate startedOn, LocalDate due, LocalDate floorExclusive, Rung after,
    boolean onHold, boolean paused, boolean secretariatActs) {}
