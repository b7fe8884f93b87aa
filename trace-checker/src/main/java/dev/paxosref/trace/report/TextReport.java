package dev.paxosref.trace.report;

import dev.paxosref.trace.TraceOutcome;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;

/** The human report for one trace: its verdict and, for a divergence, where and why, with the events before it. */
public final class TextReport {
    static final int CONTEXT_EVENTS = 5;

    private TextReport() {}

    public static String of(TraceOutcome outcome) {
        if (outcome.inputError() != null) {
            return "BAD INPUT " + outcome.inputError().getMessage() + "\n";
        }
        Trace trace = outcome.trace();
        if (outcome.verdict() instanceof Verdict.Diverged diverged) {
            return divergence(trace, diverged);
        }
        if (outcome.verdict() instanceof Verdict.Undecided undecided) {
            return "UNDECIDED " + trace.name() + " at event #" + (undecided.eventIndex() + 1) + " of "
                    + trace.events().size() + ", " + trace.events().get(undecided.eventIndex()).origin() + ": "
                    + undecided.reason() + "\n";
        }
        return "VALID " + trace.name() + " (" + ((Verdict.Valid) outcome.verdict()).eventsChecked() + " events)\n";
    }

    private static String divergence(Trace trace, Verdict.Diverged diverged) {
        TraceEvent event = trace.events().get(diverged.eventIndex());
        StringBuilder text = new StringBuilder("DIVERGED ").append(trace.name()).append('\n')
                .append("  first unexplained event: #").append(diverged.eventIndex() + 1).append(" of ")
                .append(trace.events().size()).append(", node ").append(event.nodeName()).append(" at ")
                .append(event.origin()).append('\n')
                .append("  ").append(EventText.line(event).strip()).append('\n')
                .append("  ").append(diverged.explanation().summary()).append('\n');
        Explanation explanation = diverged.explanation();
        if (!explanation.guards().isEmpty()) {
            text.append("  guard conjuncts in the pre-state:\n");
            for (Explanation.GuardResult guard : explanation.guards()) {
                text.append(String.format("    %-7s %s%s%n", guard.outcome(), guard.conjunct(),
                        guard.detail().isEmpty() ? "" : "  (" + guard.detail() + ")"));
                guard.values().forEach(value -> text.append("              ").append(value).append('\n'));
            }
        }
        if (!explanation.differences().isEmpty()) {
            text.append("  spec vs log:\n");
            for (Explanation.Difference d : explanation.differences()) {
                text.append("    ").append(d.what()).append(": spec ").append(d.expected() == null ? "-" : d.expected())
                        .append(", logged ").append(d.logged() == null ? "-" : d.logged()).append('\n');
            }
        }
        int from = Math.max(0, diverged.eventIndex() - CONTEXT_EVENTS);
        if (from < diverged.eventIndex()) {
            text.append("  previous events:\n");
            for (TraceEvent previous : trace.events().subList(from, diverged.eventIndex())) {
                text.append("  ").append(EventText.line(previous)).append("   (").append(previous.origin())
                        .append(")\n");
            }
        }
        return text.toString();
    }
}
