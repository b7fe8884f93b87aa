package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path reads an event exactly as the tree and the schema do, or leaves it to them: on every event line of
 * the corpus and on variants of each (a field dropped, retyped, repeated, added, a fraction, a large number,
 * escapes, non-ASCII text, numbers JSON does not write, deep nesting, trailing text), whatever it returns is what
 * the slow path returns, and it reads every valid corpus event, sharing values or not. One parser reads all lines,
 * whatever the lines before it. Values are shared: a value written alike is one object, whichever path read it, and
 * a bounded table changes no value.
 */
class EventParserTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "traces");
    private static final SourceLocation AT = new SourceLocation("t.ndjson", 2, 0);

    @Test
    void theFastPathAgreesWithTheSchemaOrDefersToIt() throws IOException {
        int read = 0;
        int variants = 0;
        EventParser parser = new EventParser(new SharedJson(0)); // one for all, as for the lines of a file
        EventParser sharing = new EventParser(new SharedJson());
        for (String line : eventLines()) {
            for (String variant : variants(line)) {
                variants++;
                TraceEvent fast = parse(parser, variant);
                assertEquals(fast, parse(sharing, variant), variant);
                if (fast != null) {
                    read++;
                    assertEquals(slow(variant, new SharedJson(0)), fast, variant);
                }
            }
        }
        assertTrue(read > 100, "the fast path read only " + read + " lines");
        assertTrue(read < variants, "the fast path read every variant, even the invalid ones");
    }

    /** A float with a zero fraction ({@code 1.0}) is a valid integer that the fast path leaves to the tree path. */
    @Test
    void theFastPathReadsEveryValidEventWithoutFloats() throws IOException {
        EventParser parser = new EventParser(new SharedJson(0));
        for (String line : eventLines()) {
            if (slow(line, new SharedJson(0)) != null && !line.matches(".*[0-9]\\.[0-9].*")) {
                assertNotNull(parse(parser, line), line);
            }
        }
    }

    /**
     * Every value written alike (the same text, fields in the same order) is one object, in the events the fast path
     * reads and in those the tree path reads into the same table; with a table bounded to a few values, every event
     * is still equal to the one read without sharing.
     */
    @Test
    void equalValuesAreOneObjectAndABoundChangesNoValue() throws IOException {
        SharedJson shared = new SharedJson();
        EventParser parser = new EventParser(shared);
        EventParser bounded = new EventParser(new SharedJson(20));
        EventParser unshared = new EventParser(new SharedJson(0));
        Map<String, JsonNode> byText = new HashMap<>();
        int repeats = 0;
        for (String line : eventLines()) {
            TraceEvent event = parse(parser, line);
            if (event == null) {
                continue;
            }
            assertEquals(parse(unshared, line), event, line);
            assertEquals(event, parse(bounded, line), line);
            TraceEvent tree = slow(line, shared);
            List<JsonNode> values = new ArrayList<>(List.of(event.node(), event.params(), event.state(),
                    tree.params(), tree.state()));
            for (List<LoggedMessage> messages : List.of(event.recv(), event.sent(), tree.recv(), tree.sent())) {
                messages.forEach(m -> values.add(m.fields()));
            }
            for (JsonNode value : values) {
                JsonNode first = byText.putIfAbsent(value.toString(), value);
                if (first != null) {
                    repeats++;
                    assertSame(first, value, line);
                }
            }
        }
        assertTrue(repeats > 100, "only " + repeats + " repeated values");
    }

    private static TraceEvent parse(EventParser parser, String line) {
        byte[] bytes = ("  " + line + "\n").getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 2, bytes.length - 3, AT); // as it lies in a buffer, between other lines' bytes
    }

    private static TraceEvent slow(String line, SharedJson shared) {
        try {
            return TraceReader.parseEvent(line, AT, shared);
        } catch (TraceInputException invalid) {
            return null;
        }
    }

    /**
     * The line, and the line with something after it (a token cut short), blanks around its commas and colons, one
     * value replaced (by values of every JSON type, strings with escapes valid and not, non-ASCII and control
     * characters, numbers JSON does not write or beyond 32 bits, nesting deeper than the fast path reads), one field
     * dropped, repeated or added, or a NUL before each character (its bytes are then those of the line in UTF-16,
     * which a parser that guesses the encoding reads).
     */
    private static List<String> variants(String line) {
        List<String> variants = new ArrayList<>(List.of(line, line + " x", line + " 1", line + " \"x}", line + "\t",
                line.replaceFirst("\\{", "{\"clock\":3,"),
                line.replaceAll("(.)", "\0$1"),
                line.replaceFirst("\\{", "{\"extra\":1,"),
                line.replaceFirst(",\"action\"", ",\"vclock\":{\"a\":1},\"action\""),
                line.replaceFirst(",\"action\"", ",\"vclock\":{\"a\":-1},\"action\""),
                line.replaceFirst(",\"action\"", ",\"vclock\":{\"a\":\"1\"},\"action\"")));
        variants.add(line.replace(",", " ,\t").replace(":", ": "));
        for (String value : List.of("1.5", "-1", "99999999999999999999", "\"7\"", "null", "[1]", "\"\"", "{}",
                "-0", "01", "+1", "1e2", "-", "tru", "nul", "true", "false", "2147483648", "-2147483648",
                "\"a\\\"b\\\\\"", "\"\\u00e9t\\u00C9\\/\"", "\"\\x\"", "\"\\u12\"", "\"caf\u00e9 \u2028\"",
                "\"a\tb\"", "[1 , [ {\"k\" : \"v\"} ] ]", "{\"k\":1,\"k\":2}", "[".repeat(90) + "]".repeat(90),
                "[".repeat(150) + "]".repeat(150))) {
            String replacement = Matcher.quoteReplacement(value);
            for (String field : List.of("node", "clock", "action", "id", "params", "recv", "sent", "state")) {
                variants.add(line.replaceFirst("\"" + field + "\":(\"[^\"]*\"|-?\\d+)", "\"" + field + "\":" + replacement));
            }
            variants.add(line.replaceFirst("(\"params\":\\{\"[^\"]+\":)(\"[^\"]*\"|-?\\d+)", "$1" + replacement));
        }
        for (String field : List.of("node", "clock", "action", "params", "recv", "sent", "state")) {
            variants.add(line.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|-?\\d+|\\{[^{}]*\\}|\\[[^\\[\\]]*\\])", ""));
        }
        return variants;
    }

    private static List<String> eventLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                List<String> all = Files.readAllLines(file);
                lines.addAll(all.subList(Math.min(1, all.size()), all.size()));
            }
        }
        return lines;
    }
}
