package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The acknowledged increment survives its leader: proposer 0 decides slot 1 with the votes of a1 and a2, replica
 * r1 answers the client, and proposer 0 crashes. Proposer 1 leads with the promises of a2 and a3 only, so it learns
 * of the increment from a2 alone; it must re-propose it in slot 1, or the counter forgets what the client was told.
 */
class MultiScenarioTest {
    private static final QuorumSystem QUORUMS = new QuorumSystem(List.of("a1", "a2", "a3"));
    private static final List<String> REPLICAS = List.of("r1", "r2");
    private static final String INC = CommandCodec.encode(new ClientRequest("c1", 1, new Command.Increment()));
    private static final String OTHER = CommandCodec.encode(new ClientRequest("c2", 1, new Command.Increment()));

    private static Step.Ready<MultiMessage> ready(Step<MultiMessage> step) {
        return (Step.Ready<MultiMessage>) step;
    }

    private static MultiAcceptor acceptor(String a) {
        return new MultiAcceptor(a, REPLICAS, MultiAcceptorDurable.INITIAL);
    }

    /** Runs the scenario; returns what slot 1 holds at replica r2 after the new leader decides. */
    private static String slotOneAfterLeaderChange(Mutants newLeader) {
        MultiAcceptor a1 = acceptor("a1");
        MultiAcceptor a2 = acceptor("a2");
        MultiAcceptor a3 = acceptor("a3");
        MultiProposer p0 = new MultiProposer(0, 2, QUORUMS, REPLICAS, Ballots.NONE);
        p0.Phase1a(0);
        p0.ReceivePromise((MultiMessage.Msg1b) ready(a1.Phase1b(0)).send().get(0));
        p0.ReceivePromise((MultiMessage.Msg1b) ready(a2.Phase1b(0)).send().get(0));
        p0.Propose(INC);
        ready(a1.Phase2b(0, 1, INC));
        ready(a2.Phase2b(0, 1, INC));
        p0.ReceiveAccepted("a1", 0, 1, INC, 1);
        Step.Ready<MultiMessage> decided = ready(p0.ReceiveAccepted("a2", 0, 1, INC, 1));
        MultiReplica r1 = new MultiReplica("r1", QUORUMS.acceptors(), 2, ReplicaDurable.INITIAL);
        r1.ReceiveDecision(1, ((MultiMessage.Decision) decided.send().get(0)).val());
        assertEquals(List.of(new MultiMessage.Reply(INC, "1")), ready(r1.Execute()).send(), "the client is told 1");
        p0.ProposerCrash();

        MultiProposerRole p1 = newLeader.multiProposer(1, 2, QUORUMS, REPLICAS, Ballots.NONE);
        p1.Phase1a(1);
        p1.ReceivePromise((MultiMessage.Msg1b) ready(a2.Phase1b(1)).send().get(0));
        MultiMessage.Msg1b fromA3 = (MultiMessage.Msg1b) ready(a3.Phase1b(1)).send().get(0);
        List<MultiMessage> reproposed = ready(p1.ReceivePromise(fromA3)).send();
        // nothing re-proposed: the first free slot goes to a new command
        List<MultiMessage> slotOne = reproposed.isEmpty() ? ready(p1.Propose(OTHER)).send() : reproposed;
        String v = ((MultiMessage.Msg2a) slotOne.get(0)).val();
        assertEquals(1, ((MultiMessage.Msg2a) slotOne.get(0)).slot());
        ready(a2.Phase2b(1, 1, v));
        ready(a3.Phase2b(1, 1, v));
        p1.ReceiveAccepted("a2", 1, 1, v, 1);
        Step.Ready<MultiMessage> redecided = ready(p1.ReceiveAccepted("a3", 1, 1, v, 1));
        return ((MultiMessage.Decision) redecided.send().get(1)).val();
    }

    @Test
    void theNewLeaderReproposesTheAcknowledgedIncrement() {
        assertEquals(INC, slotOneAfterLeaderChange(Mutants.NONE));
    }

    @Test
    void aLeaderIgnoringReportedVotesLosesIt() {
        assertEquals(OTHER, slotOneAfterLeaderChange(new Mutants(Set.of(Mutant.PROPOSER_IGNORES_REPORTED_VOTE))),
            "two values chosen in slot 1: the acknowledged increment is lost");
    }
}
