package dev.paxosref.trace;

import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.report.Verdict;

/** The result for one trace: a verdict, or the input error that prevented one. Exactly one of the two is set. */
public record TraceOutcome(String name, Trace trace, Verdict verdict, TraceInputException inputError) {
    public static final int EXIT_VALID = 0;
    public static final int EXIT_DIVERGED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public static TraceOutcome of(String name, Trace trace, Verdict verdict) {
        return new TraceOutcome(name, trace, verdict, null);
    }

    public static TraceOutcome badInput(String name, TraceInputException error) {
        return new TraceOutcome(name, null, null, error);
    }

    /**
     * The events of the trace: as checked, for a valid trace (read as a stream, it keeps none in memory), else as
     * read; none for bad input.
     */
    public long events() {
        if (verdict instanceof Verdict.Valid valid) {
            return valid.eventsChecked();
        }
        return trace == null ? 0 : trace.events().size();
    }

    public int exitCode() {
        if (inputError != null || verdict instanceof Verdict.Undecided) {
            return EXIT_BAD_INPUT;
        }
        return verdict instanceof Verdict.Diverged ? EXIT_DIVERGED : EXIT_VALID;
    }
}
