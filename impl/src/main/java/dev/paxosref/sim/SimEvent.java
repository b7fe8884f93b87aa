package dev.paxosref.sim;

import dev.paxosref.node.Timer;

/** Everything that can happen in one simulation step. */
sealed interface SimEvent {
    record Deliver(Envelope envelope) implements SimEvent {
    }

    /** A node's timer; {@code incarnation} lets a restart cancel the timers of the life before. */
    record NodeTimer(int node, Timer timer, long incarnation) implements SimEvent {
    }

    record ClientTimer(int clientAddress) implements SimEvent {
    }

    /** A chance, during the fault phase, for a crash, a restart, a partition or a heal. */
    record Chaos() implements SimEvent {
    }

    /** The fault phase ends: partitions heal, crashed nodes restart, and the network stops lying. */
    record Heal() implements SimEvent {
    }
}
