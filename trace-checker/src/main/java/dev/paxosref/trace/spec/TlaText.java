package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Logged JSON values as TLA+ source text, with the same mapping {@link JsonToTla} uses for TLC values. */
public final class TlaText {
    private TlaText() {}

    public static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public static String of(JsonNode value, SpecConventions conventions) {
        StringBuilder out = new StringBuilder();
        append(value, conventions, out);
        return out.toString();
    }

    private static void append(JsonNode value, SpecConventions conventions, StringBuilder out) {
        switch (value.getNodeType()) {
            case NULL -> out.append(conventions.noneValue());
            case BOOLEAN -> out.append(value.asBoolean() ? "TRUE" : "FALSE");
            case NUMBER -> out.append(value.asLong());
            case STRING -> out.append(quoted(value.asText()));
            case ARRAY -> {
                out.append("<<");
                for (int i = 0; i < value.size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    append(value.get(i), conventions, out);
                }
                out.append(">>");
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
        out.append('[');
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            out.append(out.charAt(out.length() - 1) == '[' ? "" : ", ").append(field.getKey()).append(" |-> ");
            append(field.getValue(), conventions, out);
        }
        out.append(']');
    }
}
