package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Line 1 of a trace file: the spec module to check against, the values of its constants, and whether the log is
 * complete (every event's {@code sent} lists exactly what its step sends, so the checker compares them for equality).
 */
public record TraceHeader(String spec, Map<String, JsonNode> constants, boolean complete, SourceLocation origin) {

    /**
     * Two files belong to one trace only if they name the same spec with the same constants and agree on whether
     * the log is complete; this header, of a later file, is bad input otherwise.
     */
    void requireSameModelAs(TraceHeader first) {
        if (!spec.equals(first.spec) || !constants.equals(first.constants) || complete != first.complete) {
            throw new TraceInputException(origin, "header names a different spec, constants or completeness than "
                    + first.origin);
        }
    }
}
