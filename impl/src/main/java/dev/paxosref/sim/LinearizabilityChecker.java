package dev.paxosref.sim;

import dev.paxosref.core.rsm.StateMachine;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wing and Gong's search, memoized as in Lowe's and Porcupine's checkers: a history is linearizable if its
 * operations can be ordered, each somewhere between its invocation and its response, so that the sequential
 * state machine gives every completed operation the result it saw. Pending operations may be left out.
 */
public final class LinearizabilityChecker {
    /** The search is exponential in the worst case; histories here are small, and larger ones are refused. */
    public static final int OPERATIONS_MAX = 64;

    private record Visited(BitSet linearized, Object state) {
    }

    private final List<HistoryOp> history;
    private final Set<Visited> dead = new HashSet<>();

    private LinearizabilityChecker(List<HistoryOp> history) {
        this.history = List.copyOf(history);
    }

    /** Whether the history is linearizable with respect to a fresh state machine from {@code initial}. */
    public static boolean isLinearizable(List<HistoryOp> history, Supplier<StateMachine> initial) {
        if (history.size() > OPERATIONS_MAX) {
            throw new IllegalArgumentException("history of " + history.size() + " operations exceeds "
                + OPERATIONS_MAX);
        }
        return new LinearizabilityChecker(history).search(new BitSet(), initial.get());
    }

    private boolean search(BitSet linearized, StateMachine state) {
        if (allCompletedLinearized(linearized)) {
            return true;
        }
        if (!dead.add(new Visited((BitSet) linearized.clone(), state.snapshot()))) {
            return false; // explored from here before and failed
        }
        long firstResponseMs = firstPendingResponseMs(linearized);
        for (int i = 0; i < history.size(); i++) {
            HistoryOp op = history.get(i);
            // op can go next only if no remaining operation finished before op began
            if (linearized.get(i) || op.invokeMs() > firstResponseMs) {
                continue;
            }
            StateMachine next = state.copy();
            String result = next.apply(op.command());
            if (op.isPending() || result.equals(op.result())) {
                linearized.set(i);
                boolean found = search(linearized, next);
                linearized.clear(i);
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allCompletedLinearized(BitSet linearized) {
        for (int i = 0; i < history.size(); i++) {
            if (!history.get(i).isPending() && !linearized.get(i)) {
                return false;
            }
        }
        return true;
    }

    private long firstPendingResponseMs(BitSet linearized) {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < history.size(); i++) {
            if (!linearized.get(i)) {
                first = Math.min(first, history.get(i).responseMs());
            }
        }
        return first;
    }
}
