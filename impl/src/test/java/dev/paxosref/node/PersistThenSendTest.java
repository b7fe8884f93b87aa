package dev.paxosref.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Action;
import dev.paxosref.core.Message;
import dev.paxosref.core.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Write and sync, then record, then send; a machine that dies in the sync took the step only if its write survived. */
class PersistThenSendTest {
    private static final AcceptorState PROMISED = new AcceptorState(4, -1, null);
    private static final Step.Ready<Message> PHASE1B = new Step.Ready<>(Action.of("Phase1b", "a", "a1", "b", 4),
        List.of(), Optional.of(PROMISED), List.of(new Message.Msg1b("a1", 4, -1, null)), Map.of());

    private final MemoryStorage disk = new MemoryStorage();
    private final PaxosStore store = new PaxosStore(disk);
    private final List<String> events = new ArrayList<>();
    private final PersistThenSend<Message> persistence = new PersistThenSend<>(store, new PersistThenSend.Outcome<>() {
        @Override
        public void executed(Step.Ready<Message> ready) {
            events.add("executed " + ready.action().name() + " with " + store.recover().acceptor() + " on disk");
        }

        @Override
        public void send(Message message) {
            events.add("send " + message.type());
        }

        @Override
        public void crashedDuringWrite() {
            events.add("crashed");
        }
    });

    @Test
    void theStateIsOnDiskBeforeTheStepIsRecordedAndItsMessagesLeave() {
        assertTrue(persistence.commit(PHASE1B));
        assertEquals(List.of("executed Phase1b with " + PROMISED + " on disk", "send 1b"), events);
    }

    @Test
    void aMachineThatDiesInTheSyncKeepingTheWriteTookTheStepButSentNothing() {
        disk.nextSync = MemoryStorage.SyncOutcome.DIES_KEEPING_WRITES;
        assertFalse(persistence.commit(PHASE1B));
        assertEquals(List.of("executed Phase1b with " + PROMISED + " on disk", "crashed"), events);
    }

    @Test
    void aMachineThatDiesInTheSyncLosingTheWriteNeverTookTheStep() {
        disk.nextSync = MemoryStorage.SyncOutcome.DIES_LOSING_WRITES;
        assertFalse(persistence.commit(PHASE1B));
        assertEquals(List.of("crashed"), events);
    }

    @Test
    void aStepThatIsNotEnabledDoesNothing() {
        assertFalse(persistence.commit(new Step.NotEnabled<>("Phase1b", "b > maxBal[a]")));
        assertEquals(List.of(), events);
        assertEquals(0, disk.readBack().length);
    }
}
