package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.ProposerDurable;
import dev.paxosref.node.PaxosDurable;
import dev.paxosref.node.PaxosStore;
import org.junit.jupiter.api.Test;

/** The single-decree store on the simulator's lying disk: what survives a crash, and a torn tail cut off. */
class PaxosStoreTest {
    private static final FaultProfile LOSE_OR_TEAR = new FaultProfile("test", 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1);
    private static final FaultProfile CRASH_IN_SYNC = new FaultProfile("test", 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1);

    private static SimDisk disk(long seed, FaultProfile faults) {
        return new SimDisk(new SimEnvironment(seed, faults, SimTiming.DEFAULT));
    }

    @Test
    void syncedRecordsSurviveACrashAndTheUnsyncedOneDoesNot() {
        SimDisk disk = disk(1, LOSE_OR_TEAR);
        PaxosStore store = new PaxosStore(disk);
        store.write(new AcceptorState(3, 2, "v"));
        store.write(new ProposerDurable(7));
        assertTrue(store.sync());
        store.write(new AcceptorState(9, 2, "v"));
        disk.crash();
        assertEquals(new PaxosDurable(new AcceptorState(3, 2, "v"), 7), store.recover());
        assertTrue(store.holds(new ProposerDurable(7)));
        assertFalse(store.holds(new AcceptorState(9, 2, "v")));
    }

    @Test
    void aTornTailIsCutSoLaterRecordsAreRead() {
        for (long seed = 0; seed < 50; seed++) {
            SimDisk disk = disk(seed, LOSE_OR_TEAR);
            PaxosStore store = new PaxosStore(disk);
            store.write(new AcceptorState(1, -1, null));
            store.sync();
            store.write(new AcceptorState(5, 5, "torn"));
            disk.crash();
            assertEquals(new AcceptorState(1, -1, null), store.recover().acceptor());
            store.write(new AcceptorState(2, -1, null));
            store.sync();
            assertEquals(new AcceptorState(2, -1, null), store.recover().acceptor(), "seed " + seed);
        }
    }

    @Test
    void aMachineThatDiesDuringTheSyncSaysSoAndKeepsOnlyWhatWasSyncedBefore() {
        SimDisk disk = disk(3, CRASH_IN_SYNC);
        PaxosStore store = new PaxosStore(disk);
        store.write(new AcceptorState(4, 4, "v"));
        assertFalse(store.sync());
        assertEquals(new PaxosDurable(AcceptorState.INITIAL, -1), store.recover());
    }
}
