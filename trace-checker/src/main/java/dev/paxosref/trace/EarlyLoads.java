package dev.paxosref.trace;

import dev.paxosref.trace.format.Trace;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What can be loaded while the traces are still being opened, on a thread beside the opening: the signature of the
 * first trace's module (a SANY parse, a second or more in a new JVM), and the model that traces of one module under
 * several headers share (CheckRun's any-header groups), from the second header naming the module, which is exactly
 * when that module's traces will form such a group. Only one module's model is loaded early, since TLC holds one
 * model per JVM; its group is checked first. SANY must not parse on two threads at once: the shared model's load
 * starts after the signature's parse, and the caller waits for that parse ({@link #awaitSignature}) before parsing
 * on its own.
 */
final class EarlyLoads {
    private final Consumer<Trace> readSignature;
    private final Function<Trace, Callable<TraceChecker>> load;
    private final boolean modelsShared;
    private final Map<String, Trace> firstBySpec = new HashMap<>();
    private FutureTask<Void> signature;
    private String startedSpec;
    private ModelLoad started;

    /**
     * {@code readSignature} reads (and keeps) the signature of a trace's module, its failures reported when it is
     * read again; {@code load} loads the shared model with a group's first trace, if {@code modelsShared} (in
     * stepping mode without silent steps).
     */
    EarlyLoads(Consumer<Trace> readSignature, Function<Trace, Callable<TraceChecker>> load, boolean modelsShared) {
        this.readSignature = readSignature;
        this.load = load;
        this.modelsShared = modelsShared;
    }

    /** Notes a trace opened without error, and starts what it is the first to make worth loading. */
    synchronized void opened(Trace trace) {
        if (signature == null) {
            signature = new FutureTask<>(() -> readSignature.accept(trace), null);
            Thread reader = new Thread(signature, "signature-read");
            reader.setDaemon(true);
            reader.start();
        }
        if (!modelsShared || started != null) {
            return;
        }
        Trace first = firstBySpec.putIfAbsent(trace.header().spec(), trace);
        if (first != null && !first.header().constants().equals(trace.header().constants())) {
            startedSpec = first.header().spec();
            started = afterSignature(first);
        }
    }

    /** Waits until the signature read early, if any, has been parsed (or failed to be). */
    void awaitSignature() {
        FutureTask<Void> read;
        synchronized (this) {
            read = signature;
        }
        if (read == null) {
            return;
        }
        try {
            read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a spec module", e);
        } catch (ExecutionException failed) {
            // the module is read again when its traces are checked, which reports the failure
        }
    }

    /** Waits until whatever was started early has ended. */
    void awaitEnd() {
        awaitSignature();
        ModelLoad load;
        synchronized (this) {
            load = started;
        }
        if (load != null) {
            load.awaitEnd();
        }
    }

    /** Whether the load of {@code spec}'s shared model has started. */
    synchronized boolean startedFor(String spec) {
        return spec.equals(startedSpec);
    }

    /** The load of {@code spec}'s shared model: the one started early, or one started now with {@code first}. */
    synchronized ModelLoad loadFor(String spec, Trace first) {
        return startedFor(spec) ? started : afterSignature(first);
    }

    private ModelLoad afterSignature(Trace first) {
        Callable<TraceChecker> loadModel = load.apply(first);
        return new ModelLoad(() -> {
            awaitSignature();
            return loadModel.call();
        }, first.header().origin());
    }
}
