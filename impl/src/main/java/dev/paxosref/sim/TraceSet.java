package dev.paxosref.sim;

import dev.paxosref.core.Step;
import dev.paxosref.trace.TraceWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One seed's traces held in memory: one NDJSON text per writer (a node, or a client), by address. */
final class TraceSet {
    private final List<String> writerNames;
    private final List<StringWriter> texts = new ArrayList<>();
    private final List<TraceWriter> writers = new ArrayList<>();

    /** Disabled, it writes nothing and its texts are empty: what an untraced run measures against. */
    TraceSet(boolean enabled, String spec, List<String> writerNames, Map<String, Object> constants) {
        this.writerNames = enabled ? List.copyOf(writerNames) : List.of();
        for (String name : this.writerNames) {
            StringWriter text = new StringWriter();
            texts.add(text);
            writers.add(new TraceWriter(text, spec, name, constants));
        }
    }

    void write(int address, long clock, Step.Ready ready) {
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
