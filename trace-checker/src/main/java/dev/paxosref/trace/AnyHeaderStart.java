package dev.paxosref.trace;

import dev.paxosref.trace.format.Trace;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts the load of the model that traces of one module under several headers share (CheckRun's any-header
 * groups) while the traces are still being opened: at the second header naming the module, which is exactly when
 * that module's traces will form such a group. The load then runs beside the opening of the rest instead of after
 * it. Only one module's load starts early, since TLC holds one model per JVM; its group is checked first.
 */
final class AnyHeaderStart {
    private final Function<Trace, ModelLoad> load;
    private final Map<String, Trace> firstBySpec = new HashMap<>();
    private String startedSpec;
    private ModelLoad started;

    /** {@code load} starts loading the shared model with a group's first trace. */
    AnyHeaderStart(Function<Trace, ModelLoad> load) {
        this.load = load;
    }

    /** Notes a trace opened without error, and starts the load if its module now has a second header. */
    synchronized void opened(Trace trace) {
        if (started != null) {
            return;
        }
        Trace first = firstBySpec.putIfAbsent(trace.header().spec(), trace);
        if (first != null && !first.header().constants().equals(trace.header().constants())) {
            startedSpec = first.header().spec();
            started = load.apply(first);
        }
    }

    /** Whether the load of {@code spec}'s shared model has started. */
    synchronized boolean startedFor(String spec) {
        return spec.equals(startedSpec);
    }

    /** The load of {@code spec}'s shared model: the one started early, or one started now with {@code first}. */
    synchronized ModelLoad loadFor(String spec, Trace first) {
        return startedFor(spec) ? started : load.apply(first);
    }
}
