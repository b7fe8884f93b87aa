package dev.paxosref.node;

import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiProposerRole;

/**
 * Builds a node's acceptor and proposer from their durable state: the core's own roles, or (in the simulator)
 * mutants wrapping them. The node's ids are bound by whoever builds this.
 */
public interface MultiPaxosRoles {
    MultiAcceptorRole acceptor(MultiAcceptorDurable recovered);

    MultiProposerRole proposer(int pBalRecovered);
}
