package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.rsm.Command;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadYourWritesTest {
    private static HistoryOp op(Command command, long at, String result) {
        return new HistoryOp("c1", command, at, at + 1, result);
    }

    @Test
    void readsTheLastOwnWriteOrNil() {
        List<HistoryOp> history = List.of(
            op(new Command.Get("own"), 0, "nil"),
            op(new Command.Put("own", "v1"), 2, "ok"),
            op(new Command.Cas("own", "v0", "v9"), 4, "false"),
            op(new Command.Get("own"), 6, "v1"),
            op(new Command.Cas("own", "v1", "v2"), 8, "true"),
            op(new Command.Get("other"), 10, "v7"),
            op(new Command.Get("own"), 12, "v2"),
            HistoryOp.pending("c1", new Command.Put("own", "v3"), 14));
        assertEquals(Optional.empty(), ReadYourWrites.firstMissedWrite(history, "own"));
    }

    @Test
    void aReadThatMissesTheWriteBeforeItIsReported() {
        List<HistoryOp> history = List.of(
            op(new Command.Put("own", "v1"), 0, "ok"),
            op(new Command.Get("own"), 2, "nil"));
        Optional<String> missed = ReadYourWrites.firstMissedWrite(history, "own");
        assertTrue(missed.orElseThrow().contains("read nil after the client wrote v1"), missed.get());
    }
}
