package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Line 1 of a trace file: the spec module to check against and the values of its constants. */
public record TraceHeader(String spec, Map<String, JsonNode> constants, SourceLocation origin) {

    /** Two files belong to one trace only if they name the same spec with the same constants. */
    public boolean describesSameModel(TraceHeader other) {
        return spec.equals(other.spec) && constants.equals(other.constants);
    }
}
