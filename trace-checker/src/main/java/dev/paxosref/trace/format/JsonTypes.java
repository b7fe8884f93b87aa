package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON value's type by JSON Schema's names, for messages that say what was found. */
public final class JsonTypes {
    private JsonTypes() {}

    public static String name(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
