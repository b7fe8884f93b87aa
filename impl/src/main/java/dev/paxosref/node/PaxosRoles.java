package dev.paxosref.node;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.ProposerRole;

/**
 * Builds a single-decree node's roles from their durable state: the core's own roles, or (in the simulator)
 * mutants wrapping them. The node's ids are bound by whoever builds this.
 */
public interface PaxosRoles {
    AcceptorRole acceptor(AcceptorState recovered);

    ProposerRole proposer(int pBalRecovered);

    /** A learner keeps nothing on disk; the node builds one for its whole life and crashes it on restart. */
    LearnerRole learner();
}
