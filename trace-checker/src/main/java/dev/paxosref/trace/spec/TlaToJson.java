package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;

/** Spec values in the trace format's JSON, so that reports show expected values the way the log shows logged ones. */
public final class TlaToJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SpecConventions conventions;

    public TlaToJson(SpecConventions conventions) {
        this.conventions = conventions;
    }

    public JsonNode convert(Value value) {
        if (value instanceof IntValue i) {
            return JSON.numberNode(i.val);
        }
        if (value instanceof StringValue s) {
            return JSON.textNode(s.getVal().toString());
        }
        if (value instanceof BoolValue b) {
            return JSON.booleanNode(b.val);
        }
        if (value instanceof ModelValue m) {
            return m.val.toString().equals(conventions.noneValue()) ? JSON.nullNode() : JSON.textNode(m.val.toString());
        }
        if (value instanceof TupleValue t) {
            ArrayNode array = JSON.arrayNode();
            for (int i = 0; i < t.size(); i++) {
                array.add(convert((Value) t.getElem(i)));
            }
            return array;
        }
        if (value instanceof RecordValue r) {
            ObjectNode object = JSON.objectNode();
            for (int i = 0; i < r.names.length; i++) {
                object.set(r.names[i].toString(), convert(r.values[i]));
            }
            return object;
        }
        if (value instanceof FcnRcdValue f) {
            ObjectNode object = JSON.objectNode();
            ValueEnumeration domain = ((Enumerable) f.getDomain()).elements();
            for (Value argument = domain.nextElement(); argument != null; argument = domain.nextElement()) {
                JsonNode key = convert(argument);
                object.set(key.isTextual() ? key.asText() : key.toString(), convert(f.select(argument)));
            }
            return object;
        }
        if (value instanceof Enumerable set) {
            ArrayNode array = JSON.arrayNode();
            ValueEnumeration elements = set.elements();
            for (Value e = elements.nextElement(); e != null; e = elements.nextElement()) {
                array.add(convert(e));
            }
            return array;
        }
        return JSON.textNode(value.toString());
    }
}
