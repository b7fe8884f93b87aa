package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.gen.RandomPaxosTraceGenerator;
import dev.paxosref.trace.report.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random runs of the spec are valid in both modes, and the same run with one logged value tampered diverges at
 * the same event in both modes, never earlier than the tampered line.
 */
class GeneratedTraceTest {
    private static final int EVENTS = 400;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomRunsAreValidInBothModes(long seed) throws IOException {
        Path trace = generate(seed, "valid");
        for (Mode mode : Mode.values()) {
            assertInstanceOf(Verdict.Valid.class, checkOne(trace, mode).verdict(), mode + " on seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void tamperedRunsDivergeAtTheSameEventInBothModes(long seed) throws IOException {
        Path trace = generate(seed, "tampered");
        int tamperedLine = tamperLastMaxBal(trace);
        TraceOutcome stepped = checkOne(trace, Mode.STEP);
        TraceOutcome refereed = checkOne(trace, Mode.TLC);
        Verdict.Diverged steppedDivergence = assertInstanceOf(Verdict.Diverged.class, stepped.verdict());
        Verdict.Diverged refereedDivergence = assertInstanceOf(Verdict.Diverged.class, refereed.verdict());
        assertEquals(steppedDivergence.eventIndex(), refereedDivergence.eventIndex());
        assertEquals(tamperedLine, stepped.trace().events().get(steppedDivergence.eventIndex()).origin().line());
    }

    private static Path generate(long seed, String kind) throws IOException {
        Path trace = Corpus.WORK.resolve("generated").resolve(kind + "-" + seed + ".ndjson");
        new RandomPaxosTraceGenerator(Corpus.SPEC, Corpus.WORK, seed, 12).write(trace, EVENTS);
        return trace;
    }

    private static TraceOutcome checkOne(Path trace, Mode mode) {
        return TraceCheck.checkAll(Corpus.options(List.of(trace), mode, 0, 1, false)).get(0);
    }

    /** Logs one more than the true maxBal in the last event that logs it; returns that event's line. */
    private static int tamperLastMaxBal(Path trace) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trace, StandardCharsets.UTF_8));
        for (int i = lines.size() - 1; i > 0; i--) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"maxBal\":(-?\\d+)").matcher(lines.get(i));
            if (m.find()) {
                lines.set(i, m.replaceFirst("\"maxBal\":" + (Integer.parseInt(m.group(1)) + 1)));
                Files.write(trace, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new IllegalStateException("no event logs maxBal");
    }
}
