package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiAcceptorTest {
    private static final List<String> REPLICAS = List.of("r1", "r2");

    private static MultiAcceptor fresh() {
        return new MultiAcceptor("a1", REPLICAS, MultiAcceptorDurable.INITIAL);
    }

    private static Step.Ready<MultiMessage> ready(Step<MultiMessage> step) {
        return (Step.Ready<MultiMessage>) step;
    }

    @Test
    void phase1bPromisesAndReportsEveryVoteItHolds() {
        MultiAcceptor a = fresh();
        ready(a.Phase1b(2));
        ready(a.Phase2b(2, 1, "x"));
        Step.Ready<MultiMessage> promise = ready(a.Phase1b(5));
        assertEquals(new Action("Phase1b", Map.of("a", "a1", "b", 5)), promise.action());
        assertEquals(List.of(new MultiMessage.Msg1a("a1", 5)), promise.recv());
        assertEquals(List.of(new MultiMessage.Msg1b("a1", 5, 1, List.of(new SlotVote(1, 2, "x")))), promise.send());
        assertEquals(Optional.of(a.durable()), promise.persist(), "the promise is durable before the 1b leaves");
        assertEquals(5, a.maxBal());
    }

    @Test
    void phase1bAnswersADuplicated1aAgainButNotALowerOne() {
        MultiAcceptor a = fresh();
        a.Phase1b(3);
        assertEquals(true, a.Phase1b(3).enabled());
        assertEquals(new Step.NotEnabled("Phase1b", "b >= maxBal[a]"), a.Phase1b(2));
    }

    @Test
    void reject1aTellsTheOwnerOfTheHigherPromiseOnlyBelowIt() {
        MultiAcceptor a = fresh();
        a.Phase1b(4);
        assertEquals(List.of(new MultiMessage.Preempted(1, 4)), ready(a.Reject1a(1)).send());
        assertEquals(new Step.NotEnabled("Reject1a", "b < maxBal[a]"), a.Reject1a(4));
    }

    @Test
    void phase2bVotesPerSlotAndRaisesThePromise() {
        MultiAcceptor a = fresh();
        Step.Ready<MultiMessage> vote = ready(a.Phase2b(3, 2, "y"));
        assertEquals(List.of(new MultiMessage.Msg2a("a1", 3, 2, "y")), vote.recv());
        assertEquals(List.of(new MultiMessage.Msg2b("a1", 3, 2, "y", 1)), vote.send());
        assertEquals(new MultiAcceptorDurable(3, List.of(new SlotVote(2, 3, "y")), 1), vote.persist().orElseThrow());
        ready(a.Phase2b(4, 2, "z"));
        assertEquals(List.of(new SlotVote(2, 4, "z")), a.durable().accepted(), "one vote per slot, the last");
    }

    @Test
    void phase2bIsNotEnabledBelowThePromiseOrBelowLow() {
        MultiAcceptor a = new MultiAcceptor("a1", REPLICAS, new MultiAcceptorDurable(5, List.of(), 3));
        assertEquals(new Step.NotEnabled("Phase2b", "b >= maxBal[a]"), a.Phase2b(4, 3, "v"));
        assertEquals(new Step.NotEnabled("Phase2b", "s >= low[a]"), a.Phase2b(5, 2, "v"));
    }

    @Test
    void reject2aPreemptsBelowThePromiseAndDropsBelowLow() {
        MultiAcceptor a = new MultiAcceptor("a1", REPLICAS, new MultiAcceptorDurable(5, List.of(), 3));
        assertEquals(List.of(new MultiMessage.Preempted(4, 5)), ready(a.Reject2a(4, 3, "v")).send());
        assertEquals(List.of(), ready(a.Reject2a(5, 2, "v")).send());
        assertEquals(new Step.NotEnabled("Reject2a", "b < maxBal[a] \\/ s < low[a]"), a.Reject2a(5, 3, "v"));
    }

    @Test
    void receiveSnapshotForgetsOnlyBelowEveryReplicasSnapshot() {
        MultiAcceptor a = fresh();
        a.Phase2b(1, 1, "x");
        a.Phase2b(1, 2, "y");
        a.Phase2b(1, 3, "z");
        ready(a.ReceiveSnapshot("r1", 2));
        assertEquals(1, a.low(), "r2 has not snapshotted: nothing may be forgotten");
        Step.Ready<MultiMessage> step = ready(a.ReceiveSnapshot("r2", 1));
        assertEquals(2, a.low());
        assertEquals(List.of(new SlotVote(2, 1, "y"), new SlotVote(3, 1, "z")), a.durable().accepted());
        assertEquals(Map.of("r1", 2, "r2", 1), step.state().get("heard"));
        assertEquals(new Step.NotEnabled("ReceiveSnapshot", "r \\in Replica"), a.ReceiveSnapshot("r9", 5));
        assertEquals(List.of(new MultiMessage.Msg2b("a1", 1, 4, "w", 2)), ready(a.Phase2b(1, 4, "w")).send(),
            "a 2b carries the acceptor's low, below which its leader may forget decisions");
    }

    @Test
    void acceptorCrashForgetsOnlyHeard() {
        MultiAcceptor a = fresh();
        a.Phase1b(2);
        a.ReceiveSnapshot("r1", 4);
        Step.Ready<MultiMessage> crash = a.AcceptorCrash();
        assertEquals(Map.of("r1", 0, "r2", 0), crash.state().get("heard"));
        assertEquals(2, crash.state().get("maxBal"));
    }
}
