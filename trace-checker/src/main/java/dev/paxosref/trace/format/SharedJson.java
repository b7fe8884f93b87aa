package dev.paxosref.trace.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal JSON values among the events of one trace, bottom up: a message is logged by its sender and again
 * by every receiver, and a node logs much the same state event after event, so most values of a long trace are
 * repeats. Held only while one trace is read; the trace keeps the shared values, several times fewer. A trace
 * read as a stream bounds the table: once it holds {@code maxValues} values it starts again, so only values
 * repeated within a stretch of the trace are shared, and memory stays flat however long the trace is; with a bound
 * of zero nothing is shared.
 */
final class SharedJson {
    /** Slots of the table of strings met last: a power of two; a string takes the slot of its hash, evicting. */
    private static final int TEXT_SLOTS = 1024;

    private final Map<JsonNode, JsonNode> canonical = new HashMap<>();
    private final TextNode[] recentTexts = new TextNode[TEXT_SLOTS];
    private final int maxValues;

    SharedJson() {
        this(Integer.MAX_VALUE);
    }

    SharedJson(int maxValues) {
        this.maxValues = maxValues;
    }

    /** {@code value}, or an equal value met before; its children are shared first. */
    JsonNode share(JsonNode value) {
        if (maxValues == 0) {
            return value;
        }
        if (value instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(share(field.getValue())));
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, share(array.get(i)));
            }
        }
        if (canonical.size() >= maxValues) {
            canonical.clear();
        }
        JsonNode earlier = canonical.putIfAbsent(value, value);
        return earlier == null ? value : earlier;
    }

    /** The string value {@code parser} is at: the node of the same string met last, if its slot still holds it. */
    TextNode text(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 10)) & (TEXT_SLOTS - 1);
        TextNode recent = recentTexts[slot];
        if (recent == null || !sameText(recent.textValue(), chars, offset, length)) {
            recent = TextNode.valueOf(new String(chars, offset, length));
            recentTexts[slot] = recent;
        }
        return recent;
    }

    private static boolean sameText(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
