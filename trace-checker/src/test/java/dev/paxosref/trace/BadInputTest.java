package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.trace.CheckOptions.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every bad input exits with 2 and names file, line, column and the problem, never with a stack trace. */
class BadInputTest {

    @TestFactory
    Stream<DynamicTest> badInputExitsWithTwoAndALocation() {
        return Stream.of(Mode.STEP, Mode.TLC).flatMap(mode -> Corpus.in("bad").stream().map(c ->
                DynamicTest.dynamicTest(mode + " " + c.name(), () -> assertReported(c, mode))));
    }

    @Test
    void missingFileIsBadInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TraceCheck.check(Corpus.options(List.of(Corpus.ROOT.resolve("no-such.ndjson"))),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(TraceOutcome.EXIT_BAD_INPUT, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("no-such.ndjson: no such file or directory"));
    }

    private static void assertReported(Corpus c, Mode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TraceCheck.check(Corpus.options(List.of(c.trace()), mode, 0, 1, false),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(TraceOutcome.EXIT_BAD_INPUT, exit, report);
        String column = c.expect().getProperty("column");
        String location = c.trace() + ":" + c.expect().getProperty("line") + (column.equals("0") ? ": " : ":" + column);
        assertTrue(report.contains(location), "expected location " + location + " in " + report);
        assertTrue(report.contains(c.expect().getProperty("message")), report);
        assertFalse(report.contains("Exception") || report.contains("\tat "), "stack trace leaked: " + report);
    }
}
