package dev.paxosref.trace.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads an event line with Jackson's streaming parser: no tree of the whole line, no generic schema walk, no copy
 * of each message to take its id out. It accepts only lines the schema's event definition accepts, field by field,
 * and gives up (null) on anything else, including a duplicate key: TraceReader then reads the line the slow way,
 * whose verdict and message stand. So the schema stays the one definition of a valid event.
 */
final class EventParser {
    /**
     * Lines are UTF-8 (the bytes path is given ASCII only): guessing the encoding from the first bytes would read a
     * line of NULs and characters as UTF-16, which the line's text is not, and costs a look at every line.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(JsonFactory.Feature.CHARSET_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A map of this capacity holds six entries before it grows (load factor 0.75). */
    private static final int FIELDS_CAPACITY = 8;

    private EventParser() {}

    /**
     * One parser for the ASCII lines of a file, fed one line at a time: Jackson's parser made anew for every line
     * was the largest part of what reading allocates (four tenths on single-decree traces). After a line it could
     * not read it is made anew, as it may have stopped inside a value.
     */
    static final class Lines {
        private JsonParser parser;
        /** The bytes fed to this parser before the current line: its locations count from its first line. */
        private long fedBytes;

        /** The event on the line of {@code length} bytes at {@code offset} of {@code bytes}, or null. */
        TraceEvent parse(byte[] bytes, int offset, int length, SourceLocation at, SharedJson shared) {
            try {
                if (parser == null) {
                    parser = FACTORY.createNonBlockingByteArrayParser();
                    fedBytes = 0;
                }
                ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(bytes, offset, offset + length);
                Fields fields = root(parser, shared);
                // What follows the event must be blank: the parser takes a token cut short by the line's end ("t",
                // "1") for one waiting for more input, so it is not asked.
                int end = offset + (int) (parser.currentLocation().getByteOffset() - fedBytes);
                fedBytes += length;
                TraceEvent event = fields != null && spaces(bytes, end, offset + length)
                        && parser.nextToken() == JsonToken.NOT_AVAILABLE ? event(fields, at, shared) : null;
                if (event == null) {
                    parser = null;
                }
                return event;
            } catch (IOException malformed) {
                parser = null;
                return null;
            }
        }

        private static boolean spaces(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /** The event on {@code line}, or null if the line is anything but a well-formed, schema-valid event. */
    static TraceEvent parse(String line, SourceLocation at, SharedJson shared) {
        try (JsonParser parser = FACTORY.createParser(line)) {
            Fields fields = root(parser, shared);
            return fields != null && parser.nextToken() == null ? event(fields, at, shared) : null;
        } catch (IOException malformed) {
            return null;
        }
    }

    /** The fields of the object {@code parser} is at, up to its end; null if it is not an object of them. */
    private static Fields root(JsonParser parser, SharedJson shared) throws IOException {
        return parser.nextToken() == JsonToken.START_OBJECT ? fields(parser, shared) : null;
    }

    private static TraceEvent event(Fields fields, SourceLocation at, SharedJson shared) {
        if (fields.node == null || fields.action == null || fields.clock < 0) {
            return null;
        }
        return new TraceEvent(shared.share(fields.node), fields.clock, fields.action,
                shareObject(fields.params, shared), share(fields.recv, shared), share(fields.sent, shared),
                shareObject(fields.state, shared), at);
    }

    /** The event's fields as read; each at most once. */
    private static final class Fields {
        JsonNode node;
        long clock = -1;
        String action;
        ObjectNode params;
        ObjectNode state;
        List<LoggedMessage> recv;
        List<LoggedMessage> sent;
        boolean vclock;
    }

    private static Fields fields(JsonParser parser, SharedJson shared) throws IOException {
        Fields fields = new Fields();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                return null; // the line ends inside the event: a parser of lines asks for more
            }
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean ok = switch (key) {
                case "node" -> fields.node == null && (fields.node = nodeId(parser, value, shared)) != null;
                case "clock" -> fields.clock < 0 && value == JsonToken.VALUE_NUMBER_INT
                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        && (fields.clock = parser.getLongValue()) >= 0;
                case "action" -> fields.action == null && value == JsonToken.VALUE_STRING
                        && !(fields.action = shared.text(parser).textValue()).isEmpty();
                case "params" -> fields.params == null && value == JsonToken.START_OBJECT
                        && (fields.params = object(parser, shared)) != null;
                case "state" -> fields.state == null && value == JsonToken.START_OBJECT
                        && (fields.state = object(parser, shared)) != null;
                case "recv" -> fields.recv == null && value == JsonToken.START_ARRAY
                        && (fields.recv = messages(parser, shared)) != null;
                case "sent" -> fields.sent == null && value == JsonToken.START_ARRAY
                        && (fields.sent = messages(parser, shared)) != null;
                case "vclock" -> !fields.vclock && value == JsonToken.START_OBJECT
                        && (fields.vclock = counters(parser));
                default -> false;
            };
            if (!ok) {
                return null;
            }
        }
        return fields;
    }

    private static JsonNode nodeId(JsonParser parser, JsonToken value, SharedJson shared) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return shared.text(parser);
        }
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return NODES.numberNode(parser.getIntValue());
        }
        return null;
    }

    /** A vector clock: an object of natural numbers. Informative, so only checked. */
    private static boolean counters(JsonParser parser) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                    || parser.getIntValue() < 0) {
                return false;
            }
        }
        return true;
    }

    /** The messages of the array just opened, their fields not yet shared; null if one is not a message. */
    private static List<LoggedMessage> messages(JsonParser parser, SharedJson shared) throws IOException {
        List<LoggedMessage> messages = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            ObjectNode fields = token == JsonToken.START_OBJECT ? object(parser, shared) : null;
            JsonNode id = fields == null ? null : fields.remove("id");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                return null;
            }
            messages.add(new LoggedMessage(id.asText(), fields));
        }
        return messages;
    }

    /**
     * The object whose START_OBJECT was just read, or null if a key repeats. Its map starts with room for six
     * fields, as many as most logged states and messages have, not the default table of 16.
     */
    private static ObjectNode object(JsonParser parser, SharedJson shared) throws IOException {
        ObjectNode object = new ObjectNode(NODES, new LinkedHashMap<>(FIELDS_CAPACITY));
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            JsonNode value = value(parser, parser.nextToken(), shared);
            if (value == null || object.putIfAbsent(key, value) != null) {
                return null;
            }
        }
        return object;
    }

    private static JsonNode value(JsonParser parser, JsonToken token, SharedJson shared) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, shared);
            case START_ARRAY -> array(parser, shared);
            case VALUE_STRING -> shared.text(parser);
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.INT
                    ? NODES.numberNode(parser.getIntValue()) : null;
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> null; // a fraction, or a large integer: the slow path decides
        };
    }

    private static ArrayNode array(JsonParser parser, SharedJson shared) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonNode element = value(parser, token, shared);
            if (element == null) {
                return null;
            }
            array.add(element);
        }
        return array;
    }

    private static ObjectNode shareObject(ObjectNode object, SharedJson shared) {
        return object == null ? NODES.objectNode() : (ObjectNode) shared.share(object);
    }

    private static List<LoggedMessage> share(List<LoggedMessage> messages, SharedJson shared) {
        if (messages == null) {
            return List.of();
        }
        List<LoggedMessage> logged = new ArrayList<>(messages.size());
        messages.forEach(m -> logged.add(new LoggedMessage(m.id(), (ObjectNode) shared.share(m.fields()))));
        return logged;
    }
}
