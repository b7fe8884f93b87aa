package dev.paxosref.trace.format;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a trace stream on a thread of its own, up to {@code capacity} events ahead, so parsing and validating the
 * JSON overlaps with checking it. Events are handed over in batches, so that the two threads meet (a lock, and
 * waking the other thread when it waits) once per batch rather than once per event. An exception of the reader is
 * thrown by {@link #next()} at the point it occurred: after the events read before it.
 */
public final class Prefetch implements Iterator<TraceEvent>, AutoCloseable {
    private static final int BATCH_EVENTS = 64;
    private static final Object END = new Object();

    /** Batches of events, none empty; after the last, {@link #END} or the reader's exception. */
    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private List<TraceEvent> batch = List.of();
    private int nextInBatch;
    /** What came after the last batch, once taken. */
    private Object end;

    public Prefetch(Iterator<TraceEvent> events, int capacity) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity / BATCH_EVENTS));
        this.reader = new Thread(() -> read(events), "trace-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Iterator<TraceEvent> events) {
        List<TraceEvent> reading = new ArrayList<>(BATCH_EVENTS);
        try {
            try {
                while (events.hasNext()) {
                    reading.add(events.next());
                    if (reading.size() == BATCH_EVENTS) {
                        queue.put(reading);
                        reading = new ArrayList<>(BATCH_EVENTS);
                    }
                }
            } catch (RuntimeException e) {
                handOver(reading);
                queue.put(e);
                return;
            }
            handOver(reading);
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed: nobody reads on
        }
    }

    private void handOver(List<TraceEvent> reading) throws InterruptedException {
        if (!reading.isEmpty()) {
            queue.put(reading);
        }
    }

    @Override
    public boolean hasNext() {
        while (nextInBatch == batch.size()) {
            if (end instanceof RuntimeException e) {
                throw e;
            }
            if (end != null) {
                return false;
            }
            Object taken = take();
            if (taken instanceof List<?>) {
                @SuppressWarnings("unchecked")
                List<TraceEvent> events = (List<TraceEvent>) taken;
                batch = events;
                nextInBatch = 0;
            } else {
                end = taken;
            }
        }
        return true;
    }

    private Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a trace", e);
        }
    }

    @Override
    public TraceEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(nextInBatch++);
    }

    /** Stops the reader, if it is still reading; the caller closes the stream it reads. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
