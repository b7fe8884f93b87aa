package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/**
 * One logged step: node {@code node} took spec action {@code action} with {@code params}, consuming {@code recv},
 * sending {@code sent}, and leaving its own variables as in {@code state} (key v means v[node]).
 */
public record TraceEvent(JsonNode node, long clock, String action, ObjectNode params, List<LoggedMessage> recv,
                         List<LoggedMessage> sent, ObjectNode state, SourceLocation origin) {

    /**
     * The merged order of a trace: by clock, then by node id as read ({@code 10} before {@code 9}). Two string ids
     * are compared without making their text again, as a sort of a million events otherwise does tens of millions
     * of times.
     */
    public static final Comparator<TraceEvent> CLOCK_THEN_NODE = (a, b) -> {
        int byClock = Long.compare(a.clock, b.clock);
        if (byClock != 0) {
            return byClock;
        }
        return a.node.isTextual() && b.node.isTextual() ? a.node.textValue().compareTo(b.node.textValue())
                : a.nodeName().compareTo(b.nodeName());
    };

    /** The node id as people read it: {@code a1}, {@code 0}. */
    public String nodeName() {
        return node.asText();
    }

    /** {@code Phase1b(a=a1, b=3)}, the vocabulary of the spec. */
    public String describeStep() {
        StringBuilder text = new StringBuilder(action).append('(');
        params.properties().forEach(p -> {
            if (text.charAt(text.length() - 1) != '(') {
                text.append(", ");
            }
            text.append(p.getKey()).append('=').append(p.getValue().isTextual() ? p.getValue().asText() : p.getValue());
        });
        return text.append(')').toString();
    }
}
