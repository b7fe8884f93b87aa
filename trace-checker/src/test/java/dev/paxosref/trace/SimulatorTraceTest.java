package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.report.Verdict;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java core and the TLA+ spec agree: every trace the simulator records from the real core is a behaviour of
 * Paxos.tla, stepped by TLC's own evaluator; and a core built with a classic bug leaves traces that diverge at the
 * action the bug lives in.
 */
class SimulatorTraceTest {

    private static final int SEEDS = 200;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void everyTraceOfTheCorrectCoreIsABehaviourOfTheSpec() {
        SimulationRunner.Summary run = SimulationRunner.run(1, SEEDS, FaultProfile.DEFAULT, Set.of(), dir, QUIET);
        assertEquals(0, run.violations());
        List<TraceOutcome> outcomes = check(Mode.STEP);
        assertEquals(SEEDS, outcomes.size());
        for (TraceOutcome outcome : outcomes) {
            assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> outcome.name() + ": " + outcome.verdict());
        }
    }

    @Test
    void harshFaultsStillLeaveOnlyBehavioursOfTheSpec() {
        SimulationRunner.run(10_001, SEEDS / 4, FaultProfile.HARSH, Set.of(), dir, QUIET);
        check(Mode.STEP).forEach(outcome ->
                assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> outcome.name() + ": " + outcome.verdict()));
    }

    @ParameterizedTest
    @CsvSource({
        "ACCEPTOR_SKIPS_PROMISE_CHECK,   Phase2b",
        "PROPOSER_IGNORES_REPORTED_VOTE, Phase2a",
        "LEARNER_LEARNS_WITHOUT_QUORUM,  Learn",
        "ACCEPTOR_SKIPS_PERSIST,         Phase1b|Phase2b"})
    void aBuggyCoreDivergesAtTheActionItBreaks(Mutant bug, String actions) {
        SimulationRunner.run(1, SEEDS / 2, FaultProfile.DEFAULT, Set.of(bug), dir, QUIET);
        Map<String, String> diverged = Corpus.divergentActions(check(Mode.STEP));
        assertFalse(diverged.isEmpty(), bug + " left no divergent trace in " + SEEDS / 2 + " seeds");
        diverged.forEach((name, action) ->
            assertTrue(action.matches(actions), name + " diverged at " + action + ", expected " + actions));
    }

    @Test
    void theRefereeGivesTheSameVerdictsOnSimulatorTraces() {
        SimulationRunner.run(1, 4, FaultProfile.DEFAULT, Set.of(Mutant.ACCEPTOR_SKIPS_PROMISE_CHECK), dir, QUIET);
        SimulationRunner.run(12, 1, FaultProfile.DEFAULT, Set.of(Mutant.ACCEPTOR_SKIPS_PROMISE_CHECK), dir, QUIET);
        List<TraceOutcome> stepped = check(Mode.STEP);
        List<TraceOutcome> refereed = check(Mode.TLC);
        assertTrue(stepped.stream().anyMatch(o -> o.verdict() instanceof Verdict.Diverged), "seed 12 diverges");
        Corpus.assertSameVerdicts(stepped, refereed);
    }

    private List<TraceOutcome> check(Mode mode) {
        return TraceCheck.checkAll(Corpus.options(List.of(dir), mode, 0, 2, false));
    }
}
