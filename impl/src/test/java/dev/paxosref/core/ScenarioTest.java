package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scripts of whole rounds, read top to bottom like the spec's behaviours. */
class ScenarioTest {
    private final QuorumSystem quorums = new QuorumSystem(List.of("a1", "a2", "a3"));
    private final Acceptor a1 = new Acceptor("a1", AcceptorState.INITIAL);
    private final Acceptor a2 = new Acceptor("a2", AcceptorState.INITIAL);
    private final Acceptor a3 = new Acceptor("a3", AcceptorState.INITIAL);
    private final Proposer p0 = new Proposer(0, 2, quorums, Ballots.NONE);
    private final Proposer p1 = new Proposer(1, 2, quorums, Ballots.NONE);
    private final Learner l1 = new Learner("l1", quorums);

    private static Message sent(Step<Message> step) {
        return ((Step.Ready<Message>) step).send().get(0);
    }

    @Test
    void aLaterBallotAdoptsTheValueAQuorumVotedFor() {
        p0.Propose("x");
        p1.Propose("y");
        p0.Phase1a(0);
        p0.receive((Message.Msg1b) sent(a1.Phase1b(0)));
        p0.receive((Message.Msg1b) sent(a2.Phase1b(0)));
        p0.Phase2a("x");
        l1.receive((Message.Msg2b) sent(a1.Phase2b(0, "x")));
        l1.receive((Message.Msg2b) sent(a2.Phase2b(0, "x")));
        assertTrue(l1.Learn(0, "x").enabled());
        assertEquals(Optional.of("x"), l1.learned());

        // p1 duels with ballot 1 and hears from a2 (voted x) and a3 (never voted): it must propose x
        p1.Phase1a(1);
        p1.receive((Message.Msg1b) sent(a2.Phase1b(1)));
        p1.receive((Message.Msg1b) sent(a3.Phase1b(1)));
        assertEquals(Optional.of("x"), p1.valueToPropose());
        assertEquals(new Message.Msg2a(1, "x"), sent(p1.Phase2a("x")));
        // a1 never saw ballot 1's 1a, and may still vote in ballot 1
        assertEquals(new Message.Msg2b("a1", 1, "x"), sent(a1.Phase2b(1, "x")));
        // a2 promised 1, so a late 2a for ballot 0 is refused
        assertEquals(new Step.NotEnabled("Phase2b", "b >= maxBal[a]"), a2.Phase2b(0, "x"));
    }

    @Test
    void aDuelWithoutVotesLetsTheHigherBallotChooseFreely() {
        p0.Propose("x");
        p1.Propose("y");
        p0.Phase1a(0);
        p1.Phase1a(1);
        p0.receive((Message.Msg1b) sent(a1.Phase1b(0)));
        p1.receive((Message.Msg1b) sent(a1.Phase1b(1)));
        p1.receive((Message.Msg1b) sent(a2.Phase1b(1)));
        assertEquals(new Step.NotEnabled("Phase1b", "b > maxBal[a]"), a2.Phase1b(0), "p0 is pre-empted");
        assertEquals(new Message.Msg2a(1, "y"), sent(p1.Phase2a("y")));
    }

    @Test
    void anAcceptorThatSkipsThePromiseCheckLetsTwoValuesBeChosen() {
        AcceptorRole buggyA2 = new Mutants(Set.of(Mutant.ACCEPTOR_SKIPS_PROMISE_CHECK))
            .acceptor("a2", AcceptorState.INITIAL);
        VoteTally votes = new VoteTally(quorums);
        p0.Propose("x");
        p1.Propose("y");
        p0.Phase1a(0);
        p0.receive((Message.Msg1b) sent(a1.Phase1b(0)));
        p0.receive((Message.Msg1b) sent(buggyA2.Phase1b(0)));
        Message.Msg2a x0 = (Message.Msg2a) sent(p0.Phase2a("x"));
        p1.Phase1a(1);
        p1.receive((Message.Msg1b) sent(buggyA2.Phase1b(1)));
        p1.receive((Message.Msg1b) sent(a3.Phase1b(1)));
        Message.Msg2a y1 = (Message.Msg2a) sent(p1.Phase2a("y"));
        votes.add((Message.Msg2b) sent(buggyA2.Phase2b(y1.bal(), y1.val())));
        votes.add((Message.Msg2b) sent(a3.Phase2b(y1.bal(), y1.val())));
        votes.add((Message.Msg2b) sent(a1.Phase2b(x0.bal(), x0.val())));
        votes.add((Message.Msg2b) sent(buggyA2.Phase2b(x0.bal(), x0.val())));
        assertEquals(Set.of("x", "y"), votes.chosen(), "Agreement is broken");
    }
}
