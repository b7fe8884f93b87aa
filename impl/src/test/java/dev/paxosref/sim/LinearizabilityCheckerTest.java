package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CounterKvStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
    private static final Command INCR = new Command.Increment();
    private static final Command COUNT = new Command.CounterGet();

    private static boolean linearizable(HistoryOp... ops) {
        return LinearizabilityChecker.isLinearizable(List.of(ops), CounterKvStore::new);
    }

    private static HistoryOp op(String client, Command command, long invokeMs, long responseMs, String result) {
        return new HistoryOp(client, command, invokeMs, responseMs, result);
    }

    @Test
    void concurrentIncrementsMayTakeEitherOrder() {
        assertTrue(linearizable(op("c1", INCR, 0, 10, "2"), op("c2", INCR, 5, 15, "1")));
    }

    @Test
    void aReadMustSeeAWriteThatFinishedBeforeItBegan() {
        assertFalse(linearizable(op("c1", INCR, 0, 10, "1"), op("c2", COUNT, 11, 20, "0")), "stale read");
        assertTrue(linearizable(op("c1", INCR, 0, 10, "1"), op("c2", COUNT, 5, 20, "0")), "overlapping read");
    }

    @Test
    void twoIncrementsCannotBothReturnOne() {
        assertFalse(linearizable(op("c1", INCR, 0, 10, "1"), op("c2", INCR, 0, 10, "1")));
    }

    @Test
    void casSucceedsOnlyOnceOnAnAbsentKey() {
        Command casA = new Command.Cas("k", "nil", "a");
        Command casB = new Command.Cas("k", "nil", "b");
        assertFalse(linearizable(op("c1", casA, 0, 10, "true"), op("c2", casB, 0, 10, "true")));
        assertTrue(linearizable(op("c1", casA, 0, 10, "true"), op("c2", casB, 0, 10, "false"),
            op("c3", new Command.Get("k"), 11, 12, "a")));
    }

    @Test
    void aReadCannotGoBackInTime() {
        Command put1 = new Command.Put("k", "1");
        Command put2 = new Command.Put("k", "2");
        Command get = new Command.Get("k");
        assertFalse(linearizable(op("c1", put1, 0, 5, "ok"), op("c1", put2, 6, 10, "ok"),
            op("c2", get, 0, 20, "2"), op("c2", get, 21, 30, "1")));
    }

    @Test
    void aPendingOperationMayOrMayNotHaveHappened() {
        assertTrue(linearizable(HistoryOp.pending("c1", INCR, 0), op("c2", COUNT, 5, 6, "1")));
        assertTrue(linearizable(HistoryOp.pending("c1", INCR, 0), op("c2", COUNT, 5, 6, "0")));
        assertFalse(linearizable(HistoryOp.pending("c1", INCR, 0), op("c2", COUNT, 5, 6, "2")));
    }

    @Test
    void memoizationKeepsWideConcurrentHistoriesFast() {
        List<HistoryOp> ops = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ops.add(op("c" + i, INCR, 0, 100, Integer.toString(i + 1)));
        }
        ops.add(op("x", COUNT, 101, 102, "31"));
        assertFalse(LinearizabilityChecker.isLinearizable(ops, CounterKvStore::new), "31 increments seen, 30 ran");
    }
}
