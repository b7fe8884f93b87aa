package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.Protocol;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.format.JsonSchemaSubset;
import dev.paxosref.trace.report.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Multi-Paxos core and MultiPaxos.tla agree: every trace the Multi-Paxos simulator records (a replicated counter
 * under loss, duplication, reordering, partitions and crashes) is a behaviour of the spec, whose network is a bag;
 * a core built with a bug the Multi-Paxos roles have leaves traces that diverge where the bug lives; the referee
 * agrees; and every line written follows the format's schema.
 */
class MultiPaxosTraceTest {

    private static final int SEEDS = 100;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyTraceOfTheCorrectCoreIsABehaviourOfTheSpec() {
        SimulationRunner.Summary run = SimulationRunner.run(Protocol.MULTI, 1, SEEDS, FaultProfile.DEFAULT, Set.of(),
                dir, QUIET);
        assertEquals(0, run.violations());
        List<TraceOutcome> outcomes = check(Mode.STEP);
        assertEquals(SEEDS, outcomes.size());
        for (TraceOutcome outcome : outcomes) {
            assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> describe(outcome));
        }
    }

    @Test
    void everyLineTheSimulatorWritesFollowsTheSchema() throws IOException {
        SimulationRunner.run(Protocol.MULTI, 1, 10, FaultProfile.HARSH, Set.of(), dir, QUIET);
        JsonSchemaSubset schema;
        try (InputStream in = getClass().getResourceAsStream("/trace-format.schema.json")) {
            schema = new JsonSchemaSubset(JSON.readTree(in));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".ndjson")).toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                List<JsonSchemaSubset.Violation> violations =
                        schema.validate(JSON.readTree(lines.get(i)), i == 0 ? "header" : "event");
                assertEquals(List.of(), violations, file + ":" + (i + 1));
            }
        }
    }

    @Test
    void harshFaultsStillLeaveOnlyBehavioursOfTheSpec() {
        SimulationRunner.run(Protocol.MULTI, 10_001, SEEDS / 4, FaultProfile.HARSH, Set.of(), dir, QUIET);
        check(Mode.STEP).forEach(outcome ->
                assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> describe(outcome)));
    }

    /**
     * The Multi-Paxos roles know two of the core's bugs. A leader that ignores reported votes re-proposes the wrong
     * values when its promises reach a quorum; an acceptor that persists nothing comes back from a crash without its
     * promise and votes, which its AcceptorCrash event already logs.
     */
    @ParameterizedTest
    @CsvSource({
        "PROPOSER_IGNORES_REPORTED_VOTE, ReceivePromise",
        "ACCEPTOR_SKIPS_PERSIST,         AcceptorCrash"})
    void aBuggyCoreDivergesAtTheActionItBreaks(Mutant bug, String action) {
        SimulationRunner.run(Protocol.MULTI, 1, SEEDS / 4, FaultProfile.DEFAULT, Set.of(bug), dir, QUIET);
        Map<String, String> diverged = Corpus.divergentActions(check(Mode.STEP));
        assertFalse(diverged.isEmpty(), bug + " left no divergent trace in " + SEEDS / 4 + " seeds");
        diverged.forEach((name, divergent) -> assertEquals(action, divergent, name + " diverged at " + divergent));
    }

    /**
     * Seeds with short traces (about 300 events valid, under 200 diverging), for the time TLC takes on a trace spec
     * (mostly parsing it); RefereeStateCountTest checks a longer one.
     */
    @Test
    void theRefereeGivesTheSameVerdictsOnSimulatorTraces() {
        SimulationRunner.run(Protocol.MULTI, 7, 1, FaultProfile.DEFAULT, Set.of(), dir, QUIET);
        SimulationRunner.run(Protocol.MULTI, 34, 1, FaultProfile.DEFAULT, Set.of(), dir, QUIET);
        SimulationRunner.run(Protocol.MULTI, 15, 1, FaultProfile.DEFAULT,
                Set.of(Mutant.PROPOSER_IGNORES_REPORTED_VOTE), dir, QUIET);
        SimulationRunner.run(Protocol.MULTI, 22, 1, FaultProfile.DEFAULT, Set.of(Mutant.ACCEPTOR_SKIPS_PERSIST), dir,
                QUIET);
        List<TraceOutcome> stepped = check(Mode.STEP);
        List<TraceOutcome> refereed = check(Mode.TLC);
        assertTrue(stepped.stream().anyMatch(o -> o.verdict() instanceof Verdict.Valid), "seeds 7 and 34 are valid");
        assertTrue(stepped.stream().anyMatch(o -> o.verdict() instanceof Verdict.Diverged), "the bugs diverge");
        Corpus.assertSameVerdicts(stepped, refereed);
    }

    private List<TraceOutcome> check(Mode mode) {
        return TraceCheck.checkAll(Corpus.options(List.of(dir), mode, 0, 2, false));
    }

    private static String describe(TraceOutcome outcome) {
        return outcome.name() + ": " + (outcome.inputError() != null ? outcome.inputError().getMessage()
                : outcome.verdict());
    }
}
