package dev.paxosref.sim;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** A property that failed, named as in Paxos.tla where it has a name there, at the step where it failed. */
public record Violation(String property, String detail, long step) {
    /**
     * Runs a simulation's steps; a broken invariant (Invariant.check, always on) or any other exception in the core
     * is a violation at that step.
     */
    static Optional<Violation> catching(Supplier<Optional<Violation>> steps, LongSupplier step) {
        try {
            return steps.get();
        } catch (RuntimeException e) {
            return Optional.of(new Violation("Invariant", e.toString(), step.getAsLong()));
        }
    }
}
