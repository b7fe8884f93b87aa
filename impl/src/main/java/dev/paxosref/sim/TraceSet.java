package dev.paxosref.sim;

import dev.paxosref.core.Step;
import dev.paxosref.trace.TraceWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One seed's traces held in memory: one NDJSON text per writer (a node, or a client), by address; {@code M} is the
 * protocol's message family.
 */
final class TraceSet<M> {
    private final List<String> writerNames;
    private final List<StringWriter> texts = new ArrayList<>();
    private final List<TraceWriter<M>> writers = new ArrayList<>();

    /**
     * Disabled, it writes nothing and its texts are empty: what an untraced run measures against. {@code open} gives
     * the protocol's writer of a named trace.
     */
    TraceSet(boolean enabled, List<String> writerNames, BiFunction<Writer, String, TraceWriter<M>> open) {
        this.writerNames = enabled ? List.copyOf(writerNames) : List.of();
        for (String name : this.writerNames) {
            StringWriter text = new StringWriter();
            texts.add(text);
            writers.add(open.apply(text, name));
        }
    }

    void write(int address, long clock, Step.Ready<M> ready) {
        if (!writers.isEmpty()) {
            writers.get(address).write(clock, ready);
        }
    }

    /** Each writer's NDJSON text, by writer name in address order. */
    Map<String, String> texts() {
        writers.forEach(TraceWriter::flush);
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < writerNames.size(); i++) {
            byName.put(writerNames.get(i), texts.get(i).toString());
        }
        return byName;
    }
}
