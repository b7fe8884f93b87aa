package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.trace.CheckOptions.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aDirectoryGivesEveryTraceItsOwnVerdictAndGoesOnAfterBadInput(@TempDir Path dir) throws IOException {
        List<String> names = List.of("bad/param-value-integer.ndjson", "bad/header-missing-learner.ndjson",
                "valid/one-round.ndjson", "invalid/vote-below-promise.ndjson");
        for (String name : names) {
            Files.copy(Corpus.ROOT.resolve(name), dir.resolve(Path.of(name).getFileName()));
        }
        for (int jobs : List.of(1, 2)) {
            Map<String, Integer> exits = new TreeMap<>();
            TraceCheck.checkAll(Corpus.options(List.of(dir), Mode.STEP, 0, jobs, false)).forEach(o ->
                    exits.put(Path.of(o.name()).getFileName().toString(), o.exitCode()));
            assertEquals(Map.of("param-value-integer.ndjson", 2, "header-missing-learner.ndjson", 2,
                    "one-round.ndjson", 0, "vote-below-promise.ndjson", 1), exits, "jobs " + jobs);
        }
    }

    @Test
    void silentStepsNeedTheBoundsOfNext(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Corpus.ROOT.resolve("valid/one-round.ndjson"));
        Path trace = dir.resolve("no-ballot.ndjson");
        Files.writeString(trace, lines.get(0).replace(",\"Ballot\":[0,1,2,3]", "") + "\n"
                + String.join("\n", lines.subList(1, lines.size())) + "\n");
        assertEquals(TraceOutcome.EXIT_VALID, TraceCheck.checkAll(Corpus.options(List.of(trace))).get(0).exitCode());
        TraceOutcome searched = TraceCheck.checkAll(Corpus.options(List.of(trace), Mode.STEP, 1, 1, false)).get(0);
        assertEquals(TraceOutcome.EXIT_BAD_INPUT, searched.exitCode());
        assertTrue(searched.inputError().getMessage().contains(trace + ":1: header constant Ballot: missing: "
                + "expected a set of naturals"), searched.inputError().getMessage());
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
