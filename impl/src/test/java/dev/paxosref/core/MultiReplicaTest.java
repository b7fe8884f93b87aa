package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultiReplicaTest {
    private static final List<String> ACCEPTORS = List.of("a1", "a2");
    private static final String INC_1 = CommandCodec.encode(new ClientRequest("c1", 1, new Command.Increment()));
    private static final String INC_2 = CommandCodec.encode(new ClientRequest("c2", 1, new Command.Increment()));

    private static MultiReplica fresh() {
        return new MultiReplica("r1", ACCEPTORS, 2, ReplicaDurable.INITIAL);
    }

    private static Step.Ready<MultiMessage> ready(Step<MultiMessage> step) {
        return (Step.Ready<MultiMessage>) step;
    }

    @Test
    void receiveDecisionLogsTheSlotDurablyUnlessAlreadyExecuted() {
        MultiReplica r = fresh();
        Step.Ready<MultiMessage> learned = r.ReceiveDecision(1, INC_1);
        assertEquals(List.of(new MultiMessage.Decision("r1", 1, INC_1)), learned.recv());
        assertEquals(Optional.of(r.durable()), learned.persist());
        ready(r.Execute());
        Step.Ready<MultiMessage> old = r.ReceiveDecision(1, INC_1);
        assertEquals(Optional.empty(), old.persist(), "an executed slot is dropped");
    }

    @Test
    void executeRunsSlotsInOrderAndRepliesWithTheCounter() {
        MultiReplica r = fresh();
        r.ReceiveDecision(2, INC_2);
        assertTrue(r.hasGap());
        assertEquals(new Step.NotEnabled("Execute", "sm[r].idx + 1 \\in DOMAIN rLog[r]"), r.Execute());
        r.ReceiveDecision(1, INC_1);
        assertEquals(List.of(new MultiMessage.Reply(INC_1, "1")), ready(r.Execute()).send());
        assertEquals(List.of(new MultiMessage.Reply(INC_2, "2")), ready(r.Execute()).send());
        assertEquals(2, r.sm().idx());
    }

    @Test
    void aCommandChosenTwiceCountsOnceAndNoOpCountsNever() {
        MultiReplica r = fresh();
        r.ReceiveDecision(1, INC_1);
        r.ReceiveDecision(2, MultiMessage.NO_OP);
        r.ReceiveDecision(3, INC_1);
        r.Execute();
        assertEquals(List.of(), ready(r.Execute()).send());
        assertEquals(List.of(new MultiMessage.Reply(INC_1, "1")), ready(r.Execute()).send(), "the first result again");
        assertEquals(1, r.sm().count());
    }

    @Test
    void snapshotPersistsTheStateDropsTheLogAndTellsEveryAcceptor() {
        MultiReplica r = fresh();
        assertEquals(new Step.NotEnabled("Snapshot", "sm[r].idx > snap[r].idx"), r.Snapshot());
        r.ReceiveDecision(1, INC_1);
        r.Execute();
        Step.Ready<MultiMessage> snap = ready(r.Snapshot());
        assertEquals(List.of(new MultiMessage.Snapshot("r1", "a1", 1), new MultiMessage.Snapshot("r1", "a2", 1)),
            snap.send());
        assertEquals(Map.of(), r.durable().rLog());
        assertEquals(1, r.durable().snap().idx());
    }

    @Test
    void replicaCrashRestartsFromTheSnapshotAndReplaysTheLog() {
        MultiReplica r = fresh();
        r.ReceiveDecision(1, INC_1);
        r.Execute();
        r.Snapshot();
        r.ReceiveDecision(2, INC_2);
        r.Execute();
        r.ReplicaCrash();
        assertEquals(1, r.sm().idx());
        assertEquals(List.of(new MultiMessage.Reply(INC_2, "2")), ready(r.Execute()).send());
        MultiReplica restarted = new MultiReplica("r1", ACCEPTORS, 2, r.durable());
        assertEquals(1, restarted.sm().idx(), "a restarted replica resumes from its durable snapshot");
    }

    @Test
    void requestCatchUpAsksEveryProposerForTheNextSlotUnlessItIsDecidedHere() {
        MultiReplica r = fresh();
        r.ReceiveDecision(2, INC_2);
        assertTrue(r.hasGap());
        Step.Ready<MultiMessage> ask = ready(r.RequestCatchUp());
        assertEquals(List.of(new MultiMessage.CatchUp("r1", 0, 1), new MultiMessage.CatchUp("r1", 1, 1)), ask.send());
        assertEquals(Optional.empty(), ask.persist());
        r.ReceiveDecision(1, INC_1);
        assertEquals(new Step.NotEnabled<>("RequestCatchUp", "sm[r].idx + 1 \\notin DOMAIN rLog[r]"),
            r.RequestCatchUp());
    }
}
