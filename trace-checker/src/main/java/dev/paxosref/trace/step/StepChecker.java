package dev.paxosref.trace.step;

import dev.paxosref.trace.TraceChecker;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.report.Explanation;
import dev.paxosref.trace.report.Verdict;
import dev.paxosref.trace.spec.EvaluationError;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.SpecModel;
import dev.paxosref.trace.spec.SpecSource;
import dev.paxosref.trace.spec.TlaToJson;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import java.util.Iterator;
import java.util.List;
import tlc2.tool.TLCState;

/**
 * The main mode: steps TLC's own evaluator through the trace. For each event it computes the named action's
 * successors of every candidate state and keeps those that agree with the log; when the log leaves the state
 * open, several candidates survive (up to {@code maxCandidates}). On a bag network, the network's own unlogged
 * steps (duplicating and losing copies) come before and after each event as {@link NetworkPlan} says.
 */
public final class StepChecker implements TraceChecker {
    /** The silent-step search may explore this many states for each candidate state the log may keep. */
    private static final int SILENT_STATES_PER_CANDIDATE = 1000;

    private final SpecModel model;
    private final JsonToTla toTla;
    private final Successors successors;
    private final SilentStepSearch silentSteps;
    private final DivergenceExplainer explainer;
    private final NetworkSteps network; // null for a set network, which needs no steps of its own
    private final int maxCandidates;

    public StepChecker(SpecModel model, int maxSilentSteps, int maxCandidates) {
        SpecConventions conventions = model.conventions();
        this.model = model;
        this.toTla = new JsonToTla(conventions);
        TlaToJson toJson = new TlaToJson(conventions);
        LoggedStepFilter filter = new LoggedStepFilter(new LoggedValueMatcher(toTla), conventions, model.tool(),
                new ChangeLog(model.signature().variables(), conventions.messagesVariable(), toJson, toTla));
        this.successors = new Successors(model.tool(), filter);
        this.network = conventions.network() instanceof SpecConventions.BagNetwork bag
                ? new NetworkSteps(model, bag, successors, toTla) : null;
        this.silentSteps = new SilentStepSearch(successors, filter,
                maxSilentSteps > 0 ? model.nextActions() : new tlc2.tool.Action[0], maxSilentSteps,
                maxCandidates * SILENT_STATES_PER_CANDIDATE);
        SpecSource source = new SpecSource(model.signature().specFile().toAbsolutePath().getParent());
        this.explainer = new DivergenceExplainer(new GuardEvaluator(model.tool(), source), successors, filter,
                toJson, toTla);
        this.maxCandidates = maxCandidates;
    }

    @Override
    public Verdict check(Trace trace) {
        return check(trace.events().iterator(), Integer.MAX_VALUE, trace.header());
    }

    /**
     * Checks the events as they come, in causal order, looking at most {@code windowEvents} events ahead for the
     * network's steps (see NetworkPlan); memory is bounded by the window, not by the number of events. A divergence
     * may then come from a window too short; {@link #check(Trace)} looks ahead over the whole trace. In a log the
     * header declares complete each event's sends must be exactly the spec step's; in one it declares a log of
     * changes, what an event leaves out of its node's state must be unchanged by the step (see ChangeLog).
     */
    public Verdict check(Iterator<TraceEvent> events, int windowEvents, TraceHeader header) {
        List<TLCState> candidates = model.initialStates();
        // A set network takes no steps of its own: nothing to plan.
        NetworkPlan plan = network == null ? null : new NetworkPlan(events, windowEvents);
        Iterator<TraceEvent> inOrder = plan == null ? events : plan;
        int index = 0;
        for (; inOrder.hasNext(); index++) {
            TraceEvent event = inOrder.next();
            try {
                PreparedEvent step = PreparedEvent.of(event, model, toTla, header);
                NetworkPlan.Around around = plan == null ? NetworkPlan.NOTHING : plan.around();
                if (network != null) {
                    candidates = network.before(around, candidates, step);
                }
                List<TLCState> next = successors.agreeingWith(step, candidates);
                if (next.isEmpty()) {
                    next = silentSteps.reconnect(step, candidates);
                }
                if (next.isEmpty()) {
                    return new Verdict.Diverged(index, explain(step, candidates));
                }
                if (next.size() > maxCandidates) {
                    throw new CandidateBoundException(next.size() + " candidate states exceed the bound of "
                            + maxCandidates + "; log more of the state or raise the bound");
                }
                candidates = network == null ? next : network.after(around, next, step);
            } catch (CandidateBoundException e) {
                return new Verdict.Undecided(index, e.getMessage());
            } catch (TraceInputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw EvaluationError.at(event, e); // TLC failed on a logged value outside nextStates
            }
        }
        return new Verdict.Valid(index);
    }

    /**
     * Why the event diverged; if working that out fails, the divergence stands with only a summary, rather than
     * the report's own failure passing for bad input.
     */
    private Explanation explain(PreparedEvent step, List<TLCState> candidates) {
        try {
            return explainer.explain(step, candidates);
        } catch (TraceInputException e) {
            throw e;
        } catch (RuntimeException e) {
            return Explanation.summaryOnly(step.event().describeStep() + " is explained by no spec step (the "
                    + "report could not evaluate why: " + e + ")");
        }
    }
}
