package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value's type by JSON Schema's names, for the schema check and for messages that say what was found. As in
 * JSON Schema, a number with a zero fractional part ({@code 1.0}) is an integer.
 */
public final class JsonTypes {
    private JsonTypes() {}

    public static String name(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() || isWhole(value) ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean isWhole(JsonNode number) {
        return number.isBigDecimal() ? number.decimalValue().stripTrailingZeros().scale() <= 0
                : Double.isFinite(number.doubleValue()) && number.doubleValue() == Math.rint(number.doubleValue());
    }
}
