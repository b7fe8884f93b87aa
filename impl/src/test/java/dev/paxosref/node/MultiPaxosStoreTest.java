package dev.paxosref.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.MachineState;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.ProposerDurable;
import dev.paxosref.core.ReplicaDurable;
import dev.paxosref.core.SlotVote;
import dev.paxosref.core.rsm.Reply;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each role's durable state reads back from its checksummed records, and a torn last record is cut off. */
class MultiPaxosStoreTest {
    private static final MultiAcceptorDurable ACCEPTOR =
        new MultiAcceptorDurable(7, List.of(new SlotVote(2, 7, "c1|1|incr")), 2);
    private static final ReplicaDurable REPLICA = new ReplicaDurable(new TreeMap<>(Map.of(3, "NoOp")),
        new MachineState(2, 1, new TreeMap<>(Map.of("k", "v")), List.of(new Reply("c1", 1, "1"))));

    @Test
    void eachRoleReadsBackItsLastRecord() {
        MemoryStorage disk = new MemoryStorage();
        MultiPaxosStore store = new MultiPaxosStore(disk);
        store.write(MultiAcceptorDurable.INITIAL);
        store.write(ACCEPTOR);
        store.write(new ProposerDurable(7));
        store.write(REPLICA);
        store.sync();
        assertEquals(new MultiPaxosDurable(ACCEPTOR, 7, REPLICA), new MultiPaxosStore(disk).recover());
        assertTrue(store.holds(REPLICA));
    }

    @Test
    void aTornLastRecordIsCutOffAndTheOneBeforeCounts() {
        MemoryStorage disk = new MemoryStorage();
        MultiPaxosStore store = new MultiPaxosStore(disk);
        store.write(new ProposerDurable(4));
        int intact = disk.readBack().length;
        store.write(new ProposerDurable(9));
        disk.truncate(disk.readBack().length - 2);
        assertEquals(4, store.recover().pBal());
        assertEquals(intact, disk.readBack().length, "the torn tail is gone, so later records are not hidden");
        assertEquals(MultiAcceptorDurable.INITIAL, store.recover().acceptor());
    }
}
