package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an event line where it lies in the read buffer, byte by byte, building its values as shared ones
 * ({@link SharedJson}) as it goes: no token objects, no tree of the whole line, no generic schema walk, no second walk
 * to share values. It accepts only lines that are JSON as Jackson reads it and that the schema's event definition
 * accepts, field by field, and gives up (null) on anything else, and on anything it does not read itself (a
 * duplicate key, a fraction, a number beyond 32 bits, deep nesting): TraceReader then reads the line the slow way,
 * whose verdict and message stand. So the schema stays the one definition of a valid event. One parser reads the
 * lines of one file, one line at a time.
 */
final class EventParser {
    /** Deeper values are left to Jackson, whose limit on nesting (far deeper) then speaks. */
    private static final int DEPTH_MAX = 100;
    /** Longer strings are left to Jackson, whose limit on names (50,000) then speaks. */
    private static final int STRING_BYTES_MAX = 50_000;
    /** Digits a long holds whatever they are. */
    private static final int LONG_DIGITS_SAFE = 18;
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final SharedJson shared;
    private byte[] bytes;
    private int at;
    private int end;
    /** Where the string or name read last starts and ends in {@link #bytes}, and its String hash. */
    private int stringFrom;
    private int stringTo;
    private int stringHash;
    /** The string read last, packed if short ({@link SharedJson#packed}). */
    private long stringPacked;
    /** The string read last, when it had escapes or non-ASCII characters; else null. */
    private String decoded;

    EventParser(SharedJson shared) {
        this.shared = shared;
    }

    /**
     * The event on the line of {@code length} bytes at {@code offset} of {@code bytes}, or null. A line with
     * non-ASCII bytes must be valid UTF-8.
     */
    TraceEvent parse(byte[] bytes, int offset, int length, SourceLocation origin) {
        this.bytes = bytes;
        this.at = offset;
        this.end = offset + length;
        int mark = shared.mark();
        TraceEvent event = event(origin);
        if (event == null) {
            shared.drop(mark);
        }
        this.bytes = null;
        return event;
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

    private TraceEvent event(SourceLocation origin) {
        Fields fields = new Fields();
        if (!skipTo('{')) {
            return null;
        }
        if (!skipTo('}')) {
            do {
                if (!field(fields)) {
                    return null;
                }
            } while (skipTo(','));
            if (!skipTo('}')) {
                return null;
            }
        }
        skipSpaces();
        if (at != end || fields.node == null || fields.action == null || fields.clock < 0) {
            return null;
        }
        return new TraceEvent(fields.node, fields.clock, fields.action, orEmpty(fields.params),
                fields.recv == null ? List.of() : fields.recv, fields.sent == null ? List.of() : fields.sent,
                orEmpty(fields.state), origin);
    }

    /** One field of the event; false if it is not one the schema accepts, or is there twice. */
    private boolean field(Fields fields) {
        String key = name();
        if (key == null || !skipTo(':')) {
            return false;
        }
        skipSpaces();
        return switch (key) {
            case "node" -> fields.node == null && (fields.node = nodeId()) != null;
            case "clock" -> fields.clock < 0 && (fields.clock = number()) >= 0;
            case "action" -> fields.action == null && (fields.action = string()) != null && !fields.action.isEmpty();
            case "params" -> fields.params == null && (fields.params = object()) != null;
            case "state" -> fields.state == null && (fields.state = object()) != null;
            case "recv" -> fields.recv == null && (fields.recv = messages()) != null;
            case "sent" -> fields.sent == null && (fields.sent = messages()) != null;
            case "vclock" -> !fields.vclock && (fields.vclock = counters());
            default -> false;
        };
    }

    /** A string, or an integer of 32 bits. */
    private JsonNode nodeId() {
        return (at < end && bytes[at] == '"' ? text() : integer()) ? shared.pop() : null;
    }

    /** A vector clock: an object of natural numbers of 32 bits. Informative, so only checked. */
    private boolean counters() {
        if (!skipTo('{')) {
            return false;
        }
        if (skipTo('}')) {
            return true;
        }
        do {
            if (name() == null || !skipTo(':')) {
                return false;
            }
            skipSpaces();
            long count = number();
            if (count < 0 || count > Integer.MAX_VALUE) {
                return false;
            }
        } while (skipTo(','));
        return skipTo('}');
    }

    /** The messages of an array: objects with a non-empty string id, taken out of their fields. */
    private List<LoggedMessage> messages() {
        if (!skipTo('[')) {
            return null;
        }
        List<LoggedMessage> messages = new ArrayList<>(2);
        if (skipTo(']')) {
            return messages;
        }
        do {
            LoggedMessage message = message();
            if (message == null) {
                return null;
            }
            messages.add(message);
        } while (skipTo(','));
        return skipTo(']') ? messages : null;
    }

    private LoggedMessage message() {
        if (!skipTo('{')) {
            return null;
        }
        int mark = shared.mark();
        String id = null;
        if (!skipTo('}')) {
            do {
                String key = name();
                if (key == null || !skipTo(':')) {
                    return null;
                }
                skipSpaces();
                if (key.equals("id")) {
                    if (id != null || (id = id()) == null) {
                        return null;
                    }
                } else if (value(1)) {
                    shared.field(key);
                } else {
                    return null;
                }
            } while (skipTo(','));
            if (!skipTo('}')) {
                return null;
            }
        }
        if (id == null || id.isEmpty() || !shared.endObject(mark)) {
            return null;
        }
        return new LoggedMessage(id, (ObjectNode) shared.pop());
    }

    /** An object, shared; null if it is not one or not read here. */
    private ObjectNode object() {
        return at < end && bytes[at] == '{' && value(1) ? (ObjectNode) shared.pop() : null;
    }

    private ObjectNode orEmpty(ObjectNode object) {
        if (object != null) {
            return object;
        }
        shared.endObject(shared.mark());
        return (ObjectNode) shared.pop();
    }

    /** Reads a value onto the shared stack; false if it is not one read here. */
    private boolean value(int depth) {
        if (at == end || depth > DEPTH_MAX) {
            return false;
        }
        return switch (bytes[at]) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> text();
            case 't' -> literal(TRUE) && bool(true);
            case 'f' -> literal(FALSE) && bool(false);
            case 'n' -> literal(NULL) && nul();
            default -> integer();
        };
    }

    private boolean object(int depth) {
        int mark = shared.mark();
        at++;
        if (skipTo('}')) {
            return shared.endObject(mark);
        }
        do {
            String key = name();
            if (key == null || !skipTo(':')) {
                return false;
            }
            skipSpaces();
            if (!value(depth + 1)) {
                return false;
            }
            shared.field(key);
        } while (skipTo(','));
        return skipTo('}') && shared.endObject(mark);
    }

    private boolean array(int depth) {
        int mark = shared.mark();
        at++;
        if (!skipTo(']')) {
            do {
                skipSpaces();
                if (!value(depth + 1)) {
                    return false;
                }
            } while (skipTo(','));
            if (!skipTo(']')) {
                return false;
            }
        }
        shared.endArray(mark);
        return true;
    }

    private boolean bool(boolean value) {
        shared.bool(value);
        return true;
    }

    private boolean nul() {
        shared.nul();
        return true;
    }

    /** Pushes the string value at {@code at}. */
    private boolean text() {
        if (!scanString()) {
            return false;
        }
        if (decoded == null) {
            shared.text(bytes, stringFrom, stringTo, stringHash, stringPacked);
        } else {
            shared.text(decoded);
        }
        return true;
    }

    /** The string value at {@code at}, shared; null if there is none. */
    private String string() {
        return at < end && bytes[at] == '"' && text() ? shared.pop().textValue() : null;
    }

    /** A message id: a string made anew, as most ids are met only once or twice. */
    private String id() {
        if (at == end || bytes[at] != '"' || !scanString()) {
            return null;
        }
        return decoded != null ? decoded
                : new String(bytes, stringFrom, stringTo - stringFrom, StandardCharsets.ISO_8859_1);
    }

    /** A field name, after blanks: the same String for the same name. */
    private String name() {
        skipSpaces();
        if (at == end || bytes[at] != '"' || !scanString()) {
            return null;
        }
        return decoded != null ? decoded : shared.name(bytes, stringFrom, stringTo, stringHash, stringPacked);
    }

    /**
     * Moves past the string at {@code at} (its opening quote), noting where it lies and its hash, and decoding it
     * if it has escapes or non-ASCII characters; false if it is not a string as JSON has it, or is longer than
     * left to Jackson.
     */
    private boolean scanString() {
        int from = ++at;
        int hash = 0;
        long packed = 0;
        boolean plain = true;
        for (byte b; at < end && (b = bytes[at]) != '"'; at++) {
            packed = SharedJson.pack(packed, b, at - from);
            if (b == '\\') {
                plain = false;
                at++; // the escaped character, which may be a quote; checked when decoded
            } else if (b < 0) {
                plain = false;
            } else if (b < 0x20) {
                return false; // a control character must be escaped
            }
            hash = 31 * hash + b;
        }
        if (at >= end || at - from > STRING_BYTES_MAX) {
            return false;
        }
        stringFrom = from;
        stringTo = at++;
        stringHash = hash;
        stringPacked = SharedJson.packed(packed, stringTo - from);
        decoded = plain ? null : JsonEscapes.decode(new String(bytes, from, stringTo - from, StandardCharsets.UTF_8));
        return plain || decoded != null;
    }

    /** Pushes the integer of 32 bits at {@code at}. */
    private boolean integer() {
        long number = number();
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            return false;
        }
        shared.integer((int) number);
        return true;
    }

    /**
     * The integer at {@code at}, written as JSON writes it (no plus sign, no leading zero); {@link #NOT_A_NUMBER}
     * if there is none, or it has more digits than a long surely holds. A fraction or exponent after it is left
     * for the caller, which expects a comma or a bracket there, to give up on.
     */
    private long number() {
        boolean negative = at < end && bytes[at] == '-';
        int from = negative ? ++at : at;
        long value = 0;
        for (byte b; at < end && (b = bytes[at]) >= '0' && b <= '9'; at++) {
            value = 10 * value + (b - '0');
        }
        int digits = at - from;
        if (digits == 0 || digits > LONG_DIGITS_SAFE || (digits > 1 && bytes[from] == '0')) {
            return NOT_A_NUMBER;
        }
        return negative ? -value : value;
    }

    /** The literal {@code word} at {@code at}, moved past. */
    private boolean literal(byte[] word) {
        if (end - at < word.length || !Arrays.equals(bytes, at, at + word.length, word, 0, word.length)) {
            return false;
        }
        at += word.length;
        return true;
    }

    /** Moves past blanks, then past {@code c} if it is there. */
    private boolean skipTo(char c) {
        skipSpaces();
        if (at < end && bytes[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /** JSON's blanks within a line: a line has no line ends. */
    private void skipSpaces() {
        while (at < end && (bytes[at] == ' ' || bytes[at] == '\t')) {
            at++;
        }
    }
}
