package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import java.util.List;

/**
 * Decodes the integers a trace writes as decimal strings: a replicated state machine answers in strings, so
 * MultiPaxos traces log the counter's results ({@code result} of a reply, {@code n} of ReceiveReply) as
 * {@code "3"}, where the spec has the natural 3. Done once, in place, before either mode reads the trace.
 */
public final class DecimalFields {
    private DecimalFields() {}

    public static void decode(Trace trace, SpecConventions conventions) {
        if (conventions.decimalFields().isEmpty()) {
            return;
        }
        for (TraceEvent event : trace.events()) {
            decode(event, conventions);
        }
    }

    /** The same for one event, for a trace read as a stream. */
    public static void decode(TraceEvent event, SpecConventions conventions) {
        if (conventions.decimalFields().isEmpty()) {
            return;
        }
        decode(event.params(), conventions.decimalFields());
        decode(event.recv(), conventions.decimalFields());
        decode(event.sent(), conventions.decimalFields());
    }

    private static void decode(List<LoggedMessage> messages, List<String> names) {
        messages.forEach(m -> decode(m.fields(), names));
    }

    private static void decode(ObjectNode object, List<String> names) {
        for (String name : names) {
            if (object.path(name).isTextual() && object.get(name).asText().matches("\\d{1,9}")) {
                object.set(name, IntNode.valueOf(Integer.parseInt(object.get(name).asText())));
            }
        }
    }
}
