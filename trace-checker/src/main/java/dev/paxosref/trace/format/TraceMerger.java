package dev.paxosref.trace.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the files of one run into one causal order. Lamport clocks make this a sort: every causal edge (a node's
 * previous event, the send of a message received) goes to a strictly higher clock, so sorting by clock respects all
 * of them. Equal clocks on different nodes are concurrent; ordering them by node id makes the result the same
 * however the events were split into files. The merger first checks that the clocks do make every edge go up, and reports a
 * trace whose clocks contradict causality as bad input.
 */
public final class TraceMerger {

    public Trace merge(String name, List<TraceFile> files) {
        TraceHeader header = files.get(0).header();
        List<TraceEvent> all = new ArrayList<>();
        for (TraceFile file : files) {
            file.header().requireSameModelAs(header);
            all.addAll(file.events());
        }
        checkClocksIncreasePerNode(all);
        checkReceivesFollowSends(all);
        List<TraceEvent> ordered = new ArrayList<>(all);
        ordered.sort(TraceEvent.CLOCK_THEN_NODE);
        return new Trace(name, header, List.copyOf(ordered));
    }

    private static void checkClocksIncreasePerNode(List<TraceEvent> events) {
        Map<String, TraceEvent> lastByNode = new HashMap<>();
        for (TraceEvent event : events) {
            TraceEvent previous = lastByNode.put(event.nodeName(), event);
            if (previous != null && event.clock() <= previous.clock()) {
                throw new TraceInputException(event.origin(), "impossible clocks: node " + event.nodeName()
                        + " logs clock " + event.clock() + " after clock " + previous.clock() + " at "
                        + previous.origin());
            }
        }
    }

    private static void checkReceivesFollowSends(List<TraceEvent> events) {
        // A message may be sent again with the same content: the spec's network is a set, so that adds nothing,
        // and a receive needs only follow the first send. The same id with other content is two messages.
        Map<String, TraceEvent> senderById = new HashMap<>();
        Map<String, LoggedMessage> messageById = new HashMap<>();
        for (TraceEvent event : events) {
            List<LoggedMessage> sent = event.sent();
            for (int i = 0; i < sent.size(); i++) { // no iterator: most events send nothing, and List.of() makes one
                LoggedMessage message = sent.get(i);
                LoggedMessage sameId = messageById.putIfAbsent(message.id(), message);
                if (sameId != null && !sameId.fields().equals(message.fields())) {
                    throw new TraceInputException(event.origin(), "message id " + message.id()
                            + " is sent again with different content; first at " + senderById.get(message.id()).origin());
                }
                senderById.merge(message.id(), event, (a, b) -> a.clock() <= b.clock() ? a : b);
            }
        }
        for (TraceEvent event : events) {
            List<LoggedMessage> received = event.recv();
            for (int i = 0; i < received.size(); i++) {
                LoggedMessage message = received.get(i);
                TraceEvent sender = senderById.get(message.id());
                // A message whose send is not in the trace comes from an unlogged node; the spec judges it.
                if (sender != null && event.clock() <= sender.clock()) {
                    throw new TraceInputException(event.origin(), "impossible clocks: receives " + message.id()
                            + " at clock " + event.clock() + " but it was sent at clock " + sender.clock()
                            + " at " + sender.origin());
                }
            }
        }
    }
}
