package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /**
     * An event of the window, its messages as keys (each hashed once, in the order logged), and how it mentions
     * each message: true for a receive, false for a send only.
     */
    private record Ahead(TraceEvent event, List<Message> recv, List<Message> sent, Map<Message, Boolean> mentions) {}

    /**
     * A logged message as a key, its hash computed once: Jackson computes an object's hash anew at every lookup,
     * walking the whole message (a promise's votes included). Nor is Jackson's hash fit for a table of messages: an
     * object's is the sum of its fields' key-xor-value hashes, so messages that differ in two small integers (a
     * ballot and a slot) collide by the hundred, and the table's bins degrade into trees compared field by field.
     */
    private static final class Message {
        private final ObjectNode fields;
        private final int hash;

        Message(ObjectNode fields) {
            this.fields = fields;
            this.hash = hash(fields);
        }

        /**
         * A hash that agrees with JsonNode.equals: an object's fields in any order (their mixed hashes summed), a
         * scalar as Jackson hashes it, an array by its length only. The objects and scalars (type, ballot, slot,
         * sender, the command) tell messages apart; walking a promise's votes at every mention cost more than the
         * rare collision of two messages that differ only inside an array.
         */
        private static int hash(JsonNode value) {
            if (value instanceof ObjectNode object) {
                int sum = 0;
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    sum += mix(field.getKey().hashCode() * 31 + hash(field.getValue()));
                }
                return sum;
            }
            return value instanceof ArrayNode array ? mix(array.size()) : value.hashCode();
        }

        /** MurmurHash3's finalizer: every input bit moves about half the output bits. */
        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            return h ^ h >>> 16;
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
        around = plan(head);
        return head.event;
    }

    /** The network steps around the event {@link #next()} returned last. */
    Around around() {
        return around;
    }

    private void fill() {
        while (window.size() <= windowEvents && events.hasNext()) {
            TraceEvent event = events.next();
            List<Message> sent = keys(event.sent());
            List<Message> recv = keys(event.recv());
            Map<Message, Boolean> mentioned = new LinkedHashMap<>();
            sent.forEach(m -> mentioned.put(m, false));
            recv.forEach(m -> mentioned.put(m, true));
            mentioned.forEach((message, receive) ->
                    mentions.computeIfAbsent(message, m -> new ArrayDeque<>(2)).addLast(receive));
            window.addLast(new Ahead(event, recv, sent, mentioned));
        }
    }

    private static List<Message> keys(List<LoggedMessage> messages) {
        List<Message> keys = new ArrayList<>(messages.size());
        for (LoggedMessage m : messages) {
            keys.add(new Message(m.fields()));
        }
        return keys;
    }

    private boolean nextIsReceive(Message message) {
        ArrayDeque<Boolean> later = mentions.get(message);
        return later != null && later.peekFirst();
    }

    private Around plan(Ahead event) {
        List<ObjectNode> duplicate = new ArrayList<>(0);
        List<Message> lose = new ArrayList<>(0);
        for (Message received : event.recv) {
            boolean neededLater = nextIsReceive(received);
            if (neededLater && !event.sent.contains(received)) {
                duplicate.add(received.fields);
            } else if (!neededLater) {
                lose.add(received);
            }
        }
        for (Message sent : event.sent) {
            if (!nextIsReceive(sent) && !lose.contains(sent)) {
                lose.add(sent);
            }
        }
        return duplicate.isEmpty() && lose.isEmpty() ? NOTHING
                : new Around(duplicate, lose.stream().map(m -> m.fields).toList());
    }
}
