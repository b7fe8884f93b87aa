package dev.paxosref.trace.format;

/**
 * The input cannot be checked at all: malformed JSON, a schema violation, an unknown action, impossible clocks.
 * Distinct from a divergence, which is a well-formed trace the spec does not explain. Maps to exit code 2.
 */
public final class TraceInputException extends RuntimeException {
    private final transient SourceLocation location;

    public TraceInputException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
