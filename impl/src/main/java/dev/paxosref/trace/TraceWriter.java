package dev.paxosref.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one node's trace as NDJSON: a header line, then one line per executed spec action with the spec's
 * action, parameter and variable names, the messages read and sent, and a Lamport clock for merging files. Every
 * step the core takes is written with all it sends; the header says whether the log is declared complete.
 *
 * <p>One machine hosts several spec processes (acceptor a1, proposer 0, learner l1); each event names the process
 * that took the step, so that its {@code state} means {@code var[process]} as the trace format says. Actions of no
 * process (Propose) are stamped with the machine's name.
 */
public final class TraceWriter<M> implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How one protocol's messages appear in recv and sent, and its values in params and state. */
    private interface ProtocolJson<T> {
        void write(JsonGenerator json, T value) throws IOException;
    }

    /** The parameters that name the process taking the step: an acceptor, proposer, learner or replica. */
    private static final List<String> PROCESS_PARAMETERS = List.of("a", "p", "l", "r");

    /**
     * A proposer's pKnown holds every decision it made above the slowest replica's snapshot (all of them under
     * reconfiguration), so logged whole in every proposer event it would make the trace grow with that window times
     * the log. It is logged as the entries the step added or changed: the checker compares a logged function argument
     * by argument, as logged.
     */
    private static final String GROWING_FUNCTION = "pKnown";

    private final String node;
    private final JsonGenerator json;
    private final ProtocolJson<M> messages;
    private final ProtocolJson<Object> values;
    /** Per process, its pKnown as last logged. */
    private final Map<Object, Map<?, ?>> loggedGrowing = new HashMap<>();

    /**
     * A trace of Paxos.tla's actions; the header names the spec and the constants the events were run with, and
     * declares the log complete: every step the core takes is written with everything it sends.
     */
    public static TraceWriter<Message> paxos(Writer out, String node, Map<String, Object> constants) {
        return new TraceWriter<>(out, "Paxos", node, constants, true, PaxosJson::writeMessage, PaxosJson::writeValue);
    }

    /** A trace of MultiPaxos.tla's actions, declared complete as Paxos's are. */
    public static TraceWriter<MultiMessage> multiPaxos(Writer out, String node, Map<String, Object> constants) {
        return new TraceWriter<>(out, "MultiPaxos", node, constants, true, MultiPaxosJson::writeMessage,
            MultiPaxosJson::writeValue);
    }

    /**
     * A trace of MultiPaxosReconfig.tla's actions: MultiPaxos's messages, the acceptors changing through the log;
     * declared complete too.
     */
    public static TraceWriter<MultiMessage> multiPaxosReconfig(Writer out, String node, Map<String, Object> constants) {
        return new TraceWriter<>(out, "MultiPaxosReconfig", node, constants, true, MultiPaxosJson::writeMessage,
            MultiPaxosJson::writeValue);
    }

    private TraceWriter(Writer out, String spec, String node, Map<String, Object> constants, boolean complete,
                        ProtocolJson<M> messages, ProtocolJson<Object> values) {
        this.node = node;
        this.messages = messages;
        this.values = values;
        try {
            this.json = MAPPER.getFactory().createGenerator(out);
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.setRootValueSeparator(null); // each line ends with '\n' below; no separator before the next
            json.writeStartObject();
            json.writeStringField("format", TraceFormat.FORMAT);
            json.writeNumberField("version", TraceFormat.VERSION);
            json.writeStringField("spec", spec);
            json.writeBooleanField("complete", complete);
            json.writeObjectField("constants", constants);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("trace header for node " + node, e);
        }
    }

    /** One event: the action {@code ready} reports, stamped with the node's Lamport clock after the action. */
    public void write(long clock, Step.Ready<M> ready) {
        try {
            json.writeStartObject();
            writeNode(ready.action().params());
            json.writeNumberField("clock", clock);
            json.writeStringField("action", ready.action().name());
            writeFlatMap("params", ready.action().params());
            writeMessages("recv", ready.recv());
            writeMessages("sent", ready.send());
            writeFlatMap("state", withoutLoggedEntries(ready.action().params(), ready.state()));
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("trace event " + ready.action().name() + " on node " + node, e);
        }
    }

    /**
     * The spec process whose action this is: the action's first parameter when it names a process (a, p, l or r;
     * ReceiveAccepted(p, a, ...) is p's step), else this machine (a client's Propose or Submit).
     */
    private void writeNode(Map<String, Object> params) throws IOException {
        Object process = process(params);
        if (process instanceof Integer i) {
            json.writeNumberField("node", i);
        } else {
            json.writeStringField("node", (String) process);
        }
    }

    private Object process(Map<String, Object> params) {
        Map.Entry<String, Object> first = params.entrySet().stream().findFirst().orElse(null);
        return first == null || !PROCESS_PARAMETERS.contains(first.getKey()) ? node : first.getValue();
    }

    /**
     * Paxos.tla's params and state hold only ints, strings and None; MultiPaxos.tla's also sets, functions and
     * records. Writing them directly skips databind's lookups.
     */
    private void writeFlatMap(String field, Map<String, Object> map) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            json.writeFieldName(entry.getKey());
            values.write(json, entry.getValue());
        }
        json.writeEndObject();
    }

    /** The state with pKnown cut to the entries the process has not logged yet with the same value. */
    private Map<String, Object> withoutLoggedEntries(Map<String, Object> params, Map<String, Object> state) {
        if (!(state.get(GROWING_FUNCTION) instanceof Map<?, ?> function)) {
            return state;
        }
        Object process = process(params);
        Map<?, ?> before = loggedGrowing.getOrDefault(process, Map.of());
        Map<Object, Object> added = new LinkedHashMap<>();
        function.forEach((argument, value) -> {
            if (!Objects.equals(before.get(argument), value)) {
                added.put(argument, value);
            }
        });
        loggedGrowing.put(process, function);
        Map<String, Object> cut = new LinkedHashMap<>(state);
        cut.put(GROWING_FUNCTION, added);
        return cut;
    }

    private void writeMessages(String field, List<M> sent) throws IOException {
        json.writeArrayFieldStart(field);
        for (M m : sent) {
            messages.write(json, m);
        }
        json.writeEndArray();
    }

    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing trace of node " + node, e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing trace of node " + node, e);
        }
    }
}
