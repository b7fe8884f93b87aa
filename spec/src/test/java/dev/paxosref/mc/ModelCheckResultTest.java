package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelCheckResultTest {

    private static Model pinnedPass(String view) {
        return TestModels.model("""
                {"name": "M", "module": "MCM", "tier": "deep", "specification": "Spec", "view": %s,
                 "expect": {"outcome": "pass"}, "distinctStates": 1000, "depth": 10}"""
                .formatted(view == null ? "null" : '"' + view + '"'));
    }

    private static ModelCheckResult run(Model model, long distinct, int workers) {
        return new ModelCheckResult(model, new Verdict.Pass(), distinct, distinct, 10,
                new Coverage(model.witnessNames(), java.util.Set.of()), Duration.ZERO, workers);
    }

    @Test
    void aPassingRunWithSeveralWorkersMustMatchThePinnedCount() {
        assertFalse(run(pinnedPass(null), 1_001, 2).asExpected());
        assertTrue(run(pinnedPass(null), 1_000, 2).asExpected());
    }

    @Test
    void underAViewOnlyOneWorkerGivesAReproducibleCount() {
        assertTrue(run(pinnedPass("LiveView"), 1_001, 2).asExpected());
        assertFalse(run(pinnedPass("LiveView"), 1_001, 1).asExpected());
    }
}
