package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Which network steps a bag network needs around each logged event; the log never names them. A message must keep
 * a copy in flight exactly while the next event that mentions it is a receive: so before an event that consumes a
 * copy which a later event receives again (with no send between), the network duplicates it, and after an event
 * that leaves a message nobody receives before it is sent again, the network loses its copies. Losing them keeps
 * the state as small as the messages really in flight, and lets a client's Resubmit find its request gone.
 *
 * <p>The choice is canonical: a copy's presence matters to a guard only through a receive or an
 * {@code ~InFlight} test of a message the step sends, and both see the same copies in every behaviour the log allows.
 *
 * <p>The plan looks ahead over a window of at most {@code windowEvents} events, read from the trace as the checker
 * goes, and indexes the messages they mention; a message not mentioned in the window counts as never mentioned
 * again. So memory is bounded by the window, not the trace. If a message is received again further ahead than the
 * window, its copies were lost too early and the receive diverges; the checker then reads the trace whole to tell
 * a real divergence from a window too short (see StepChecker).
 */
final class NetworkPlan implements Iterator<TraceEvent> {
    /** The messages (as logged, without id) to duplicate before an event, and to lose after it. */
    record Around(List<ObjectNode> duplicateBefore, List<ObjectNode> loseAfter) {}

    static final Around NOTHING = new Around(List.of(), List.of());

    /** An event of the window and how it mentions each message: true for a receive, false for a send only. */
    private record Ahead(TraceEvent event, Map<Message, Boolean> mentions) {}

    /**
     * A logged message as a key, its hash computed once: Jackson computes an object's hash anew at every lookup,
     * walking the whole message (a promise's votes included).
     */
    private static final class Message {
        private final ObjectNode fields;
        private final int hash;

        Message(ObjectNode fields) {
            this.fields = fields;
            this.hash = fields.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Message m && (m.fields == fields || m.hash == hash && m.fields.equals(fields));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Iterator<TraceEvent> events;
    private final int windowEvents;
    private final ArrayDeque<Ahead> window = new ArrayDeque<>();
    /** For each message mentioned in the window, its mentions in event order. */
    private final Map<Message, ArrayDeque<Boolean>> mentions = new HashMap<>();
    private Around around = NOTHING;

    NetworkPlan(Iterator<TraceEvent> events, int windowEvents) {
        this.events = events;
        this.windowEvents = Math.max(1, windowEvents);
    }

    @Override
    public boolean hasNext() {
        fill();
        return !window.isEmpty();
    }

    /** The next event; {@link #around()} then says which network steps come before and after it. */
    @Override
    public TraceEvent next() {
        fill();
        Ahead head = window.pollFirst();
        if (head == null) {
            throw new NoSuchElementException();
        }
        head.mentions.keySet().forEach(message -> {
            ArrayDeque<Boolean> later = mentions.get(message);
            later.pollFirst();
            if (later.isEmpty()) {
                mentions.remove(message);
            }
        });
        around = plan(head.event);
        return head.event;
    }

    /** The network steps around the event {@link #next()} returned last. */
    Around around() {
        return around;
    }

    private void fill() {
        while (window.size() <= windowEvents && events.hasNext()) {
            TraceEvent event = events.next();
            Map<Message, Boolean> mentioned = new LinkedHashMap<>();
            event.sent().forEach(m -> mentioned.put(new Message(m.fields()), false));
            event.recv().forEach(m -> mentioned.put(new Message(m.fields()), true));
            mentioned.forEach((message, receive) ->
                    mentions.computeIfAbsent(message, m -> new ArrayDeque<>(2)).addLast(receive));
            window.addLast(new Ahead(event, mentioned));
        }
    }

    private boolean nextIsReceive(ObjectNode message) {
        ArrayDeque<Boolean> later = mentions.get(new Message(message));
        return later != null && later.peekFirst();
    }

    private Around plan(TraceEvent event) {
        List<ObjectNode> duplicate = new ArrayList<>(0);
        List<ObjectNode> lose = new ArrayList<>(0);
        for (LoggedMessage received : event.recv()) {
            boolean neededLater = nextIsReceive(received.fields());
            if (neededLater && !sends(event, received.fields())) {
                duplicate.add(received.fields());
            } else if (!neededLater) {
                lose.add(received.fields());
            }
        }
        for (LoggedMessage sent : event.sent()) {
            if (!nextIsReceive(sent.fields()) && !lose.contains(sent.fields())) {
                lose.add(sent.fields());
            }
        }
        return duplicate.isEmpty() && lose.isEmpty() ? NOTHING : new Around(duplicate, lose);
    }

    private static boolean sends(TraceEvent event, ObjectNode message) {
        return event.sent().stream().anyMatch(m -> m.fields().equals(message));
    }
}
