package dev.paxosref.trace.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The column where each value of one JSON line starts, by JSON Pointer. Jackson's tree forgets locations, and a
 * schema violation is only useful to a person if it points at the offending value.
 */
final class JsonColumns {
    private final Map<String, Integer> columnByPointer = new HashMap<>();

    JsonColumns(ObjectMapper mapper, String line) {
        try (JsonParser parser = mapper.getFactory().createParser(line)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && !token.isStructEnd()) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    columnByPointer.putIfAbsent(pointer, parser.currentTokenLocation().getColumnNr());
                }
            }
        } catch (IOException alreadyParsedOnce) {
            // The line was parsed successfully before we were asked; nothing is left to locate.
        }
    }

    /** The column of the value at {@code pointer}, or of its nearest enclosing value. */
    int columnOf(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer column = columnByPointer.get(p);
            if (column != null) {
                return column;
            }
            if (p.isEmpty()) {
                return 1;
            }
        }
    }
}
