package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The events come out in the order read, however many batches they fill (none, part of one, whole ones and part of
 * another), and a reader's exception comes after every event read before it, at each call once it has come.
 */
class PrefetchTest {
    @Test
    void everyEventInOrderWhateverTheBatches() {
        for (int count : List.of(0, 1, 63, 64, 65, 128, 1000)) {
            List<TraceEvent> events = events(count);
            List<TraceEvent> out = new ArrayList<>();
            try (Prefetch prefetch = new Prefetch(events.iterator(), 256)) {
                prefetch.forEachRemaining(out::add);
                assertFalse(prefetch.hasNext());
                assertThrows(NoSuchElementException.class, prefetch::next);
            }
            assertEquals(events, out, count + " events");
        }
    }

    @Test
    void anExceptionComesAfterTheEventsReadBeforeIt() {
        for (int before : List.of(0, 5, 64, 130)) {
            List<TraceEvent> events = events(before);
            RuntimeException fault = new TraceInputException(new SourceLocation("t", before + 2, 0), "bad");
            Iterator<TraceEvent> failing = new Iterator<>() {
                private int read;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public TraceEvent next() {
                    if (read == before) {
                        throw fault;
                    }
                    return events.get(read++);
                }
            };
            try (Prefetch prefetch = new Prefetch(failing, 1024)) {
                for (TraceEvent event : events) {
                    assertSame(event, prefetch.next());
                }
                assertSame(fault, assertThrows(RuntimeException.class, prefetch::hasNext));
                assertSame(fault, assertThrows(RuntimeException.class, prefetch::next));
            }
        }
    }

    private static List<TraceEvent> events(int count) {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new TraceEvent(IntNode.valueOf(0), i + 1, "A", JsonNodeFactory.instance.objectNode(), List.of(),
                    List.of(), JsonNodeFactory.instance.objectNode(), new SourceLocation("t", i + 2, 0)));
        }
        return events;
    }
}
