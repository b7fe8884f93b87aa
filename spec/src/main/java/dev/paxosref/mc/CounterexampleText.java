package dev.paxosref.mc;

import java.util.Map;

/**
 * Prints a counterexample for a person: one numbered line per action, then only the variables that action changed.
 */
public final class CounterexampleText {

    private CounterexampleText() {
    }

    public static String format(String property, Counterexample counterexample) {
        StringBuilder out = new StringBuilder();
        out.append("Counterexample: ").append(property).append(" is violated after ")
                .append(counterexample.steps().size()).append(" states.\n");
        Counterexample.Step previous = null;
        for (Counterexample.Step step : counterexample.steps()) {
            out.append(String.format("%4d. %s%n", step.number(), step.action()));
            Map<String, String> changed = step.changedSince(previous);
            if (changed.isEmpty()) {
                out.append("        (no variable changed)\n");
            }
            Counterexample.Step before = previous;
            changed.forEach((name, value) -> {
                String old = before == null ? null : before.variables().get(name);
                TlaValueDiff.describe(name, old, value).forEach(line -> out.append("        ").append(line).append('\n'));
            });
            previous = step;
        }
        if (counterexample.stuttersForever()) {
            out.append("      ... and then nothing happens, forever.\n");
        } else if (counterexample.loopsBackTo() > 0) {
            out.append("      ... and then back to state ").append(counterexample.loopsBackTo()).append(", forever.\n");
        }
        return out.toString();
    }
}
