package dev.paxosref.mc;

/** Prints a soak run for a person: what ran, from which seed, and on a violation the behaviour and how to replay it. */
public final class SoakText {

    private SoakText() {
    }

    /** The line printed before a soak run starts, with the seed and depth it uses. */
    public static String starting(Model model, long seed, long seconds) {
        return String.format("%s (soak): %s%n  TLC -simulate -depth %d -seed %d, for %d s", model.name(),
                model.description(), model.simulateDepth(), seed, seconds);
    }

    /** One line for the run; on a violation, how to replay it and, if {@code withBehaviour}, the behaviour. */
    public static String format(SoakResult r, boolean withBehaviour) {
        String summary = String.format("  %s %s: %s, %,d traces, %,d states, seed %d, depth %d, %.1fs",
                r.asExpected() ? "ok  " : "FAIL", r.model().name(),
                r.verdict() instanceof Verdict.Pass ? "no violation" : r.verdict().toString(), r.traces(),
                r.statesGenerated(), r.seed(), r.depthMax(), r.elapsed().toMillis() / 1000.0);
        if (r.verdict() instanceof Verdict.Violation v) {
            String replay = summary + String.format("%n  replay: ./paxos mc --soak --seed %d %s", r.seed(),
                    r.model().name());
            return withBehaviour ? replay + "\n" + CounterexampleText.format(v.property(), v.counterexample())
                    .indent(4).stripTrailing() : replay;
        }
        if (r.verdict() instanceof Verdict.Error e) {
            return summary + "\n" + e.message().indent(4).stripTrailing();
        }
        return summary;
    }
}
