package dev.paxosref.sim;

import dev.paxosref.core.rsm.Command;
import java.util.List;
import java.util.Optional;

/**
 * The user's promise "after I write, I read what I wrote, even across a leader crash", on the key only one client
 * writes: every answered get of it returns the value of that client's last answered write (a put, or a cas that
 * answered "true"), or "nil" before the first. A client runs one operation at a time, so its answered operations
 * are in the order they took effect.
 */
final class ReadYourWrites {
    private ReadYourWrites() {
    }

    /** The first read of {@code key} in the client's history that missed the client's own last write. */
    static Optional<String> firstMissedWrite(List<HistoryOp> history, String key) {
        String written = "nil";
        for (HistoryOp op : history) {
            if (op.isPending()) {
                continue;
            }
            Command command = op.command();
            if (command instanceof Command.Put put && put.key().equals(key)) {
                written = put.value();
            } else if (command instanceof Command.Cas cas && cas.key().equals(key) && op.result().equals("true")) {
                written = cas.update();
            } else if (command instanceof Command.Get get && get.key().equals(key) && !op.result().equals(written)) {
                return Optional.of(op + " read " + op.result() + " after the client wrote " + written);
            }
        }
        return Optional.empty();
    }
}
