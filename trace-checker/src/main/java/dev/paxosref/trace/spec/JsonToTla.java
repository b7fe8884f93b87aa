package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Logged JSON as TLC values: strings are TLA+ strings, integers integers, null the model value None, arrays tuples,
 * objects records. Call only after the model is loaded, so that None is the model's own model value.
 */
public final class JsonToTla {
    private final SpecConventions conventions;

    public JsonToTla(SpecConventions conventions) {
        this.conventions = conventions;
    }

    public Value convert(JsonNode json) {
        return switch (json.getNodeType()) {
            case NULL -> ModelValue.make(conventions.noneValue());
            case BOOLEAN -> json.asBoolean() ? BoolValue.ValTrue : BoolValue.ValFalse;
            case NUMBER -> IntValue.gen(Math.toIntExact(json.asLong()));
            case STRING -> new StringValue(json.asText());
            case ARRAY -> tuple(json);
            case OBJECT -> record(json);
            default -> throw new IllegalArgumentException("not a trace value: " + json);
        };
    }

    private Value tuple(JsonNode array) {
        Value[] elements = new Value[array.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = convert(array.get(i));
        }
        return new TupleValue(elements);
    }

    private Value record(JsonNode object) {
        List<UniqueString> names = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            names.add(UniqueString.uniqueStringOf(field.getKey()));
            values.add(convert(field.getValue()));
        }
        RecordValue record = new RecordValue(names.toArray(UniqueString[]::new), values.toArray(Value[]::new), false);
        return record.normalize();
    }
}
