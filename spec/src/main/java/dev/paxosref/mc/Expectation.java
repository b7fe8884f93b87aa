package dev.paxosref.mc;

import java.util.Objects;

/**
 * What TLC must report for a model: {@code pass}, or a violation of one named invariant or property.
 *
 * @param property the invariant or property that must be violated; {@code "Deadlock"} for a deadlock
 */
public record Expectation(Outcome outcome, String property) {

    public enum Outcome { pass, violation }

    public Expectation {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.violation && (property == null || property.isBlank())) {
            throw new IllegalArgumentException("a violation expectation must name the property");
        }
    }

    public static Expectation pass() {
        return new Expectation(Outcome.pass, null);
    }

    public boolean isMetBy(Verdict verdict) {
        return switch (outcome) {
            case pass -> verdict instanceof Verdict.Pass;
            case violation -> verdict instanceof Verdict.Violation v && v.property().equals(property);
        };
    }

    @Override
    public String toString() {
        return outcome == Outcome.pass ? "pass" : "violates " + property;
    }
}
