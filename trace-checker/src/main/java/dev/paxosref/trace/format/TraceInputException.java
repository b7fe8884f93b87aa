package dev.paxosref.trace.format;

/**
 * The input cannot be checked at all: malformed JSON, a schema violation, an unknown action, impossible clocks.
 * Distinct from a divergence, which is a well-formed trace the spec does not explain. Maps to exit code 2.
 */
public final class TraceInputException extends RuntimeException {
    private final transient SourceLocation location;
    private final String problem;

    public TraceInputException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    public SourceLocation location() {
        return location;
    }

    /** The same problem found in another file: the files of a group share a header, and each gets its own report. */
    public TraceInputException at(SourceLocation elsewhere) {
        return new TraceInputException(elsewhere, problem);
    }
}
