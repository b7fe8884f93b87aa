package dev.paxosref.trace.step;

import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.spec.EvaluationError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;

/** TLC's successors of a set of states under one action, optionally filtered by a logged event, without duplicates. */
final class Successors {
    private final FastTool tool;
    private final LoggedStepFilter filter;
    private final ActionLets lets = new ActionLets();

    Successors(FastTool tool, LoggedStepFilter filter) {
        this.tool = tool;
        this.filter = filter;
    }

    /** The successors under the event's action that agree with everything the event logged. */
    List<TLCState> agreeingWith(PreparedEvent step, List<TLCState> candidates) {
        StateSet agreeing = new StateSet();
        for (TLCState pre : candidates) {
            StateVec next = nextStates(step.action(), pre, step);
            for (int i = 0; i < next.size(); i++) {
                TLCState post = next.elementAt(i);
                if (filter.agrees(step, pre, post)) {
                    agreeing.add(post);
                }
            }
        }
        return agreeing.states();
    }

    /**
     * Every successor of {@code pre} under {@code action}, its LET definitions evaluated once (see ActionLets); a TLC
     * evaluation error is the event's input error.
     */
    StateVec nextStates(Action action, TLCState pre, PreparedEvent blame) {
        try {
            return tool.getNextStates(lets.bound(action), pre);
        } catch (TraceInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw EvaluationError.at(blame.event(), e);
        }
    }

    /**
     * States in insertion order without duplicates. The common case is one state, so fingerprints are computed only
     * once a second state arrives.
     */
    static final class StateSet {
        private final List<TLCState> states = new ArrayList<>(2);
        private Set<Long> fingerprints;

        boolean add(TLCState state) {
            if (states.isEmpty()) {
                states.add(state);
                return true;
            }
            if (fingerprints == null) {
                fingerprints = new HashSet<>();
                fingerprints.add(states.get(0).fingerPrint());
            }
            if (!fingerprints.add(state.fingerPrint())) {
                return false;
            }
            states.add(state);
            return true;
        }

        int size() {
            return states.size();
        }

        List<TLCState> states() {
            return states;
        }
    }
}
