package dev.paxosref.sim;

import dev.paxosref.core.rsm.Command;

/**
 * One client operation as the client saw it: invoked at invokeMs, answered with result at responseMs. A pending
 * operation (no answer yet) has result null and responseMs Long.MAX_VALUE: it may or may not have taken effect.
 */
public record HistoryOp(String clientId, Command command, long invokeMs, long responseMs, String result) {
    public HistoryOp {
        if (responseMs < invokeMs) {
            throw new IllegalArgumentException("operation answered before it was invoked: " + this);
        }
    }

    public static HistoryOp pending(String clientId, Command command, long invokeMs) {
        return new HistoryOp(clientId, command, invokeMs, Long.MAX_VALUE, null);
    }

    public boolean isPending() {
        return result == null;
    }
}
