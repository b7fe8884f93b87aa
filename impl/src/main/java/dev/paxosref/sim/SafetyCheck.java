package dev.paxosref.sim;

import dev.paxosref.core.Step;
import java.util.Optional;

/** A protocol's safety properties, checked over every step of the run; {@code M} is its message family. */
interface SafetyCheck<M> {
    /** A step some node or client took at simulation step {@code step}. */
    void executed(Step.Ready<M> ready, long step);

    /** The first property the run so far broke, if any; {@code step} is the simulation step just taken. */
    Optional<Violation> violation(long step);
}
