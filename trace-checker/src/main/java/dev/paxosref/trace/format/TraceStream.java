package dev.paxosref.trace.format;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The events of one trace in the causal order of {@link TraceMerger}, read file by file as they are needed: a k-way
 * merge of the files by (clock, node), so memory does not grow with the trace. It gives the order the merger's sort
 * gives when each file is itself in that order, as a node's own file always is; a file that is not (several nodes
 * logged into one file out of order) makes the stream give up with {@link NotStreamable}, and the caller reads the
 * trace whole instead.
 *
 * <p>The merger's checks run as the events go by, remembering only the last {@code memoryEvents} events, since
 * remembering every message would grow with the trace. Clocks per node are checked exactly. A message id sent again
 * with other content is recognized within that window; a receive before its send, if the send comes within it and
 * the id was (by a fixed-size Bloom filter) never sent before. A fault missed so is not missed by the checker: the
 * message is not in flight in the spec, the step diverges, and a divergence is checked again with the trace read
 * whole.
 */
public final class TraceStream implements Iterator<TraceEvent>, AutoCloseable {
    /** The files cannot be merged as a stream: read the trace whole. */
    public static final class NotStreamable extends RuntimeException {
        NotStreamable(String message) {
            super(message, null, false, false);
        }
    }

    /** By event, then by file; written out, as the merge compares heads several times an event. */
    private static final Comparator<Head> ORDER = (a, b) -> {
        int byEvent = TraceEvent.CLOCK_THEN_NODE.compare(a.event, b.event);
        return byEvent != 0 ? byEvent : Integer.compare(a.file, b.file);
    };

    /** About the distinct values of a look-ahead window of 10,000 Multi-Paxos events; some 4 MB of table. */
    private static final int SHARED_VALUES_MAX = 1 << 18;

    private final String name;
    private final TraceHeader header;
    private final List<TraceReader.Cursor> cursors = new ArrayList<>();
    private final PriorityQueue<Head> heads = new PriorityQueue<>(ORDER);
    private final Map<Integer, Head> lastByFile = new HashMap<>();
    private final Map<String, Long> lastClockByNode = new HashMap<>();
    private final int memoryEvents;
    private final UnaryOperator<TraceEvent> prepare;
    private final Deque<Sent> recentSends = new ArrayDeque<>();
    private final Map<String, Sent> sentById = new HashMap<>();
    /**
     * The ids sent so far, also those no longer remembered one by one: a receive of one of them is not waiting for
     * its send (a message sent again with the same id, long after its first send, is no fault).
     */
    private final IdFilter everSent = new IdFilter();
    /** Receives whose send has not come by: from an unlogged node, unless a send with a later clock follows. */
    private final Map<String, Received> receivedBeforeSend = new HashMap<>();
    private final Deque<Received> recentReceives = new ArrayDeque<>();
    private long emitted;

    private record Head(TraceEvent event, int file) {}

    /**
     * A send still in memory; {@code again} when the id had been sent before and that send was forgotten, so that a
     * receive of this id at or before this send's clock may be of the earlier copy (a bag's retransmission). It keeps
     * the event's clock and origin, not the event: a window of whole events (a Multi-Paxos node logs its state in
     * each) was hundreds of megabytes that every young collection copied.
     */
    private record Sent(LoggedMessage message, long clock, long index, boolean again) {}

    /** A receive still waiting for its send; its event's clock and origin only, as for {@link Sent}. */
    private record Received(String id, long clock, SourceLocation origin, long index) {}

    private TraceStream(String name, List<Path> files, int memoryEvents, UnaryOperator<TraceEvent> prepare) {
        this.name = name;
        this.memoryEvents = memoryEvents;
        this.prepare = prepare;
        // Equal values are shared within a stretch of the trace: a node logs much the same state event after event,
        // so the look-ahead window holds several times fewer values (less to keep and for the collector to copy), and
        // the checker's caches by identity find its repeats. The bound keeps the table's own memory flat.
        SharedJson shared = new SharedJson(SHARED_VALUES_MAX);
        TraceReader reader = new TraceReader();
        try {
            for (Path file : files) {
                cursors.add(reader.open(file, shared));
            }
            this.header = cursors.get(0).header();
            cursors.forEach(cursor -> cursor.header().requireSameModelAs(header));
            for (int file = 0; file < cursors.size(); file++) {
                advance(file);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the files of one trace; {@code memoryEvents} bounds what the stream remembers of past events. */
    public static TraceStream open(String name, List<Path> files, int memoryEvents) {
        return open(name, files, memoryEvents, UnaryOperator.identity());
    }

    /**
     * The same, with {@code prepare} applied to each event as it is merged, before the checks that compare it with
     * earlier events: so a message changed in place is compared with others changed alike.
     */
    public static TraceStream open(String name, List<Path> files, int memoryEvents, UnaryOperator<TraceEvent> prepare) {
        if (files.isEmpty()) {
            throw new TraceInputException(new SourceLocation(name, 0, 0), "no *.ndjson files in directory");
        }
        return new TraceStream(name, files, memoryEvents, prepare);
    }

    public String name() {
        return name;
    }

    public TraceHeader header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public TraceEvent next() {
        Head head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        advance(head.file);
        TraceEvent event = prepare.apply(head.event);
        checkClockIncreases(event);
        checkReceivesFollowSends(event);
        emitted++;
        return event;
    }

    private void advance(int file) {
        TraceEvent next = cursors.get(file).next();
        if (next == null) {
            return;
        }
        Head head = new Head(next, file);
        Head previous = lastByFile.put(file, head);
        if (previous != null && ORDER.compare(head, previous) < 0) {
            throw new NotStreamable(next.origin() + " is out of (clock, node) order in its file");
        }
        heads.add(head);
    }

    private void checkClockIncreases(TraceEvent event) {
        Long previous = lastClockByNode.put(event.nodeName(), event.clock());
        if (previous != null && event.clock() <= previous) {
            // The merger names the earlier event too; it is long gone here, so let it say so.
            throw new NotStreamable(event.origin() + ": impossible clocks for node " + event.nodeName());
        }
    }

    private void checkReceivesFollowSends(TraceEvent event) {
        while (!recentSends.isEmpty() && recentSends.peekFirst().index < emitted - memoryEvents) {
            Sent old = recentSends.pollFirst();
            sentById.remove(old.message.id(), old);
        }
        while (!recentReceives.isEmpty() && recentReceives.peekFirst().index < emitted - memoryEvents) {
            Received old = recentReceives.pollFirst();
            receivedBeforeSend.remove(old.id, old);
        }
        for (LoggedMessage message : event.recv()) {
            Sent sent = sentById.get(message.id());
            if (sent == null) {
                if (!everSent.mightContain(message.id()) && !receivedBeforeSend.containsKey(message.id())) {
                    Received received = new Received(message.id(), event.clock(), event.origin(), emitted);
                    receivedBeforeSend.put(message.id(), received);
                    recentReceives.addLast(received);
                }
            } else if (event.clock() <= sent.clock() && !sent.again()) {
                throw new NotStreamable(event.origin() + ": receives " + message.id() + " at its send's clock");
            }
        }
        for (LoggedMessage message : event.sent()) {
            Sent sameId = sentById.get(message.id());
            if (sameId != null && !sameId.message.fields().equals(message.fields())) {
                throw new NotStreamable(event.origin() + ": message id " + message.id() + " sent with other content");
            }
            Received receiver = receivedBeforeSend.remove(message.id());
            if (receiver != null && receiver.clock() <= event.clock()) {
                throw new NotStreamable(receiver.origin() + ": receives " + message.id() + " before its send");
            }
            if (sameId == null) {
                boolean again = everSent.mightContain(message.id());
                everSent.add(message.id());
                Sent sent = new Sent(message, event.clock(), emitted, again);
                sentById.put(message.id(), sent);
                recentSends.addLast(sent);
            }
        }
    }

    @Override
    public void close() {
        cursors.forEach(TraceReader.Cursor::close);
    }

    /**
     * The message ids sent: exactly, in a set, up to {@code EXACT_MAX} ids, then in a Bloom filter of 2^23 bits
     * (1 MB), three probes, which may say "sent" of an id never sent. A short trace, checked among thousands, so
     * does not allocate and clear a megabyte.
     */
    private static final class IdFilter {
        private static final int BITS_LOG2 = 23;
        private static final int EXACT_MAX = 4096;
        private Set<String> exact = new HashSet<>();
        private long[] bits;

        void add(String id) {
            if (exact == null) {
                addBits(id);
            } else if (exact.add(id) && exact.size() > EXACT_MAX) {
                bits = new long[1 << (BITS_LOG2 - 6)];
                exact.forEach(this::addBits);
                exact = null;
            }
        }

        boolean mightContain(String id) {
            if (exact != null) {
                return exact.contains(id);
            }
            for (int probe = 0; probe < 3; probe++) {
                int bit = bit(id, probe);
                if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        private void addBits(String id) {
            for (int probe = 0; probe < 3; probe++) {
                int bit = bit(id, probe);
                bits[bit >>> 6] |= 1L << bit;
            }
        }

        /** The bit of one probe: double hashing of the id's hash code. */
        private static int bit(String id, int probe) {
            int h = id.hashCode();
            int g = Integer.rotateLeft(h * 0x9E3779B9, 16) | 1;
            return (h + probe * g) >>> (32 - BITS_LOG2);
        }
    }
}
