package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIVERGENT = Corpus.ROOT.resolve("invalid").resolve("vote-below-promise.ndjson");

    @Test
    void htmlReportIsSelfContainedAndMarksTheDivergence() throws IOException {
        Path html = Corpus.WORK.resolve("report.html");
        Files.createDirectories(Corpus.WORK);
        int exit = TraceCheck.check(new CheckOptions(List.of(DIVERGENT), CheckOptions.Mode.STEP, Corpus.SPEC,
                java.util.Optional.of(html), false, 1, 0, CheckOptions.MAX_CANDIDATES_DEFAULT, Corpus.WORK),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertEquals(TraceOutcome.EXIT_DIVERGED, exit);
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("DIVERGES Phase2b(a=a1, b=1, v=v1)"), page);
        assertTrue(page.contains("sequenceDiagram"), "Mermaid source included");
        assertFalse(page.contains("<script") || page.contains("src=\"http") || page.contains("href=\"http"),
                "no network access");
    }

    @Test
    void jsonReportNamesEventGuardAndLocation() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TraceCheck.check(Corpus.options(List.of(DIVERGENT), CheckOptions.Mode.STEP, 0, 1, true),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(TraceOutcome.EXIT_DIVERGED, exit);
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("diverged", report.get("verdict").asText());
        assertEquals(9, report.at("/location/line").asInt());
        assertEquals("a1", report.get("node").asText());
        assertTrue(report.get("guards").findValuesAsText("outcome").contains("FAILS"));
        assertEquals(8, report.get("event").asInt(), "1-based, as the text report's #8 of 8");
        assertEquals(8, report.get("events").asInt());
        JsonNode failed = report.get("guards").get(1);
        assertEquals("b >= maxBal[a]", failed.get("conjunct").asText());
        assertEquals(List.of("b = 1", "maxBal[a] = 2"), MAPPER.convertValue(failed.get("values"), List.class));
    }

    @Test
    void aFailedGuardShowsItsOperandsAndAQuantifierItsElements() {
        String vote = textReport(DIVERGENT);
        assertTrue(vote.contains("#8 of 8") && vote.contains("""
                    FAILS   b >= maxBal[a]
                              b = 1
                              maxBal[a] = 2
                """), vote);
        String unsafe = textReport(Corpus.ROOT.resolve("invalid").resolve("unsafe-value-after-crash.ndjson"));
        assertTrue(unsafe.contains("with Q = {\"a1\", \"a3\"}: SafeValue(PromisesFrom(Q, pBal[p]), v) = FALSE"),
                unsafe);
    }

    @Test
    void anEnabledStepThatSendsOtherwiseShowsTheSpecsMessagesBesideTheLoggedOnes() {
        String report = textReport(Corpus.ROOT.resolve("invalid").resolve("multi-tampered-value.ndjson"));
        // TLC orders a record's fields as it first met their names, which differs between runs: compare by field.
        String line = report.lines().filter(l -> l.contains("messages the step sends: spec [") && l.contains("], logged ["))
                .findFirst().orElseThrow(() -> new AssertionError(report));
        String spec = line.substring(line.indexOf("spec ["), line.indexOf("], logged ["));
        String logged = line.substring(line.indexOf("], logged ["));
        assertTrue(spec.contains("\"type\":\"decision\"") && spec.contains("\"seq\":1") && !spec.contains("\"seq\":2"),
                report);
        assertTrue(logged.contains("\"type\":\"decision\"") && logged.contains("\"seq\":2"), report);
    }

    private static String textReport(Path trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceCheck.check(Corpus.options(List.of(trace)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void explainPrintsTheMergedTimeline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TraceCheck.explain(List.of(Corpus.ROOT.resolve("valid").resolve("one-round-per-node.trace")),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(TraceOutcome.EXIT_VALID, exit);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2 + 8, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).contains("Propose(v=v1)") || lines.get(2).contains("Phase1a(p=1, b=1)"));
        assertTrue(lines.get(lines.size() - 1).contains("Learn(l=l1, b=1, v=v1)"));
    }

    @Test
    void parallelJobsGiveTheSameOutcomesAsOne() {
        List<Path> corpus = List.of(Corpus.ROOT.resolve("valid"), Corpus.ROOT.resolve("invalid"));
        List<Integer> serial = exitCodes(TraceCheck.checkAll(Corpus.options(corpus)));
        List<Integer> parallel = exitCodes(TraceCheck.checkAll(Corpus.options(corpus, CheckOptions.Mode.STEP, 0, 4, false)));
        assertEquals(serial, parallel);
        assertTrue(serial.contains(TraceOutcome.EXIT_VALID) && serial.contains(TraceOutcome.EXIT_DIVERGED));
    }

    private static List<Integer> exitCodes(List<TraceOutcome> outcomes) {
        return outcomes.stream().map(TraceOutcome::exitCode).toList();
    }
}
