package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueVec;
import util.UniqueString;

/**
 * Logged JSON as TLC values: strings are TLA+ strings, integers integers, null the model value None, objects records.
 * An array of scalars is a tuple (a vote {@code <<s, b, v>>}); an array of arrays or objects, or an empty one, is a
 * set (a 1b's votes), and so is an array inside a tuple (the members {@code C} of MultiPaxosReconfig's operation
 * {@code <<"config", C>>}): JSON has no sets, and the specs put tuples of scalars inside sets and sets of scalars
 * inside tuples, never tuples inside tuples.
 * Call only after the model is loaded, so that None is the model's own model value.
 */
public final class JsonToTla {
    /** Slots of each thread's conversion cache; a power of two. */
    private static final int CACHE_SLOTS = 1024;

    private final SpecConventions conventions;
    /**
     * The last conversions of logged messages, records and strings, by identity: the checker converts the same
     * logged value once per candidate state and per network step, and the trace reader shares equal values, so most
     * conversions are repeats (a TLC string is interned when made, under a lock). Per thread, because several threads check traces with one converter.
     */
    private final ThreadLocal<Object[]> cache = ThreadLocal.withInitial(() -> new Object[2 * CACHE_SLOTS]);

    private final Map<String, StringValue> strings = new ConcurrentHashMap<>();

    public JsonToTla(SpecConventions conventions) {
        this.conventions = conventions;
    }

    public Value convert(JsonNode json) {
        if (!json.isContainerNode() && !json.isTextual()) {
            return convertNode(json);
        }
        Object[] slots = cache.get();
        int slot = 2 * (System.identityHashCode(json) & (CACHE_SLOTS - 1));
        if (slots[slot] == json) {
            return (Value) slots[slot + 1];
        }
        Value value = convertNode(json);
        slots[slot] = json;
        slots[slot + 1] = value;
        return value;
    }

    /**
     * The TLC string {@code text}, made once: making one interns it in TLC's global table, under a lock. Bounded by
     * the strings the traces use.
     */
    public StringValue string(String text) {
        return strings.computeIfAbsent(text, StringValue::new);
    }

    /** The field or variable name {@code text} as TLC's interned string, looked up once (see {@link #string}). */
    public UniqueString name(String text) {
        return string(text).getVal();
    }

    private Value convertNode(JsonNode json) {
        return switch (json.getNodeType()) {
            case NULL -> ModelValue.make(conventions.noneValue());
            case BOOLEAN -> json.asBoolean() ? BoolValue.ValTrue : BoolValue.ValFalse;
            case NUMBER -> IntValue.gen(Math.toIntExact(json.asLong()));
            case STRING -> string(json.asText());
            case ARRAY -> isSet(json) ? set(json) : tuple(json);
            case OBJECT -> record(json);
            default -> throw new IllegalArgumentException("not a trace value: " + json);
        };
    }

    /**
     * Whether a logged array that is no tuple's element stands for a set: it is empty or holds containers. Shared
     * with {@link TlaText}.
     */
    static boolean isSet(JsonNode array) {
        return array.isEmpty() || array.get(0).isContainerNode();
    }

    private Value set(JsonNode array) {
        ValueVec elements = new ValueVec(array.size());
        array.forEach(element -> elements.addElement(convert(element)));
        return new SetEnumValue(elements, false).normalize();
    }

    private Value tuple(JsonNode array) {
        Value[] elements = new Value[array.size()];
        for (int i = 0; i < elements.length; i++) {
            JsonNode element = array.get(i);
            elements[i] = element.isArray() ? set(element) : convert(element);
        }
        return new TupleValue(elements);
    }

    private Value record(JsonNode object) {
        UniqueString[] names = new UniqueString[object.size()];
        Value[] values = new Value[names.length];
        int i = 0;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            names[i] = name(field.getKey());
            values[i++] = convert(field.getValue());
        }
        return new RecordValue(names, values, false).normalize();
    }
}
