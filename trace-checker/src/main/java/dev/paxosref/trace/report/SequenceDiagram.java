package dev.paxosref.trace.report;

import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout both diagram renderers draw: the nodes as lifelines in order of first appearance, and, for each event up
 * to the divergence, the messages it received (from the event that sent them, when that is in the trace). Long
 * traces are cut to the last {@code EVENTS_MAX} events, which is what a person looks at.
 */
record SequenceDiagram(List<String> nodes, List<Row> rows) {
    static final int EVENTS_MAX = 200;

    /** One event, with an arrow for each message it received. */
    record Row(TraceEvent event, List<Arrow> arrows, boolean divergent) {}

    /** A received message from the node that sent it. */
    record Arrow(String fromNode, String label) {}

    static SequenceDiagram of(Trace trace, int divergentIndex) {
        int last = divergentIndex >= 0 ? divergentIndex : trace.events().size() - 1;
        int first = Math.max(0, last - EVENTS_MAX + 1);
        Map<String, String> senderNodeByMessage = new HashMap<>();
        Map<String, Boolean> nodes = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            TraceEvent event = trace.events().get(i);
            event.sent().forEach(m -> senderNodeByMessage.put(m.id(), event.nodeName()));
            if (i < first) {
                continue;
            }
            List<Arrow> arrows = new ArrayList<>();
            for (LoggedMessage received : event.recv()) {
                String from = senderNodeByMessage.getOrDefault(received.id(), "?");
                nodes.putIfAbsent(from, true);
                arrows.add(new Arrow(from, EventText.messageLabel(received)));
            }
            nodes.putIfAbsent(event.nodeName(), true);
            rows.add(new Row(event, arrows, i == divergentIndex));
        }
        return new SequenceDiagram(List.copyOf(nodes.keySet()), rows);
    }
}
