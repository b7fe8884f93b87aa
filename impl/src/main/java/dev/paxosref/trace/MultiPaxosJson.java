package dev.paxosref.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.paxosref.core.MachineState;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.SlotVote;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * MultiPaxos.tla's values as trace JSON: message records with the spec's field names, <<slot, ballot, value>>
 * votes as three-element arrays, functions (rLog, heard, kv, session) as objects, sets (Java sets) and tuples (Java
 * lists) as arrays, a
 * command (encoded "client|seq|op|args" in the core, or NoOp) as the record [client, seq, op] with op the tuple of
 * the operation's fields, and a replica's sm and snap as the record [idx, counter, kv, session].
 */
final class MultiPaxosJson {
    private MultiPaxosJson() {
    }

    /** A message with its id, as in recv and sent. */
    static void writeMessage(JsonGenerator json, MultiMessage m) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", messageId(m));
        writeFields(json, m);
        json.writeEndObject();
    }

    /**
     * A message's id is its content, as for Paxos.tla: the network is a bag, but a receive consumes one copy of a
     * content and the checker's msgs counts the copies, so copies need no names of their own. A 1b's votes enter
     * the id as a checksum, to keep ids short.
     */
    static String messageId(MultiMessage m) {
        if (m instanceof MultiMessage.Request x) {
            return "request/" + x.cmd();
        } else if (m instanceof MultiMessage.Msg1a x) {
            return "1a/" + x.to() + "/" + x.bal();
        } else if (m instanceof MultiMessage.Msg1b x) {
            CRC32 crc = new CRC32();
            crc.update(x.votes().toString().getBytes(StandardCharsets.UTF_8));
            return "1b/" + x.from() + "/" + x.bal() + "/" + x.low() + "/" + Long.toHexString(crc.getValue());
        } else if (m instanceof MultiMessage.Msg2a x) {
            return "2a/" + x.to() + "/" + x.bal() + "/" + x.slot() + "/" + x.val();
        } else if (m instanceof MultiMessage.Msg2b x) {
            return "2b/" + x.from() + "/" + x.bal() + "/" + x.slot() + "/" + x.low() + "/" + x.val();
        } else if (m instanceof MultiMessage.Preempted x) {
            return "preempted/" + x.bal() + "/" + x.higher();
        } else if (m instanceof MultiMessage.Decision x) {
            return "decision/" + x.to() + "/" + x.slot() + "/" + x.val();
        } else if (m instanceof MultiMessage.CatchUp x) {
            return "catchup/" + x.from() + "/" + x.to() + "/" + x.slot();
        } else if (m instanceof MultiMessage.Snapshot x) {
            return "snapshot/" + x.from() + "/" + x.to() + "/" + x.idx();
        }
        MultiMessage.Reply x = (MultiMessage.Reply) m;
        return "reply/" + x.cmd() + "/" + x.result();
    }

    private static void writeFields(JsonGenerator json, MultiMessage m) throws IOException {
        json.writeStringField("type", m.type());
        if (m instanceof MultiMessage.Request x) {
            writeField(json, "cmd", x.cmd());
        } else if (m instanceof MultiMessage.Msg1a x) {
            json.writeStringField("to", x.to());
            json.writeNumberField("bal", x.bal());
        } else if (m instanceof MultiMessage.Msg1b x) {
            json.writeStringField("from", x.from());
            json.writeNumberField("bal", x.bal());
            json.writeNumberField("low", x.low());
            json.writeFieldName("votes");
            writeValue(json, x.votes());
        } else if (m instanceof MultiMessage.Msg2a x) {
            json.writeStringField("to", x.to());
            writeBallotSlotValue(json, x.bal(), x.slot(), x.val());
        } else if (m instanceof MultiMessage.Msg2b x) {
            json.writeStringField("from", x.from());
            writeBallotSlotValue(json, x.bal(), x.slot(), x.val());
            json.writeNumberField("low", x.low());
        } else if (m instanceof MultiMessage.Preempted x) {
            json.writeNumberField("bal", x.bal());
            json.writeNumberField("higher", x.higher());
        } else if (m instanceof MultiMessage.Decision x) {
            json.writeStringField("to", x.to());
            json.writeNumberField("slot", x.slot());
            writeField(json, "val", x.val());
        } else if (m instanceof MultiMessage.CatchUp x) {
            json.writeStringField("from", x.from());
            json.writeNumberField("to", x.to());
            json.writeNumberField("slot", x.slot());
        } else if (m instanceof MultiMessage.Snapshot x) {
            json.writeStringField("from", x.from());
            json.writeStringField("to", x.to());
            json.writeNumberField("idx", x.idx());
        } else {
            MultiMessage.Reply x = (MultiMessage.Reply) m;
            writeField(json, "cmd", x.cmd());
            json.writeStringField("result", x.result());
        }
    }

    private static void writeBallotSlotValue(JsonGenerator json, int bal, int slot, String val) throws IOException {
        json.writeNumberField("bal", bal);
        json.writeNumberField("slot", slot);
        writeField(json, "val", val);
    }

    private static void writeField(JsonGenerator json, String name, Object value) throws IOException {
        json.writeFieldName(name);
        writeValue(json, value);
    }

    /**
     * A command as the record [client, seq, op]: the separator marks it, since no field may contain it. NoOp is the
     * spec's [client |-> "", seq |-> 0, op |-> <<"noop">>].
     */
    private static void writeCommand(JsonGenerator json, String value) throws IOException {
        json.writeStartObject();
        if (value.equals(MultiMessage.NO_OP)) {
            json.writeStringField("client", "");
            json.writeNumberField("seq", 0);
            writeField(json, "op", List.of("noop"));
        } else {
            ClientRequest request = CommandCodec.decode(value);
            json.writeStringField("client", request.clientId());
            json.writeNumberField("seq", request.seq());
            writeField(json, "op", CommandCodec.opFields(request.command()));
        }
        json.writeEndObject();
    }

    /** A session's entry: the seq of its client's last command executed and that command's result. */
    private static void writeSessionEntry(JsonGenerator json, Reply reply) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", reply.seq());
        json.writeStringField("reply", reply.result());
        json.writeEndObject();
    }

    /** Any value a Multi-Paxos role puts in its params or state. */
    static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof String s && (CommandCodec.isEncoded(s) || s.equals(MultiMessage.NO_OP))) {
            writeCommand(json, s);
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof SlotVote t) {
            json.writeStartArray();
            json.writeNumber(t.slot());
            json.writeNumber(t.bal());
            writeValue(json, t.val());
            json.writeEndArray();
        } else if (value instanceof MachineState st) {
            writeValue(json, StateChanges.record(st));
        } else if (value instanceof Reply reply) {
            writeSessionEntry(json, reply);
        } else if (value instanceof MultiMessage m) {
            json.writeStartObject();
            writeFields(json, m);
            json.writeEndObject();
        } else if (value instanceof Collection<?> elements) {
            json.writeStartArray();
            for (Object element : elements) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException("no trace encoding for " + value.getClass().getSimpleName());
        }
    }
}
