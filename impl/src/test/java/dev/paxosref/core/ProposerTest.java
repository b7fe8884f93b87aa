package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposerTest {
    private static final QuorumSystem QUORUMS = new QuorumSystem(List.of("a1", "a2", "a3"));

    /** Proposer 1 of 3: it owns ballots 1, 4, 7, ... */
    private static Proposer proposer() {
        return new Proposer(1, 3, QUORUMS, Ballots.NONE);
    }

    @Test
    void proposeRecordsTheValue() {
        Proposer p = proposer();
        Step.Ready<Message> ready = p.Propose("x");
        assertEquals(new Action("Propose", Map.of("v", "x")), ready.action());
        assertTrue(p.hasHeard("x"));
        assertEquals(Optional.of("x"), p.valueToPropose());
    }

    @Test
    void phase1aStartsAnOwnedBallotAndPersistsIt() {
        Proposer p = proposer();
        Step.Ready<Message> ready = (Step.Ready<Message>) p.Phase1a(4);
        assertEquals(List.of(new Message.Msg1a(4)), ready.send());
        assertEquals(Optional.of(new ProposerDurable(4)), ready.persist());
        assertEquals(Map.of("pBal", 4, "pPhase", "p1"), ready.state());
    }

    @Test
    void phase1aIsNotEnabledForAnotherOwnersBallotOrAnOldOne() {
        Proposer p = proposer();
        assertEquals(new Step.NotEnabled("Phase1a", "Owner(b) = p"), p.Phase1a(3));
        p.Phase1a(4);
        assertEquals(new Step.NotEnabled("Phase1a", "b > pBal[p]"), p.Phase1a(4));
        assertEquals(new Step.NotEnabled("Phase1a", "b > pBal[p]"), p.Phase1a(1));
        assertEquals(4, p.pBal());
    }

    @Test
    void phase2aWithFreeChoiceSendsAProposedValue() {
        Proposer p = proposer();
        p.Propose("x");
        p.Phase1a(4);
        p.receive(new Message.Msg1b("a1", 4, -1, null));
        p.receive(new Message.Msg1b("a3", 4, -1, null));
        Step.Ready<Message> ready = (Step.Ready<Message>) p.Phase2a("x");
        assertEquals(List.of(new Message.Msg2a(4, "x")), ready.send());
        assertEquals(2, ready.recv().size(), "the quorum of promises it read");
        assertEquals(Proposer.Phase.P2, p.pPhase());
    }

    @Test
    void phase2aMustTakeTheHighestReportedVote() {
        Proposer p = proposer();
        p.Propose("mine");
        p.Phase1a(4);
        p.receive(new Message.Msg1b("a1", 4, 0, "old"));
        p.receive(new Message.Msg1b("a2", 4, 2, "newer"));
        p.receive(new Message.Msg1b("a3", 4, -1, null));
        assertEquals(Optional.of("newer"), p.valueToPropose());
        assertEquals(new Step.NotEnabled("Phase2a", "SafeValue(PromisesFrom(Q, pBal[p]), v)"), p.Phase2a("mine"));
        // {a1, a3} is a quorum whose highest vote is "old": the spec allows it too
        assertTrue(p.Phase2a("old").enabled());
    }

    @Test
    void phase2aIsNotEnabledWithoutAQuorumOrOutsidePhase1() {
        Proposer p = proposer();
        p.Propose("x");
        assertEquals(new Step.NotEnabled("Phase2a", "pPhase[p] = \"p1\""), p.Phase2a("x"));
        p.Phase1a(4);
        p.receive(new Message.Msg1b("a1", 4, -1, null));
        p.receive(new Message.Msg1b("a1", 4, -1, null));
        p.receive(new Message.Msg1b("a2", 1, -1, null));
        assertEquals(new Step.NotEnabled("Phase2a", "PromisedBy(Q, pBal[p])"), p.Phase2a("x"));
    }

    @Test
    void phase2aIsNotEnabledForAValueNobodyProposed() {
        Proposer p = proposer();
        p.Phase1a(4);
        p.receive(new Message.Msg1b("a1", 4, -1, null));
        p.receive(new Message.Msg1b("a2", 4, -1, null));
        assertEquals(new Step.NotEnabled("Phase2a", "SafeValue(PromisesFrom(Q, pBal[p]), v)"), p.Phase2a("x"));
    }

    @Test
    void proposerCrashKeepsOnlyPBal() {
        Proposer p = proposer();
        p.Propose("x");
        p.Phase1a(4);
        Step.Ready<Message> ready = p.ProposerCrash();
        assertEquals(Map.of("pBal", 4, "pPhase", "idle"), ready.state());
        assertEquals(Optional.empty(), p.valueToPropose());
        assertEquals(new Step.NotEnabled("Phase1a", "b > pBal[p]"), p.Phase1a(4), "a used ballot stays used");
    }
}
