package dev.paxosref.trace.step;

import dev.paxosref.trace.format.LoggedMessage;
import java.util.List;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;

/**
 * Reconnects a partial log: when the logged event fits no successor of the candidates, looks for up to
 * {@code maxSilentSteps} unlogged spec steps (sub-actions of Next) after which it fits. Breadth-first, so the
 * shortest reconnection wins, and bounded in depth and states.
 *
 * <p>Guided by the event first: if it received messages the spec has not sent yet, the unlogged steps are most
 * likely the sends of those messages, so a first search keeps only steps that send one of them. That search is
 * narrow, so it reaches deep cheaply. Only if it fails does a blind search over every sub-action run, which keeps
 * the verdict the same as the referee's, whose trace spec allows any silent step.
 */
final class SilentStepSearch {
    private final Successors successors;
    private final LoggedStepFilter filter;
    private final Action[] silentActions;
    private final int maxSilentSteps;
    private final int maxStates;

    /** Which silent steps a search follows. */
    private interface StepSelection {
        boolean follows(TLCState pre, TLCState post);
    }

    SilentStepSearch(Successors successors, LoggedStepFilter filter, Action[] silentActions, int maxSilentSteps,
                     int maxStates) {
        this.successors = successors;
        this.filter = filter;
        this.silentActions = silentActions;
        this.maxSilentSteps = maxSilentSteps;
        this.maxStates = maxStates;
    }

    /** The candidates after the shortest silent prefix and the event; empty if none within the bounds. */
    List<TLCState> reconnect(PreparedEvent step, List<TLCState> candidates) {
        if (maxSilentSteps == 0) {
            return List.of();
        }
        boolean awaitsMessages = candidates.stream().anyMatch(s -> missingMessages(step, s) > 0);
        if (awaitsMessages) {
            List<TLCState> guided = search(step, candidates,
                    (pre, post) -> missingMessages(step, post) < missingMessages(step, pre));
            if (!guided.isEmpty()) {
                return guided;
            }
        }
        return search(step, candidates, (pre, post) -> true);
    }

    private List<TLCState> search(PreparedEvent step, List<TLCState> candidates, StepSelection selection) {
        Successors.StateSet seen = new Successors.StateSet();
        candidates.forEach(seen::add);
        List<TLCState> frontier = candidates;
        for (int depth = 1; depth <= maxSilentSteps && !frontier.isEmpty(); depth++) {
            Successors.StateSet next = new Successors.StateSet();
            for (TLCState pre : frontier) {
                for (Action silent : silentActions) {
                    StateVec posts = successors.nextStates(silent, pre, step);
                    for (int i = 0; i < posts.size(); i++) {
                        TLCState post = posts.elementAt(i);
                        if (selection.follows(pre, post) && seen.add(post)) {
                            next.add(post);
                        }
                    }
                    if (seen.size() > maxStates) {
                        throw new CandidateBoundException("silent-step search explored more than " + maxStates
                                + " states; lower --max-silent-steps or log more events");
                    }
                }
            }
            List<TLCState> matched = successors.agreeingWith(step, next.states());
            if (!matched.isEmpty()) {
                return matched;
            }
            frontier = next.states();
        }
        return List.of();
    }

    private int missingMessages(PreparedEvent step, TLCState state) {
        int missing = 0;
        for (LoggedMessage received : step.event().recv()) {
            missing += filter.isPresent(received, state) ? 0 : 1;
        }
        return missing;
    }
}
