package dev.paxosref.trace.report;

/** What checking one trace concluded. Event indexes are 0-based positions in the merged, causal order. */
public sealed interface Verdict {

    /** Every event is explained by a step of the spec. */
    record Valid(int eventsChecked) implements Verdict {}

    /** No behaviour of the spec explains event {@code eventIndex}; the events before it were explained. */
    record Diverged(int eventIndex, Explanation explanation) implements Verdict {}

    /** The checker gave up before deciding, e.g. because the candidate-state bound was hit. */
    record Undecided(int eventIndex, String reason) implements Verdict {}
}
