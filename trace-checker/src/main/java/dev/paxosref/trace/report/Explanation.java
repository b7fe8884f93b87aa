package dev.paxosref.trace.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Why an event diverged: the action's guard conjuncts evaluated one by one in the pre-state, and, when the action
 * was enabled, where its successor differs from the log. The referee only knows that no behaviour reached past the
 * event, so its explanation has a summary and nothing else.
 */
public record Explanation(String summary, List<GuardResult> guards, List<Difference> differences) {

    public static Explanation summaryOnly(String summary) {
        return new Explanation(summary, List.of(), List.of());
    }

    /**
     * One conjunct of the action's body, as written in the spec, and what it evaluated to in the pre-state; for a
     * guard that failed, {@code values} shows its operands' values there ({@code pBal[p] = 3}).
     */
    public record GuardResult(String conjunct, Outcome outcome, String detail, List<String> values) {
        public enum Outcome { HOLDS, FAILS, EFFECT, ERROR }
    }

    /** Where the spec's successor and the log disagree: what the spec computed and what was logged. */
    public record Difference(String what, JsonNode expected, JsonNode logged) {}

    public List<GuardResult> failedGuards() {
        return guards.stream().filter(g -> g.outcome() != GuardResult.Outcome.HOLDS
                && g.outcome() != GuardResult.Outcome.EFFECT).toList();
    }
}
