package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.Protocol;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconfiguration core and MultiPaxosReconfig.tla agree: every trace of the simulator's reconfig profile (an
 * administrator adds a4 and removes a1 through the log under the default faults) is a behaviour of the spec, which
 * reaches MultiPaxos through an INSTANCE; a leader that ignores the Alpha window diverges where it proposes; and the
 * referee agrees.
 */
class ReconfigTraceTest {

    /** Fresh seeds per run: a bounded number, a few seconds of checking. */
    private static final int SEEDS = 30;
    /** The window mutant's fixed seeds: all but a few of them diverge (seed 5 does not). */
    private static final int MUTANT_SEEDS = 10;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void everyTraceOfTheCorrectCoreIsABehaviourOfTheSpec() {
        long first = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - SEEDS);
        String reproduce = "seeds " + first + ".." + (first + SEEDS - 1) + "; reproduce one with ./paxos sim "
                + "--protocol multi --faults reconfig --seeds 1 --traces DIR --first-seed S";
        System.out.println("ReconfigTraceTest: " + reproduce);
        SimulationRunner.Summary run = SimulationRunner.run(Protocol.MULTI, first, SEEDS, FaultProfile.RECONFIG,
                Set.of(), dir, QUIET);
        assertEquals(List.of(), run.failures(), reproduce);
        List<TraceOutcome> outcomes = check(Mode.STEP);
        assertEquals(SEEDS, outcomes.size());
        for (TraceOutcome outcome : outcomes) {
            assertNull(outcome.inputError(), () -> outcome.name() + " (" + reproduce + "): "
                    + outcome.inputError().getMessage());
            assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> outcome.name() + " (" + reproduce + "): "
                    + outcome.verdict());
        }
    }

    /**
     * LEADER_IGNORES_WINDOW lets a leader propose at a slot whose configuration it does not know yet: the spec's
     * CanPropose refuses it, in Propose (a client's request) or in the CatchUp of ReceivePromise or ReceiveAccepted
     * (a re-proposal), the three actions that propose.
     */
    @Test
    void aLeaderThatIgnoresTheWindowDivergesWhereItProposes() {
        SimulationRunner.run(Protocol.MULTI, 1, MUTANT_SEEDS, FaultProfile.RECONFIG,
                Set.of(Mutant.LEADER_IGNORES_WINDOW), dir, QUIET);
        Map<String, String> diverged = Corpus.divergentActions(check(Mode.STEP));
        assertTrue(diverged.size() > MUTANT_SEEDS / 2, "only " + diverged + " diverged");
        assertTrue(diverged.containsValue("Propose"), "some client request is proposed outside the window: "
                + diverged);
        diverged.forEach((name, action) -> assertTrue(action.matches("Propose|ReceivePromise|ReceiveAccepted"),
                name + " diverged at " + action));
    }

    @Test
    void theRefereeGivesTheSameVerdicts() {
        SimulationRunner.run(Protocol.MULTI, 1, 1, FaultProfile.RECONFIG, Set.of(), dir.resolve("correct"), QUIET);
        SimulationRunner.run(Protocol.MULTI, 1, 1, FaultProfile.RECONFIG, Set.of(Mutant.LEADER_IGNORES_WINDOW),
                dir.resolve("mutant"), QUIET);
        List<TraceOutcome> stepped = check(Mode.STEP);
        List<TraceOutcome> refereed = check(Mode.TLC);
        assertEquals(2, stepped.size());
        assertEquals(Set.of(Verdict.Valid.class, Verdict.Diverged.class),
                Set.of(stepped.get(0).verdict().getClass(), stepped.get(1).verdict().getClass()));
        Corpus.assertSameVerdicts(stepped, refereed);
    }

    private List<TraceOutcome> check(Mode mode) {
        return TraceCheck.checkAll(Corpus.options(List.of(dir), mode, 0, 2, false));
    }
}
