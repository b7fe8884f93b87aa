package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.ProposerDurable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DurableStoreTest {
    private static final FaultProfile LOSE_OR_TEAR = new FaultProfile("test", 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1);

    @Test
    void syncedRecordsSurviveACrashAndTheUnsyncedOneDoesNot() {
        SimDisk disk = new SimDisk();
        DurableStore store = new DurableStore(disk);
        store.write(new AcceptorState(3, 2, "v"));
        store.write(new ProposerDurable(7));
        store.sync();
        store.write(new AcceptorState(9, 2, "v"));
        disk.crash(new SplittableRandom(1), LOSE_OR_TEAR);
        assertEquals(new DurableStore.Recovered(new AcceptorState(3, 2, "v"), 7), store.recover());
    }

    @Test
    void aTornTailIsCutSoLaterRecordsAreRead() {
        for (long seed = 0; seed < 50; seed++) {
            SimDisk disk = new SimDisk();
            DurableStore store = new DurableStore(disk);
            store.write(new AcceptorState(1, -1, null));
            store.sync();
            store.write(new AcceptorState(5, 5, "torn"));
            disk.crash(new SplittableRandom(seed), LOSE_OR_TEAR);
            assertEquals(new AcceptorState(1, -1, null), store.recover().acceptor());
            store.write(new AcceptorState(2, -1, null));
            store.sync();
            assertEquals(new AcceptorState(2, -1, null), store.recover().acceptor(), "seed " + seed);
        }
    }
}
