package dev.paxosref.trace;

import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A group's checker, loaded on a thread of its own while the group's traces are read: the SANY parse and TLC's setup
 * of a model (tenths of a second in a new JVM) overlap reading the JSON, on another core, and a trace waits only
 * when it has its first events ready to check.
 */
final class ModelLoad {
    /** The load failed other than by bad input: thrown as it was thrown by the load. */
    static final class Failed extends RuntimeException {
        Failed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    private final FutureTask<TraceChecker> task;
    private final SourceLocation firstHeader;

    /** Starts {@code load}, which reports bad input in the group's first header at {@code firstHeader}. */
    ModelLoad(Callable<TraceChecker> load, SourceLocation firstHeader) {
        this.task = new FutureTask<>(load);
        this.firstHeader = firstHeader;
        Thread loader = new Thread(task, "model-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The checker, once loaded; bad input in the first header is reported at {@code header}, the asker's. */
    TraceChecker get(TraceHeader header) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TraceInputException bad) {
                throw atOwnHeader(bad, firstHeader, header);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw new Failed(failure);
            }
            throw new IllegalStateException("the model could not be loaded", e.getCause());
        }
    }

    /** Whether the load has ended: {@link #get} returns or throws without waiting. */
    boolean isDone() {
        return task.isDone();
    }

    /** Waits until the load has ended, whether or not a trace asked for its checker. */
    void awaitEnd() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported to each trace that asked for the checker
        }
    }

    /**
     * Bad input found in the first header of a group, which shares one header's constants, moved to {@code header}:
     * each trace gets the problem at its own header line.
     */
    static TraceInputException atOwnHeader(TraceInputException bad, SourceLocation firstHeader, TraceHeader header) {
        return bad.location().equals(firstHeader) ? bad.at(header.origin()) : bad;
    }
}
