package dev.paxosref.trace.step;

import java.util.List;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;

/**
 * Reconnects a partial log: when the logged event fits no successor of the candidates, looks for up to
 * {@code maxSilentSteps} unlogged spec steps (any sub-action of Next) after which it fits. Breadth-first, so the
 * shortest reconnection wins, and bounded in both depth and states so it stays tractable.
 */
final class SilentStepSearch {
    private final Successors successors;
    private final Action[] silentActions;
    private final int maxSilentSteps;
    private final int maxStates;

    SilentStepSearch(Successors successors, Action[] silentActions, int maxSilentSteps, int maxStates) {
        this.successors = successors;
        this.silentActions = silentActions;
        this.maxSilentSteps = maxSilentSteps;
        this.maxStates = maxStates;
    }

    /** The candidates after the shortest silent prefix and the event; empty if none within the bounds. */
    List<TLCState> reconnect(PreparedEvent step, List<TLCState> candidates) {
        Successors.StateSet seen = new Successors.StateSet();
        candidates.forEach(seen::add);
        List<TLCState> frontier = candidates;
        for (int depth = 1; depth <= maxSilentSteps && !frontier.isEmpty(); depth++) {
            Successors.StateSet next = new Successors.StateSet();
            for (TLCState pre : frontier) {
                for (Action silent : silentActions) {
                    StateVec posts = successors.nextStates(silent, pre, step);
                    for (int i = 0; i < posts.size(); i++) {
                        if (seen.add(posts.elementAt(i))) {
                            next.add(posts.elementAt(i));
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
}
