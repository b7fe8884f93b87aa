package dev.paxosref.trace.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.TraceOutcome;
import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.TraceEvent;

/**
 * The machine report for one trace, one JSON object, for CI and for the conformance suite; TRACE-FORMAT.md lists its
 * fields. {@code event} counts from 1, as the text report's {@code #N} does.
 */
public final class JsonReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonReport() {}

    public static ObjectNode of(TraceOutcome outcome) {
        ObjectNode report = JSON.objectNode().put("trace", outcome.name()).put("exitCode", outcome.exitCode());
        if (outcome.inputError() != null) {
            return report.put("verdict", "bad-input").put("error", outcome.inputError().getMessage())
                    .set("location", location(outcome.inputError().location()));
        }
        if (outcome.verdict() instanceof Verdict.Diverged diverged) {
            divergence(report, outcome, diverged);
        } else if (outcome.verdict() instanceof Verdict.Undecided undecided) {
            report.put("verdict", "undecided").put("event", undecided.eventIndex() + 1)
                    .put("reason", undecided.reason());
        } else {
            report.put("verdict", "valid").put("events", ((Verdict.Valid) outcome.verdict()).eventsChecked());
        }
        return report;
    }

    private static void divergence(ObjectNode report, TraceOutcome outcome, Verdict.Diverged diverged) {
        TraceEvent event = outcome.trace().events().get(diverged.eventIndex());
        report.put("verdict", "diverged").put("event", diverged.eventIndex() + 1)
                .put("events", outcome.trace().events().size()).put("node", event.nodeName())
                .put("step", event.describeStep()).put("summary", diverged.explanation().summary());
        report.set("location", location(event.origin()));
        ArrayNode guards = report.putArray("guards");
        diverged.explanation().guards().forEach(g -> {
            ObjectNode guard = guards.addObject().put("conjunct", g.conjunct()).put("outcome", g.outcome().name())
                    .put("detail", g.detail());
            g.values().forEach(guard.putArray("values")::add);
        });
        ArrayNode differences = report.putArray("differences");
        diverged.explanation().differences().forEach(d -> differences.addObject().put("what", d.what())
                .<ObjectNode>set("expected", d.expected()).set("logged", d.logged()));
    }

    private static ObjectNode location(SourceLocation location) {
        return JSON.objectNode().put("file", location.file()).put("line", location.line())
                .put("column", location.column());
    }
}
