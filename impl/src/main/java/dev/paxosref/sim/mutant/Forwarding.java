package dev.paxosref.sim.mutant;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.MachineState;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.Step;
import java.util.Optional;

/**
 * Role interfaces whose every method goes to the real role, for the mutants that change one action of a role and
 * share the rest: two acceptors (a forgotten promise, a vote sent again) and a replica (a dropped reply).
 */
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
