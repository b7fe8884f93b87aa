package dev.paxosref.trace.format;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a trace stream on a thread of its own, up to {@code capacity} events ahead, so parsing and validating the
 * JSON overlaps with checking it. An exception of the reader is thrown by {@link #next()} at the point it occurred.
 */
public final class Prefetch implements Iterator<TraceEvent>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private Object head;

    public Prefetch(Iterator<TraceEvent> events, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.reader = new Thread(() -> {
            try {
                while (events.hasNext()) {
                    queue.put(events.next());
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed: nobody reads on
            } catch (RuntimeException e) {
                try {
                    queue.put(e);
                } catch (InterruptedException closed) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "trace-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public boolean hasNext() {
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a trace", e);
            }
        }
        if (head instanceof RuntimeException e) {
            throw e;
        }
        return head != END;
    }

    @Override
    public TraceEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TraceEvent event = (TraceEvent) head;
        head = null;
        return event;
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
