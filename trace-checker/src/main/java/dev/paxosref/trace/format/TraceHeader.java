package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Line 1 of a trace file: the spec module to check against, the values of its constants, whether the log is
 * complete (every event's {@code sent} lists exactly what its step sends, so the checker compares them for equality),
 * and whether its events log state as changes ({@code "state": "changes"}: a variable of the node left out is
 * unchanged by the step, and the checker requires the spec's step to leave it so).
 */
public record TraceHeader(String spec, Map<String, JsonNode> constants, boolean complete, boolean stateChanges,
                          SourceLocation origin) {
    /** The header's value of {@code "state"} that declares a log of changes. */
    public static final String STATE_CHANGES = "changes";

    /**
     * Two files belong to one trace only if they name the same spec with the same constants and agree on whether
     * the log is complete and logs changes; this header, of a later file, is bad input otherwise.
     */
    void requireSameModelAs(TraceHeader first) {
        if (!spec.equals(first.spec) || !constants.equals(first.constants) || complete != first.complete
                || stateChanges != first.stateChanges) {
            throw new TraceInputException(origin, "header names a different spec, constants, completeness or state "
                    + "logging than " + first.origin);
        }
    }
}
