package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Line 1 of a trace file: the spec module to check against and the values of its constants. */
public record TraceHeader(String spec, Map<String, JsonNode> constants, SourceLocation origin) {

    /**
     * Two files belong to one trace only if they name the same spec with the same constants; this header, of a
     * later file, is bad input otherwise.
     */
    void requireSameModelAs(TraceHeader first) {
        if (!spec.equals(first.spec) || !constants.equals(first.constants)) {
            throw new TraceInputException(origin, "header names a different spec or constants than " + first.origin);
        }
    }
}
