package dev.paxosref.core;

import java.util.Optional;

/**
 * Paxos.tla's acceptor as its callers see it: its actions and what a node reads of its state. {@link Acceptor} is
 * the only implementation in the core; the simulator's mutants wrap it.
 */
public interface AcceptorRole {
    AcceptorState state();

    /** The 2b this acceptor sent for its last vote, if any; re-sending it adds nothing new to msgs. */
    Optional<Message.Msg2b> lastVote();

    /** Paxos.tla: Phase1b(a, b). */
    Step<Message> Phase1b(int b);

    /** Paxos.tla: Phase2b(a, b, v). */
    Step<Message> Phase2b(int b, String v);
}
