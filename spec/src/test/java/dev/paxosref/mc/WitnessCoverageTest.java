package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage witnesses are checked in the same TLC run as the invariants, and checking them changes no count. */
class WitnessCoverageTest {

    @TempDir
    Path dir;

    @Test
    void reachedWitnessesAreRecordedAndTheStateSpaceIsUnchanged() {
        SpecHome home = TestModels.fixtureHome("mc-fixture", dir);
        Model counters = ModelManifest.load(home).select(List.of("Counters"), false).get(0);
        ModelCheckRunner runner = new ModelCheckRunner(home, 1);

        ModelCheckResult withWitnesses = runner.check(counters);
        ModelCheckResult without = runner.check(TestModels.with(counters.withoutWitnesses(), "CountersBare", Map.of()));

        assertInstanceOf(Verdict.Pass.class, withWitnesses.verdict(), () -> withWitnesses.verdict().toString());
        assertEquals(Set.of("AllAtMax", "StepsFromOneToTwo"), withWitnesses.coverage().reached());
        assertTrue(withWitnesses.asExpected());
        assertEquals(6, withWitnesses.distinctStates(), "the override Max <- Two and the symmetry still apply");
        assertEquals(without.distinctStates(), withWitnesses.distinctStates());
        assertEquals(without.statesGenerated(), withWitnesses.statesGenerated());
        assertEquals(without.depth(), withWitnesses.depth());
    }

    @Test
    void aWitnessNeverReachedFailsTheModelAndIsNamed() {
        SpecHome home = TestModels.fixtureHome("mc-fixture", dir);
        Model model = ModelManifest.load(home).select(List.of("CountersAboveMax"), false).get(0);
        ModelCheckResult result = new ModelCheckRunner(home, 1).check(model);
        assertInstanceOf(Verdict.Pass.class, result.verdict(), "the invariants hold");
        assertEquals(List.of("AboveMax"), result.coverage().unreached());
        assertEquals("1/2", result.coverage().toString());
        assertFalse(result.asExpected());
    }

    @Test
    void twoWorkersReachTheSameWitnesses() {
        SpecHome home = TestModels.fixtureHome("mc-fixture", dir);
        Model counters = ModelManifest.load(home).select(List.of("Counters"), false).get(0);
        ModelCheckResult result = new ModelCheckRunner(home, 2).check(counters);
        assertTrue(result.asExpected(), () -> result.verdict() + ", unreached " + result.coverage().unreached());
    }

    @Test
    void paxosKeepsItsPinnedCountWhenWitnessesAreChecked() {
        SpecHome home = SpecHome.locate();
        Model paxos = ModelManifest.load(home).select(List.of("Paxos"), false).get(0);
        Model withWitnesses = TestModels.with(paxos, "PaxosWithTestWitnesses", Map.of(
                "witnesses", Map.of("LearnedIsChosen", "holds in every state, so it is reached at once"),
                "actionWitnesses", Map.of("Next", "holds on every transition")));
        ModelCheckResult result = new ModelCheckRunner(home, 1).check(withWitnesses);
        assertTrue(result.asExpected(), () -> result.verdict() + ", unreached " + result.coverage().unreached());
        assertEquals(paxos.distinctStates(), result.distinctStates());
    }

    @Test
    void distributedModeRefusesWitnessesItCannotCheck() {
        SpecHome home = TestModels.fixtureHome("mc-fixture", dir);
        Model counters = ModelManifest.load(home).select(List.of("Counters"), false).get(0);
        var e = assertThrows(IllegalArgumentException.class, () -> new DistributedTlc(home).check(counters, 2));
        assertTrue(e.getMessage().contains("distributed mode cannot check"), e.getMessage());
    }
}
