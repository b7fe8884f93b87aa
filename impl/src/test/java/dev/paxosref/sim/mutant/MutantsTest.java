package dev.paxosref.sim.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiAcceptor;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.ReplicaDurable;
import dev.paxosref.core.SlotVote;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.node.Persistence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each mutant changes its one action as the bug says, and shows the messages as they arrived. */
class MutantsTest {
    private static final QuorumSystem QUORUMS = new QuorumSystem(List.of("a1", "a2", "a3"));
    private static final List<String> REPLICAS = List.of("r1", "r2");

    private static Mutants with(Mutant mutant) {
        return new Mutants(Set.of(mutant));
    }

    private static <M> Step.Ready<M> ready(Step<M> step) {
        return (Step.Ready<M>) step;
    }

    @Test
    void anAcceptorSkippingThePromiseCheckVotesBelowItsPromise() {
        AcceptorRole a = with(Mutant.ACCEPTOR_SKIPS_PROMISE_CHECK).acceptor("a1", AcceptorState.INITIAL);
        a.Phase1b(5);
        var vote = ready(a.Phase2b(4, "v"));
        assertEquals(List.of(new Message.Msg2b("a1", 4, "v")), vote.send());
        assertEquals(Optional.of(new AcceptorState(4, 4, "v")), vote.persist(), "Phase2b's effect, unguarded");
    }

    @Test
    void anAcceptorSkippingPersistAnswersWithNothingDurable() {
        List<Step.Ready<?>> committed = new ArrayList<>();
        Persistence<Message> paxos = with(Mutant.ACCEPTOR_SKIPS_PERSIST).persistence(step -> committed.add(ready(step)));
        paxos.commit(new Acceptor("a1", AcceptorState.INITIAL).Phase1b(1));
        Persistence<MultiMessage> multi =
            with(Mutant.ACCEPTOR_SKIPS_PERSIST).persistence(step -> committed.add(ready(step)));
        MultiAcceptorRole m = new MultiAcceptor("a1", REPLICAS, MultiAcceptorDurable.INITIAL);
        multi.commit(m.Phase1b(1));
        multi.commit(m.Phase2b(1, 1, "v"));
        multi.commit(m.ReceiveSnapshot("r1", 0));
        assertEquals(List.of(false, false, false, true), committed.stream().map(s -> s.persist().isPresent()).toList(),
            "only the acceptor's two answers skip the disk");
        assertEquals(List.of("Phase1b", "Phase1b", "Phase2b", "ReceiveSnapshot"),
            committed.stream().map(s -> s.action().name()).toList());
    }

    @Test
    void aProposerIgnoringVotesProposesItsOwnValueAndShowsThePromisesAsTheyArrived() {
        ProposerRole p = with(Mutant.PROPOSER_IGNORES_REPORTED_VOTE).proposer(1, 3, QUORUMS, Ballots.NONE);
        p.Propose("mine");
        p.Phase1a(4);
        Message.Msg1b first = new Message.Msg1b("a1", 4, 2, "voted");
        Message.Msg1b second = new Message.Msg1b("a2", 4, 2, "voted");
        p.receive(first);
        p.receive(second);
        assertEquals(Optional.of("mine"), p.valueToPropose());
        var phase2a = ready(p.Phase2a("mine"));
        assertEquals(List.of(first, second), phase2a.recv());
    }

    @Test
    void aLeaderIgnoringVotesStartsAtTheFirstFreeSlotWithoutReproposingAndShowsThePromisesAsTheyArrived() {
        MultiProposerRole p = with(Mutant.PROPOSER_IGNORES_REPORTED_VOTE).multiProposer(1, 2, QUORUMS, REPLICAS,
            Ballots.NONE);
        p.Phase1a(3);
        MultiMessage.Msg1b voted = new MultiMessage.Msg1b("a1", 3, 1, List.of(new SlotVote(1, 1, "x")));
        var first = ready(p.ReceivePromise(voted));
        assertEquals(voted, first.action().params().get("m"));
        assertEquals(List.of(voted), first.recv());
        assertEquals(Set.of(voted), first.state().get("pPromises"));
        assertEquals(Set.of(voted), ready(p.Retransmit()).state().get("pPromises"), "Retransmit shows them too");
        assertEquals(Set.of(voted), p.ReceiveCatchUp("r1", 1).state().get("pPromises"), "so does ReceiveCatchUp");
        var lead = ready(p.ReceivePromise(new MultiMessage.Msg1b("a2", 3, 1, List.of())));
        assertEquals(List.of(), lead.send());
        assertEquals(1, lead.state().get("pNext"));
    }

    @Test
    void aLearnerWithoutQuorumLearnsFromOneVoteAndForgetsItOnCrash() {
        LearnerRole l = with(Mutant.LEARNER_LEARNS_WITHOUT_QUORUM).learner("l1", QUORUMS);
        assertFalse(l.Learn(2, "v").enabled());
        l.receive(new Message.Msg2b("a1", 2, "v"));
        var learn = ready(l.Learn(2, "v"));
        assertEquals(List.of(new Message.Msg2b("a1", 2, "v")), learn.recv());
        assertEquals(Map.of("learned", "v"), learn.state());
        assertEquals(Optional.of("v"), l.learned());
        l.LearnerCrash();
        assertEquals(Optional.empty(), l.learned());
    }

    @Test
    void anAcceptorResendingItsVoteSendsItsLast2bWithItsPromise() {
        AcceptorRole a = with(Mutant.ACCEPTOR_RESENDS_VOTE).acceptor("a1", AcceptorState.INITIAL);
        assertEquals(List.of(new Message.Msg1b("a1", 1, -1, null)), ready(a.Phase1b(1)).send(), "no vote yet");
        a.Phase2b(1, "v");
        assertEquals(List.of(new Message.Msg1b("a1", 2, 1, "v"), new Message.Msg2b("a1", 1, "v")),
            ready(a.Phase1b(2)).send());
    }

    @Test
    void aReplicaDroppingRetryRepliesAnswersACommandTheFirstTimeOnly() {
        String inc = CommandCodec.encode(new ClientRequest("c1", 1, new Command.Increment()));
        MultiReplicaRole r = with(Mutant.REPLICA_DROPS_RETRY_REPLY).multiReplica(
            new MultiReplica("r1", List.of("a1"), 1, ReplicaDurable.INITIAL));
        r.ReceiveDecision(1, inc);
        r.ReceiveDecision(2, inc);
        assertEquals(List.of(new MultiMessage.Reply(inc, "1")), ready(r.Execute()).send());
        Step.Ready<MultiMessage> retry = ready(r.Execute());
        assertEquals(List.of(), retry.send(), "the core answers the retry with the first result");
        assertEquals(2, r.sm().idx());
        assertEquals(1, r.sm().count());
    }

    @Test
    void eachProtocolRefusesTheMutantsItsRolesDoNotHave() {
        assertThrows(IllegalArgumentException.class,
            () -> with(Mutant.LEARNER_LEARNS_WITHOUT_QUORUM).requireInMultiPaxos(false));
        assertThrows(IllegalArgumentException.class,
            () -> with(Mutant.LEADER_IGNORES_WINDOW).requireInMultiPaxos(false));
        assertThrows(IllegalArgumentException.class,
            () -> with(Mutant.PROPOSER_IGNORES_REPORTED_VOTE).requireInMultiPaxos(true));
        assertThrows(IllegalArgumentException.class,
            () -> with(Mutant.REPLICA_DROPS_RETRY_REPLY).requireInSingleDecree());
        with(Mutant.ACCEPTOR_SKIPS_PERSIST).requireInMultiPaxos(false);
        with(Mutant.ACCEPTOR_SKIPS_PERSIST).requireInMultiPaxos(true);
        with(Mutant.LEADER_IGNORES_WINDOW).requireInMultiPaxos(true);
        with(Mutant.REPLICA_DROPS_RETRY_REPLY).requireInMultiPaxos(false);
        with(Mutant.ACCEPTOR_RESENDS_VOTE).requireInSingleDecree();
    }
}
