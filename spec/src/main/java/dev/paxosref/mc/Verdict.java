package dev.paxosref.mc;

/** What one TLC run concluded. */
public sealed interface Verdict {

    /** Every state was explored and every invariant and property held. */
    record Pass() implements Verdict {
        @Override
        public String toString() {
            return "pass";
        }
    }

    /** TLC found a behaviour violating {@code property} (an invariant, a property, or "Deadlock"). */
    record Violation(String property, Counterexample counterexample) implements Verdict {
        @Override
        public String toString() {
            return "violates " + property;
        }
    }

    /** TLC could not check the model: a parse error, a failed assumption, an evaluation error. */
    record Error(String message) implements Verdict {
        @Override
        public String toString() {
            return "error";
        }
    }
}
