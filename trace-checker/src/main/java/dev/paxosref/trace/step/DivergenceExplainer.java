package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.report.Explanation;
import dev.paxosref.trace.report.Explanation.Difference;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.TlaToJson;
import java.util.ArrayList;
import java.util.List;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.value.impl.Value;

/**
 * Explains why no candidate state had a successor agreeing with the event: the guard conjuncts in the pre-state,
 * and, if the action was enabled, how its successor differs from the log, with the messages the spec's step sends
 * beside the logged ones when they differ, and, in a complete log, each one missing from the log or extra in it.
 */
final class DivergenceExplainer {
    private final GuardEvaluator guards;
    private final Successors successors;
    private final LoggedStepFilter filter;
    private final TlaToJson toJson;
    private final JsonToTla toTla;

    DivergenceExplainer(GuardEvaluator guards, Successors successors, LoggedStepFilter filter, TlaToJson toJson,
                        JsonToTla toTla) {
        this.guards = guards;
        this.successors = successors;
        this.filter = filter;
        this.toJson = toJson;
        this.toTla = toTla;
    }

    Explanation explain(PreparedEvent step, List<TLCState> candidates) {
        TLCState pre = candidates.get(0);
        String inState = candidates.size() > 1 ? " (in the first of " + candidates.size() + " candidate states)" : "";
        StateVec posts = successors.nextStates(step.action(), pre, step);
        if (posts.size() == 0) {
            return new Explanation(step.event().describeStep() + " is not enabled" + inState,
                    guards.evaluate(step, pre), variableDifferences(step, pre, " before the step"));
        }
        return new Explanation(step.event().describeStep() + " is enabled but its successor disagrees with the log"
                + inState, guards.evaluate(step, pre), differences(step, pre, posts.elementAt(0)));
    }

    /**
     * The logged variables that differ from {@code state}: the successor when the action was enabled, else the
     * pre-state, which shows what the guard saw.
     */
    private List<Difference> variableDifferences(PreparedEvent step, TLCState state, String qualifier) {
        List<Difference> differences = new ArrayList<>();
        String node = step.event().nodeName();
        for (PreparedEvent.LoggedVariable logged : step.loggedVariables()) {
            Value expected = LoggedStepFilter.nodeValue(state, logged.variable(), step.node());
            String what = logged.name() + "[" + node + "]" + qualifier;
            if (expected == null) {
                differences.add(new Difference(what + " (not a function of the node)", null, logged.logged()));
            } else if (!filter.agrees(logged, state, step.node())) {
                differences.add(new Difference(what, toJson.convert(expected), logged.logged()));
            }
        }
        return differences;
    }

    private List<Difference> differences(PreparedEvent step, TLCState pre, TLCState post) {
        List<Difference> differences = variableDifferences(step, post, "");
        differences.addAll(filter.unloggedChanges(step, pre, post));
        boolean sentDiffers = false;
        for (LoggedMessage sent : step.event().sent()) {
            if (!filter.isPresent(sent, post)) {
                sentDiffers = true;
                differences.add(new Difference("sent " + sent.id() + " (no such message after the step)", null,
                        sent.fields()));
            }
        }
        List<Value> specSent = filter.sentBy(step, pre, post);
        if (step.sentExactly() != null) {
            sentDiffers |= missingAndExtra(step, specSent, differences);
        }
        if (sentDiffers || specSent.size() != step.event().sent().size()) {
            ArrayNode spec = JsonNodeFactory.instance.arrayNode();
            specSent.forEach(m -> spec.add(toJson.convert(m)));
            ArrayNode logged = JsonNodeFactory.instance.arrayNode();
            step.event().sent().forEach(m -> logged.add(m.fields()));
            differences.add(new Difference("messages the step sends", spec, logged));
        }
        for (LoggedMessage received : step.event().recv()) {
            if (!filter.isPresent(received, pre)) {
                differences.add(new Difference("received " + received.id() + " (never sent in the spec)", null,
                        received.fields()));
            }
        }
        return differences;
    }

    /**
     * A complete log's sends against the spec's: each message the step sends and the event does not log (missing),
     * and each logged one the step does not send (extra). Whether any was found.
     */
    private boolean missingAndExtra(PreparedEvent step, List<Value> specSent, List<Difference> differences) {
        int before = differences.size();
        for (Value m : specSent) {
            if (!step.sentExactly().contains(m)) {
                differences.add(new Difference("sent: missing a message the step sends", toJson.convert(m), null));
            }
        }
        for (LoggedMessage sent : step.event().sent()) {
            if (!specSent.contains(toTla.convert(sent.fields()))) {
                differences.add(new Difference("sent " + sent.id() + ": extra, the step does not send it", null,
                        sent.fields()));
            }
        }
        return differences.size() > before;
    }
}
