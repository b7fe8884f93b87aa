package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path reads an event exactly as the tree and the schema do, or leaves it to them: on every
 * event line of the corpus and on variants of each (a field dropped, retyped, repeated, added, a fraction, a large
 * number, trailing text), whatever it returns is what the slow path returns, and it reads every valid corpus event.
 * It reads a line's bytes as it reads its text, with one parser for all lines, whatever the lines before it.
 */
class EventParserTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "traces");

    @Test
    void theFastPathAgreesWithTheSchemaOrDefersToIt() throws IOException {
        int read = 0;
        EventParser.Lines lines = new EventParser.Lines(); // one for all, as for the lines of a file
        for (String line : eventLines()) {
            for (String variant : variants(line)) {
                SourceLocation at = new SourceLocation("t.ndjson", 2, 0);
                TraceEvent fast = EventParser.parse(variant, at, new SharedJson(0));
                byte[] bytes = variant.getBytes(StandardCharsets.UTF_8);
                assertEquals(fast, lines.parse(bytes, 0, bytes.length, at, new SharedJson(0)), variant);
                if (fast != null) {
                    read++;
                    assertEquals(slow(variant, at), fast, variant);
                }
            }
        }
        assertTrue(read > 100, "the fast path read only " + read + " lines");
    }

    /** A float with a zero fraction ({@code 1.0}) is a valid integer that the fast path leaves to the tree path. */
    @Test
    void theFastPathReadsEveryValidEventWithoutFloats() throws IOException {
        for (String line : eventLines()) {
            SourceLocation at = new SourceLocation("t.ndjson", 2, 0);
            if (slow(line, at) != null && !line.matches(".*[0-9]\\.[0-9].*")) {
                assertNotNull(EventParser.parse(line, at, new SharedJson(0)), line);
            }
        }
    }

    private static TraceEvent slow(String line, SourceLocation at) {
        try {
            return TraceReader.parseEvent(line, at, new SharedJson(0));
        } catch (TraceInputException invalid) {
            return null;
        }
    }

    /**
     * The line, and the line with something after it (a token cut short, which a parser fed line by line takes for
     * one waiting for more input), one value replaced, one field dropped, repeated or added, or a NUL before each
     * character (its bytes are then those of the line in UTF-16, which a parser that guesses the encoding reads).
     */
    private static List<String> variants(String line) {
        List<String> variants = new ArrayList<>(List.of(line, line + " x", line + " 1", line + " \"x}", line + "\t",
                line.replaceFirst("\\{", "{\"clock\":3,"),
                line.replaceAll("(.)", "\0$1"),
                line.replaceFirst("\\{", "{\"extra\":1,"),
                line.replaceFirst(",\"action\"", ",\"vclock\":{\"a\":1},\"action\""),
                line.replaceFirst(",\"action\"", ",\"vclock\":{\"a\":-1},\"action\""),
                line.replaceFirst(",\"action\"", ",\"vclock\":{\"a\":\"1\"},\"action\"")));
        for (String value : List.of("1.5", "-1", "99999999999999999999", "\"7\"", "null", "[1]", "\"\"", "{}")) {
            for (String field : List.of("node", "clock", "action", "id", "params", "recv", "sent", "state")) {
                variants.add(line.replaceFirst("\"" + field + "\":(\"[^\"]*\"|-?\\d+)", "\"" + field + "\":" + value));
            }
            variants.add(line.replaceFirst("(\"params\":\\{\"[^\"]+\":)(\"[^\"]*\"|-?\\d+)", "$1" + value));
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
