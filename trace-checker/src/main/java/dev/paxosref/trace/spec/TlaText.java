package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Logged JSON values as TLA+ source text, with the same mapping {@link JsonToTla} uses for TLC values; an object
 * whose keys are integers (a replica's log) is written as the function {@code (1 :> v @@ 2 :> w)} (module TLC).
 */
public final class TlaText {
    private TlaText() {}

    public static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public static String of(JsonNode value, SpecConventions conventions) {
        StringBuilder out = new StringBuilder();
        append(value, false, conventions, out);
        return out.toString();
    }

    /** {@code inTuple}: the value is a tuple's element, where an array is a set (see JsonToTla). */
    private static void append(JsonNode value, boolean inTuple, SpecConventions conventions, StringBuilder out) {
        switch (value.getNodeType()) {
            case NULL -> out.append(conventions.noneValue());
            case BOOLEAN -> out.append(value.asBoolean() ? "TRUE" : "FALSE");
            case NUMBER -> out.append(value.asLong());
            case STRING -> out.append(quoted(value.asText()));
            case ARRAY -> {
                boolean set = inTuple || JsonToTla.isSet(value);
                out.append(set ? "{" : "<<");
                for (int i = 0; i < value.size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    append(value.get(i), !set, conventions, out);
                }
                out.append(set ? "}" : ">>");
            }
            case OBJECT -> appendRecord(value, conventions, out);
            default -> throw new IllegalArgumentException("not a trace value: " + value);
        }
    }

    private static void appendRecord(JsonNode value, SpecConventions conventions, StringBuilder out) {
        if (value.isEmpty()) {
            out.append("<<>>"); // TLA+ has no empty record literal; the empty function has the same (empty) DOMAIN
            return;
        }
        if (hasIntegerKeys(value)) {
            out.append('(');
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                out.append(out.charAt(out.length() - 1) == '(' ? "" : " @@ ").append(entry.getKey()).append(" :> ");
                append(entry.getValue(), false, conventions, out);
            }
            out.append(')');
            return;
        }
        out.append('[');
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            out.append(out.charAt(out.length() - 1) == '[' ? "" : ", ").append(field.getKey()).append(" |-> ");
            append(field.getValue(), false, conventions, out);
        }
        out.append(']');
    }

    /** Whether every key of a logged object is an integer: the object is a function of integers. */
    public static boolean hasIntegerKeys(JsonNode object) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getKey().matches("-?\\d+")) {
                return false;
            }
        }
        return true;
    }
}
