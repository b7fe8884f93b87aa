package dev.paxosref.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.paxosref.core.Message;
import java.io.IOException;

/** Paxos.tla's messages as trace JSON: the spec's record, with an id derived from its content. */
final class PaxosJson {
    private PaxosJson() {
    }

    /** A message as the spec's record: {"type":"1b","acc":"a1","bal":3,"mbal":-1,"mval":null}. */
    static void writeMessage(JsonGenerator json, Message m) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", messageId(m));
        json.writeStringField("type", m.type());
        if (m instanceof Message.Msg1a a1) {
            json.writeNumberField("bal", a1.bal());
        } else if (m instanceof Message.Msg1b b1) {
            json.writeStringField("acc", b1.acc());
            json.writeNumberField("bal", b1.bal());
            json.writeNumberField("mbal", b1.mbal());
            json.writeStringField("mval", b1.mval());
        } else if (m instanceof Message.Msg2a a2) {
            json.writeNumberField("bal", a2.bal());
            json.writeStringField("val", a2.val());
        } else if (m instanceof Message.Msg2b b2) {
            json.writeStringField("acc", b2.acc());
            json.writeNumberField("bal", b2.bal());
            json.writeStringField("val", b2.val());
        }
        json.writeEndObject();
    }

    /** A parameter or variable: Paxos.tla's params and state hold only integers, strings (values) and None. */
    static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof String s) {
            json.writeString(s);
        } else {
            throw new IllegalArgumentException("no Paxos trace encoding for " + value.getClass().getSimpleName());
        }
    }

    /**
     * The spec's network is a set: a message is its content, and sending it again adds nothing. So its id is its
     * content, and every copy, forwarded or duplicated, carries the id of the first send.
     */
    static String messageId(Message m) {
        if (m instanceof Message.Msg1b b1) {
            return "1b/" + b1.acc() + "/" + b1.bal();
        } else if (m instanceof Message.Msg2a a2) {
            return "2a/" + a2.bal();
        } else if (m instanceof Message.Msg2b b2) {
            return "2b/" + b2.acc() + "/" + b2.bal() + "/" + b2.val();
        }
        return "1a/" + ((Message.Msg1a) m).bal();
    }
}
