package dev.paxosref.node;

import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;

/**
 * Builds a node's acceptor and proposer from their durable state, and passes on the replica the node built: the
 * core's own roles, or (in the simulator) mutants wrapping them. The node's ids are bound by whoever builds this.
 */
public interface MultiPaxosRoles {
    MultiAcceptorRole acceptor(MultiAcceptorDurable recovered);

    MultiProposerRole proposer(int pBalRecovered);

    /** The replica the node built from its config and durable state, as it is or wrapped. */
    MultiReplicaRole replica(MultiReplica built);
}
