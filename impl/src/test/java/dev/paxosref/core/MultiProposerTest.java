package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiProposerTest {
    private static final QuorumSystem QUORUMS = new QuorumSystem(List.of("a1", "a2", "a3"));
    private static final List<String> REPLICAS = List.of("r1", "r2");

    private static MultiProposer fresh() {
        return new MultiProposer(1, 2, QUORUMS, REPLICAS, Ballots.NONE);
    }

    private static Step.Ready<MultiMessage> ready(Step<MultiMessage> step) {
        return (Step.Ready<MultiMessage>) step;
    }

    private static MultiMessage.Msg1b promise(String a, int b, int low, SlotVote... votes) {
        return new MultiMessage.Msg1b(a, b, low, List.of(votes));
    }

    /** A proposer leading ballot 3 with nothing to re-propose. */
    private static MultiProposer leading() {
        MultiProposer p = fresh();
        p.Phase1a(3);
        p.ReceivePromise(promise("a1", 3, 1));
        p.ReceivePromise(promise("a2", 3, 1));
        return p;
    }

    @Test
    void phase1aStartsAnOwnBallotAboveTheLastAndMakesItDurable() {
        MultiProposer p = fresh();
        Step.Ready<MultiMessage> start = ready(p.Phase1a(3));
        assertEquals(Optional.of(new ProposerDurable(3)), start.persist());
        assertEquals(List.of(new MultiMessage.Msg1a("a1", 3), new MultiMessage.Msg1a("a2", 3),
            new MultiMessage.Msg1a("a3", 3)), start.send());
        assertEquals("p1", start.state().get("pPhase"));
    }

    @Test
    void phase1aIsNotEnabledForAnotherOwnersBallotAnOldBallotOrWhileLeading() {
        MultiProposer p = fresh();
        assertEquals(new Step.NotEnabled("Phase1a", "Owner(b) = p"), p.Phase1a(2));
        p.Phase1a(3);
        assertEquals(new Step.NotEnabled("Phase1a", "b > pBal[p]"), p.Phase1a(1));
        assertEquals(new Step.NotEnabled("Phase1a", "pPhase[p] # \"p2\""), leading().Phase1a(5));
    }

    @Test
    void receivePromiseFromAQuorumReproposesTheHighestVotesAndFillsGaps() {
        MultiProposer p = fresh();
        p.Phase1a(5);
        assertEquals(List.of(), ready(p.ReceivePromise(promise("a1", 5, 2, new SlotVote(2, 1, "x"),
            new SlotVote(4, 1, "old")))).send());
        Step.Ready<MultiMessage> lead = ready(p.ReceivePromise(promise("a2", 5, 1, new SlotVote(4, 3, "new"))));
        assertEquals("p2", lead.state().get("pPhase"));
        assertEquals(Set.of(List.of(2, "x"), List.of(3, MultiMessage.NO_OP), List.of(4, "new")),
            lead.state().get("pProposals"));
        assertEquals(5, lead.state().get("pNext"), "StartSlot 2 plus three re-proposals");
        assertEquals(9, lead.send().size(), "three slots to three acceptors");
        assertEquals(new MultiMessage.Msg2a("a1", 5, 2, "x"), lead.send().get(0));
    }

    @Test
    void receivePromiseForAnOldBallotIsConsumedAndChangesNothing() {
        MultiProposer p = fresh();
        p.Phase1a(3);
        p.Phase1a(5);
        Step.Ready<MultiMessage> stale = ready(p.ReceivePromise(promise("a1", 3, 1)));
        assertEquals(Set.of(), stale.state().get("pPromises"));
        assertEquals(new Step.NotEnabled("ReceivePromise", "Owner(m.bal) = p"),
            p.ReceivePromise(promise("a1", 4, 1)));
    }

    @Test
    void proposeTakesARequestIntoTheNextSlotOnce() {
        MultiProposer p = leading();
        Step.Ready<MultiMessage> first = ready(p.Propose("c"));
        assertEquals(List.of(new MultiMessage.Request("c")), first.recv());
        assertEquals(3, first.send().size());
        assertEquals(2, first.state().get("pNext"));
        Step.Ready<MultiMessage> again = ready(p.Propose("c"));
        assertEquals(List.of(), again.send(), "an undecided proposal is not proposed twice");
        assertEquals(new Step.NotEnabled("Propose", "pPhase[p] = \"p2\""), fresh().Propose("c"));
    }

    @Test
    void receiveAcceptedDecidesASlotOnAQuorumAndTellsEveryReplica() {
        MultiProposer p = leading();
        p.Propose("c");
        assertEquals(List.of(), ready(p.ReceiveAccepted("a1", 3, 1, "c", 1)).send());
        Step.Ready<MultiMessage> decided = ready(p.ReceiveAccepted("a3", 3, 1, "c", 1));
        assertEquals(List.of(new MultiMessage.Decision("r1", 1, "c"), new MultiMessage.Decision("r2", 1, "c")),
            decided.send());
        assertEquals(Set.of(), decided.state().get("pProposals"));
        assertEquals(List.of(), ready(p.ReceiveAccepted("a2", 3, 1, "c", 1)).send(), "a decided slot is forgotten");
        assertEquals(new Step.NotEnabled("ReceiveAccepted", "Owner(b) = p"), p.ReceiveAccepted("a1", 2, 1, "c", 1));
    }

    @Test
    void aDecisionForgetsTheDecisionsBelowTheLowOfTheDecidingAcceptor() {
        MultiProposer p = leading();
        for (String c : List.of("x", "y", "z")) {
            p.Propose(c);
        }
        p.ReceiveAccepted("a1", 3, 1, "x", 1);
        p.ReceiveAccepted("a2", 3, 1, "x", 1);
        p.ReceiveAccepted("a1", 3, 2, "y", 1);
        p.ReceiveAccepted("a2", 3, 2, "y", 1);
        assertEquals(Map.of(1, "x", 2, "y"), p.vars().get("pKnown"));
        p.ReceiveAccepted("a1", 3, 3, "z", 3);
        assertEquals(Map.of(1, "x", 2, "y"), p.vars().get("pKnown"), "no decision yet, so nothing is forgotten");
        Step.Ready<MultiMessage> decided = ready(p.ReceiveAccepted("a2", 3, 3, "z", 2));
        assertEquals(new Action("ReceiveAccepted", Map.of("p", 1, "a", "a2", "b", 3, "s", 3, "v", "z", "l", 2)),
            decided.action());
        assertEquals(List.of(new MultiMessage.Msg2b("a2", 3, 3, "z", 2)), decided.recv());
        assertEquals(Map.of(2, "y", 3, "z"), decided.state().get("pKnown"), "slot 1 is below the low of a2");
        assertEquals(List.of(), p.ReceiveCatchUp("r1", 1).send(), "every replica has slot 1 in its snapshot");
        assertEquals(List.of(new MultiMessage.Decision("r1", 2, "y")), p.ReceiveCatchUp("r1", 2).send());
    }

    @Test
    void preemptedByAHigherBallotStepsDownButAnOldNoticeDoesNot() {
        MultiProposer p = leading();
        assertEquals("p2", ready(p.Preempted(1, 8)).state().get("pPhase"), "ballot 1 is not ours any more");
        Step.Ready<MultiMessage> down = ready(p.Preempted(3, 8));
        assertEquals("idle", down.state().get("pPhase"));
        assertEquals(new Step.NotEnabled("Preempted", "Owner(b) = p"), p.Preempted(2, 8));
    }

    @Test
    void proposerCrashKeepsOnlyTheBallot() {
        MultiProposer p = leading();
        p.Propose("c");
        p.ReceiveAccepted("a1", 3, 1, "c", 1);
        p.ReceiveAccepted("a2", 3, 1, "c", 1);
        p.Propose("d");
        Step.Ready<MultiMessage> crash = p.ProposerCrash();
        assertEquals(Map.of("pBal", 3, "pPhase", "idle", "pPromises", Set.of(), "pProposals", Set.of(),
            "pAccepts", Set.of(), "pNext", 1, "pKnown", Map.of()), crash.state());
    }

    @Test
    void retransmitInPhase1ResendsThe1aToTheAcceptorsWhosePromiseIsMissing() {
        MultiProposer p = fresh();
        assertEquals(new Step.NotEnabled<>("Retransmit", "pPhase[p] \\in {\"p1\", \"p2\"}"), p.Retransmit());
        p.Phase1a(3);
        p.ReceivePromise(promise("a2", 3, 1));
        Step.Ready<MultiMessage> again = ready(p.Retransmit());
        assertEquals(List.of(new MultiMessage.Msg1a("a1", 3), new MultiMessage.Msg1a("a3", 3)), again.send());
        assertEquals(Optional.empty(), again.persist());
    }

    @Test
    void retransmitInPhase2ResendsEachUndecided2aToTheAcceptorsWhose2bIsMissing() {
        MultiProposer p = leading();
        assertEquals(new Step.NotEnabled<>("Retransmit", "N # {}"), p.Retransmit(), "nothing undecided");
        p.Propose("x");
        p.ReceiveAccepted("a3", 3, 1, "x", 1);
        assertEquals(List.of(new MultiMessage.Msg2a("a1", 3, 1, "x"), new MultiMessage.Msg2a("a2", 3, 1, "x")),
            ready(p.Retransmit()).send());
        p.ReceiveAccepted("a1", 3, 1, "x", 1);
        assertEquals(new Step.NotEnabled<>("Retransmit", "N # {}"), p.Retransmit(), "decided");
    }

    @Test
    void receiveCatchUpAnswersWithADecisionTheProposerMadeUntilItCrashes() {
        MultiProposer p = leading();
        p.Propose("x");
        Step.Ready<MultiMessage> unknown = p.ReceiveCatchUp("r2", 1);
        assertEquals(List.of(new MultiMessage.CatchUp("r2", 1, 1)), unknown.recv());
        assertEquals(List.of(), unknown.send(), "not decided yet");
        p.ReceiveAccepted("a1", 3, 1, "x", 1);
        p.ReceiveAccepted("a2", 3, 1, "x", 1);
        assertEquals(Map.of(1, "x"), p.vars().get("pKnown"));
        assertEquals(List.of(new MultiMessage.Decision("r2", 1, "x")), p.ReceiveCatchUp("r2", 1).send());
        p.Preempted(3, 4);
        p.Phase1a(5);
        assertEquals(List.of(new MultiMessage.Decision("r2", 1, "x")), p.ReceiveCatchUp("r2", 1).send(),
            "a pre-emption or a new ballot keeps what was decided");
        p.ProposerCrash();
        assertEquals(List.of(), p.ReceiveCatchUp("r2", 1).send(), "a crash forgets it");
    }
}
