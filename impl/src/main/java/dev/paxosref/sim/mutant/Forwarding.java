package dev.paxosref.sim.mutant;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.MachineState;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.Step;
import java.util.Optional;

/** Role interfaces whose every method goes to the real role, so that a mutant overrides only what it changes. */
final class Forwarding {
    private Forwarding() {
    }

    interface Acceptor extends AcceptorRole {
        AcceptorRole real();

        @Override
        default AcceptorState state() {
            return real().state();
        }

        @Override
        default Optional<Message.Msg2b> lastVote() {
            return real().lastVote();
        }

        @Override
        default Step<Message> Phase1b(int b) {
            return real().Phase1b(b);
        }

        @Override
        default Step<Message> Phase2b(int b, String v) {
            return real().Phase2b(b, v);
        }
    }

    interface Proposer extends ProposerRole {
        ProposerRole real();

        @Override
        default int id() {
            return real().id();
        }

        @Override
        default int pBal() {
            return real().pBal();
        }

        @Override
        default dev.paxosref.core.Proposer.Phase pPhase() {
            return real().pPhase();
        }

        @Override
        default boolean hasHeard(String v) {
            return real().hasHeard(v);
        }

        @Override
        default void receive(Message.Msg1b m) {
            real().receive(m);
        }

        @Override
        default Optional<String> valueToPropose() {
            return real().valueToPropose();
        }

        @Override
        default Step.Ready<Message> Propose(String v) {
            return real().Propose(v);
        }

        @Override
        default Step<Message> Phase1a(int b) {
            return real().Phase1a(b);
        }

        @Override
        default Step<Message> Phase2a(String v) {
            return real().Phase2a(v);
        }

        @Override
        default Step.Ready<Message> ProposerCrash() {
            return real().ProposerCrash();
        }
    }

    interface Learner extends LearnerRole {
        LearnerRole real();

        @Override
        default Optional<String> learned() {
            return real().learned();
        }

        @Override
        default boolean receive(Message.Msg2b m) {
            return real().receive(m);
        }

        @Override
        default Step<Message> Learn(int b, String v) {
            return real().Learn(b, v);
        }

        @Override
        default Step.Ready<Message> LearnerCrash() {
            return real().LearnerCrash();
        }
    }

    interface MultiAcceptor extends MultiAcceptorRole {
        MultiAcceptorRole real();

        @Override
        default int maxBal() {
            return real().maxBal();
        }

        @Override
        default Step<MultiMessage> Phase1b(int b) {
            return real().Phase1b(b);
        }

        @Override
        default Step<MultiMessage> Reject1a(int b) {
            return real().Reject1a(b);
        }

        @Override
        default Step<MultiMessage> Phase2b(int b, int s, String v) {
            return real().Phase2b(b, s, v);
        }

        @Override
        default Step<MultiMessage> Reject2a(int b, int s, String v) {
            return real().Reject2a(b, s, v);
        }

        @Override
        default Step<MultiMessage> ReceiveSnapshot(String r, int i) {
            return real().ReceiveSnapshot(r, i);
        }

        @Override
        default Step.Ready<MultiMessage> AcceptorCrash() {
            return real().AcceptorCrash();
        }
    }

    interface MultiProposer extends MultiProposerRole {
        MultiProposerRole real();

        @Override
        default int pBal() {
            return real().pBal();
        }

        @Override
        default dev.paxosref.core.Proposer.Phase pPhase() {
            return real().pPhase();
        }

        @Override
        default Step<MultiMessage> Phase1a(int b) {
            return real().Phase1a(b);
        }

        @Override
        default Step<MultiMessage> ReceivePromise(MultiMessage.Msg1b m) {
            return real().ReceivePromise(m);
        }

        @Override
        default Step<MultiMessage> Propose(String c) {
            return real().Propose(c);
        }

        @Override
        default Step<MultiMessage> ReceiveAccepted(String a, int b, int s, String v) {
            return real().ReceiveAccepted(a, b, s, v);
        }

        @Override
        default Step<MultiMessage> Preempted(int b, int c) {
            return real().Preempted(b, c);
        }

        @Override
        default Step<MultiMessage> Retransmit() {
            return real().Retransmit();
        }

        @Override
        default Step.Ready<MultiMessage> ReceiveCatchUp(String r, int s) {
            return real().ReceiveCatchUp(r, s);
        }

        @Override
        default Step.Ready<MultiMessage> ProposerCrash() {
            return real().ProposerCrash();
        }
    }

    interface MultiReplica extends MultiReplicaRole {
        MultiReplicaRole real();

        @Override
        default MachineState sm() {
            return real().sm();
        }

        @Override
        default Optional<String> nextToExecute() {
            return real().nextToExecute();
        }

        @Override
        default boolean hasGap() {
            return real().hasGap();
        }

        @Override
        default Step.Ready<MultiMessage> ReceiveDecision(int s, String v) {
            return real().ReceiveDecision(s, v);
        }

        @Override
        default Step<MultiMessage> RequestCatchUp() {
            return real().RequestCatchUp();
        }

        @Override
        default Step<MultiMessage> Execute() {
            return real().Execute();
        }

        @Override
        default Step<MultiMessage> Snapshot() {
            return real().Snapshot();
        }

        @Override
        default Step.Ready<MultiMessage> ReplicaCrash() {
            return real().ReplicaCrash();
        }
    }
}
