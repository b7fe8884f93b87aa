package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.JsonTypes;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TLC evaluation error while checking an event (stepping it, or in the referee's run), turned into bad input at
 * the event's line. TLC fails this way
 * when a logged value has a type the spec never gives it (a ballot as a string, a set where a record goes), so the
 * report shows TLC's whole message and the logged values it names, each with its JSON type.
 */
public final class EvaluationError {
    private static final Pattern CAST = Pattern.compile("Cannot cast tlc2\\.value\\.impl\\.(\\w+) to");

    private EvaluationError() {}

    /** A TLC error thrown while stepping the event. */
    public static TraceInputException at(TraceEvent event, RuntimeException error) {
        return at(event, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }

    /** TLC's message, from this JVM or from the referee's TLC run, about evaluating the event's step. */
    public static TraceInputException at(TraceEvent event, String tlcMessage) {
        String message = tlcMessage.strip();
        String castFrom = castSource(message);
        Predicate<JsonNode> named = v -> mentions(message, v) || JsonTypes.name(v).equals(castFrom);
        List<String> culprits = new ArrayList<>();
        event.params().properties().forEach(p -> {
            if (anyScalar(p.getValue(), named)) {
                culprits.add(typed("params." + p.getKey(), p.getValue()));
            }
        });
        if (culprits.isEmpty()) { // then perhaps a logged variable or message field
            otherLoggedValues(event).forEach((where, value) -> {
                if (named.test(value)) {
                    culprits.add(typed(where, value));
                }
            });
        }
        String values = culprits.isEmpty()
                ? "TLC's message names none of the logged values; the parameters were " + describe(event.params())
                : "the logged values TLC names: " + String.join(", ", culprits);
        return new TraceInputException(event.origin(), "TLC cannot evaluate " + event.describeStep() + "; " + values
                + "; TLC says:\n    " + message.replace("\n", "\n    "));
    }

    /** Every scalar the event logged besides its parameters: {@code sent[0].bal}, {@code state.pBal}. */
    private static Map<String, JsonNode> otherLoggedValues(TraceEvent event) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        collect("state", event.state(), values);
        collectMessages("recv", event.recv(), values);
        collectMessages("sent", event.sent(), values);
        return values;
    }

    private static boolean anyScalar(JsonNode value, Predicate<JsonNode> test) {
        Map<String, JsonNode> scalars = new LinkedHashMap<>();
        collect("", value, scalars);
        return scalars.values().stream().anyMatch(test);
    }

    private static String typed(String where, JsonNode value) {
        return where + " = " + value + " (JSON " + JsonTypes.name(value) + ")";
    }

    private static void collectMessages(String field, List<LoggedMessage> messages, Map<String, JsonNode> values) {
        for (int i = 0; i < messages.size(); i++) {
            collect(field + "[" + i + "]", messages.get(i).fields(), values);
        }
    }

    private static void collect(String where, JsonNode value, Map<String, JsonNode> values) {
        if (value.isObject()) {
            value.properties().forEach(f -> collect(where + "." + f.getKey(), f.getValue(), values));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(where + "[" + i + "]", value.get(i), values);
            }
        } else {
            values.put(where, value);
        }
    }

    /** Whether TLC's message shows the value as TLA+ prints it: a string quoted, a number as a whole token. */
    private static boolean mentions(String message, JsonNode value) {
        if (value.isTextual()) {
            return message.contains("\"" + value.asText() + "\"");
        }
        if (value.isNull()) {
            return message.contains("None");
        }
        String token = value.isBoolean() ? value.asText().toUpperCase(java.util.Locale.ROOT) : value.asText();
        return Pattern.compile("(?<![\\w\".])" + Pattern.quote(token) + "(?![\\w\".])").matcher(message).find();
    }

    /**
     * TLC's operators written in Java fail with {@code Cannot cast tlc2.value.impl.StringValue to ...IntValue},
     * naming the type of the value and not the value: the JSON type a value of that class comes from, or null.
     */
    private static String castSource(String message) {
        Matcher cast = CAST.matcher(message);
        if (!cast.find()) {
            return null;
        }
        return switch (cast.group(1)) {
            case "StringValue" -> "string";
            case "IntValue" -> "integer";
            case "BoolValue" -> "boolean";
            default -> null; // sets, tuples, records and functions: JSON arrays and objects hold scalars we list
        };
    }

    private static String describe(JsonNode params) {
        List<String> parts = new ArrayList<>();
        params.properties().forEach(p -> parts.add(typed(p.getKey(), p.getValue())));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
