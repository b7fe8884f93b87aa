package dev.paxosref.mc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A behaviour TLC printed for a violation: numbered states, each with the action that produced it.
 *
 * @param loopsBackTo for a liveness violation, the 1-based state the behaviour returns to forever; or 0 when the
 *                    behaviour ends (a safety violation) or stutters forever in its last state
 * @param stuttersForever true when the behaviour ends in infinite stuttering
 */
public record Counterexample(List<Step> steps, int loopsBackTo, boolean stuttersForever) {

    /**
     * One state of the behaviour.
     *
     * @param action the action's name ("Initial predicate" for the first state)
     * @param variables each variable's value as TLC printed it
     */
    public record Step(int number, String action, Map<String, String> variables) {

        /** The variables whose values differ from {@code previous}, in this step's order. */
        public Map<String, String> changedSince(Step previous) {
            Map<String, String> changed = new LinkedHashMap<>();
            variables.forEach((name, value) -> {
                if (previous == null || !value.equals(previous.variables.get(name))) {
                    changed.put(name, value);
                }
            });
            return changed;
        }
    }

    public Counterexample {
        steps = List.copyOf(steps);
    }

    public List<String> actionNames() {
        return steps.stream().map(Step::action).toList();
    }
}
