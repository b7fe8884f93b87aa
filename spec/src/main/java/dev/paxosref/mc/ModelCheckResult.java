package dev.paxosref.mc;

import java.time.Duration;

/** What one TLC run of one model produced, and whether it is what the manifest expects. */
public record ModelCheckResult(Model model, Verdict verdict, long statesGenerated, long distinctStates, int depth,
                               Coverage coverage, Duration elapsed, int workers) {

    public boolean outcomeAsExpected() {
        return model.expect().isMetBy(verdict);
    }

    /**
     * Whether the distinct-state count is the pinned one. Only BFS with one worker is deterministic enough to pin:
     * with more workers, a violation may be found after a different number of states, and under a VIEW the
     * state that represents a view is whichever a worker reaches first, and its successors may differ in the
     * views they reach (a dead message can still be lost, which spends the fault budget).
     */
    public boolean stateCountAsExpected() {
        if (!model.hasPinnedStateCount()) {
            return true;
        }
        boolean deterministic = workers == 1 || verdict instanceof Verdict.Pass && model.view() == null;
        return !deterministic || model.distinctStates() == distinctStates;
    }

    /** Whether every coverage witness of the model was reached; a model without witnesses has nothing to reach. */
    public boolean coverageAsExpected() {
        return coverage.complete();
    }

    public boolean asExpected() {
        return outcomeAsExpected() && stateCountAsExpected() && coverageAsExpected();
    }
}
