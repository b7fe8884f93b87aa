package dev.paxosref.trace.report;

import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.TraceEvent;
import java.util.List;
import java.util.stream.Collectors;

/** One event as one line of a timeline: clock, node, step, messages and logged state. */
public final class EventText {
    private EventText() {}

    public static String line(TraceEvent event) {
        StringBuilder line = new StringBuilder();
        line.append(String.format("%6d  %-6s %s", event.clock(), event.nodeName(), event.describeStep()));
        if (!event.recv().isEmpty()) {
            line.append("  recv ").append(ids(event.recv()));
        }
        if (!event.sent().isEmpty()) {
            line.append("  sent ").append(ids(event.sent()));
        }
        if (!event.state().isEmpty()) {
            line.append("  -> ").append(event.state());
        }
        return line.toString();
    }

    /** {@code 1b bal=3} for a message: its type and ballot are what a reader follows. */
    public static String messageLabel(LoggedMessage message) {
        StringBuilder label = new StringBuilder(message.fields().path("type").asText(message.id()));
        if (message.fields().has("bal")) {
            label.append(" bal=").append(message.fields().get("bal"));
        }
        return label.toString();
    }

    private static String ids(List<LoggedMessage> messages) {
        return messages.stream().map(LoggedMessage::id).collect(Collectors.joining(",", "[", "]"));
    }
}
