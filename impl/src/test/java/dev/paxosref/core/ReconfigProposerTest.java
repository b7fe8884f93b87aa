package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * MultiPaxosReconfig.tla's leader, action by action: the universe a1..a4, InitConfig {a1, a2, a3}, a move to
 * {a2, a3, a4} (a1 removed, a4 added), Alpha = 1 unless a test says otherwise.
 */
class ReconfigProposerTest {
    private static final QuorumSystem UNIVERSE = new QuorumSystem(List.of("a1", "a2", "a3", "a4"));
    private static final List<String> REPLICAS = List.of("r1");
    private static final String MOVE = CommandCodec.encode(
        new ClientRequest("admin", 1, new Command.Reconfig(new TreeSet<>(Set.of("a2", "a3", "a4")))));
    private static final String C1 = "c1|1|incr";

    private static ReconfigProposer fresh(int alpha) {
        return new ReconfigProposer(0, 1, UNIVERSE, REPLICAS, Ballots.NONE,
            new Configurations(new TreeSet<>(Set.of("a1", "a2", "a3")), alpha));
    }

    private static Step.Ready<MultiMessage> ready(Step<MultiMessage> step) {
        return (Step.Ready<MultiMessage>) step;
    }

    private static MultiMessage.Msg1b promise(String a, int b, SlotVote... votes) {
        return new MultiMessage.Msg1b(a, b, 1, List.of(votes));
    }

    private static List<String> receivers(Step.Ready<MultiMessage> step, int slot) {
        return step.send().stream().filter(MultiMessage.Msg2a.class::isInstance).map(MultiMessage.Msg2a.class::cast)
            .filter(m -> m.slot() == slot).map(MultiMessage.Msg2a::to).toList();
    }

    /** Ballot 0 led with promises of a1 and a2, nothing reported. */
    private static ReconfigProposer leadingWithPromisesOfA1A2(int alpha) {
        ReconfigProposer p = fresh(alpha);
        p.Phase1a(0);
        p.ReceivePromise(promise("a1", 0));
        p.ReceivePromise(promise("a2", 0));
        return p;
    }

    /** Ballot 0 led with promises of a1 and a2, the move chosen at slot 1 by a1 and a2. */
    private static ReconfigProposer movedWithPromisesOfA1A2() {
        ReconfigProposer p = leadingWithPromisesOfA1A2(1);
        p.Propose(MOVE);
        p.ReceiveAccepted("a1", 0, 1, MOVE, 1);
        p.ReceiveAccepted("a2", 0, 1, MOVE, 1);
        return p;
    }

    @Test
    void phase1aAsksTheWholeUniverseAndAMajorityOfInitConfigMakesALeader() {
        ReconfigProposer p = fresh(1);
        assertEquals(4, ready(p.Phase1a(0)).send().size());
        assertEquals("p1", ready(p.ReceivePromise(promise("a4", 0))).state().get("pPhase"), "a4 is no member yet");
        assertEquals("p1", ready(p.ReceivePromise(promise("a1", 0))).state().get("pPhase"));
        assertEquals("p2", ready(p.ReceivePromise(promise("a2", 0))).state().get("pPhase"));
    }

    @Test
    void aLeaderWaitsForTheDecisionsUpToSMinusAlphaBeforeProposingAtS() {
        ReconfigProposer p = leadingWithPromisesOfA1A2(1);
        Step.Ready<MultiMessage> move = ready(p.Propose(MOVE));
        assertEquals(List.of("a1", "a2", "a3"), receivers(move, 1));
        assertEquals(new Step.NotEnabled<>("Propose", "CanPropose(pPromises[p], pKnown[p], s)"), p.Propose(C1),
            "slot 2's configuration depends on slot 1, not yet decided");
    }

    @Test
    void theFirstSlotOfTheNewConfigurationNeedsPromisesFromAMajorityOfIt() {
        ReconfigProposer p = movedWithPromisesOfA1A2();
        assertEquals(new Step.NotEnabled<>("Propose", "CanPropose(pPromises[p], pKnown[p], s)"), p.Propose(C1),
            "of a1 and a2 only a2 is in {a2, a3, a4}");
        p.ReceivePromise(promise("a4", 0));
        assertEquals(List.of("a2", "a3", "a4"), receivers(ready(p.Propose(C1)), 2), "no 2a to the removed a1");
    }

    @Test
    void onlyMembersOfTheSlotsConfigurationDecideIt() {
        ReconfigProposer p = movedWithPromisesOfA1A2();
        p.ReceivePromise(promise("a4", 0));
        p.Propose(C1);
        assertEquals(List.of(), ready(p.ReceiveAccepted("a1", 0, 2, C1, 1)).send(), "a1 was removed");
        assertEquals(List.of(), ready(p.ReceiveAccepted("a2", 0, 2, C1, 1)).send());
        Step.Ready<MultiMessage> decided = ready(p.ReceiveAccepted("a4", 0, 2, C1, 2));
        assertEquals(List.of(new MultiMessage.Decision("r1", 2, C1)), decided.send());
        assertEquals(Map.of(1, MOVE, 2, C1), decided.state().get("pKnown"),
            "ConfigAt reads every decision, so none below the 2b's low is forgotten");
    }

    @Test
    void aNewLeaderRelearnsTheMoveBeforeItReproposesUnderTheNewConfiguration() {
        ReconfigProposer p = fresh(1);
        p.Phase1a(0);
        p.ReceivePromise(promise("a2", 0, new SlotVote(1, 0, MOVE), new SlotVote(2, 0, C1)));
        Step.Ready<MultiMessage> lead = ready(p.ReceivePromise(promise("a3", 0, new SlotVote(1, 0, MOVE))));
        assertEquals("p2", lead.state().get("pPhase"));
        assertEquals(List.of("a1", "a2", "a3"), receivers(lead, 1));
        assertEquals(List.of(), receivers(lead, 2), "slot 2 waits until the leader knows slot 1");
        p.ReceiveAccepted("a2", 0, 1, MOVE, 1);
        Step.Ready<MultiMessage> decided = ready(p.ReceiveAccepted("a3", 0, 1, MOVE, 1));
        assertEquals(List.of("a2", "a3", "a4"), receivers(decided, 2), "re-proposed once slot 1 is known");
        assertEquals(3, decided.state().get("pNext"));
    }

    @Test
    void withAlphaTwoTwoSlotsAreInFlightAndTheThirdWaitsForTheFirst() {
        ReconfigProposer p = leadingWithPromisesOfA1A2(2);
        assertTrue(p.Propose(MOVE).enabled());
        assertTrue(p.Propose(C1).enabled());
        assertEquals(new Step.NotEnabled<>("Propose", "CanPropose(pPromises[p], pKnown[p], s)"),
            p.Propose("c1|2|incr"));
    }

    @Test
    void retransmitResendsToThePromiseLackingAndToTheSlotsConfigurationOnly() {
        ReconfigProposer p = movedWithPromisesOfA1A2();
        p.ReceivePromise(promise("a4", 0));
        p.Propose(C1);
        p.ReceiveAccepted("a2", 0, 2, C1, 1);
        Step.Ready<MultiMessage> again = ready(p.Retransmit());
        assertEquals(List.of(new MultiMessage.Msg1a("a3", 0), new MultiMessage.Msg2a("a3", 0, 2, C1),
            new MultiMessage.Msg2a("a4", 0, 2, C1)), again.send());
    }
}
