package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelCheckResultTest {

    private static Model pinnedPass(String view) {
        return new Model("M", "MCM", Model.Tier.deep, "", null, null, "Spec", null, null, null, null, null, view, null,
            false, null, Expectation.pass(), 1_000L, 10, null, "");
    }

    private static ModelCheckResult run(Model model, long distinct, int workers) {
        return new ModelCheckResult(model, new Verdict.Pass(), distinct, distinct, 10, Duration.ZERO, workers);
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
