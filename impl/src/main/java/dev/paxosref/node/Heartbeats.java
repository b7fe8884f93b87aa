package dev.paxosref.node;

import dev.paxosref.core.ElectionStep;
import dev.paxosref.core.LeaderElection;

/** The election's heartbeats as every node wires them: heard through its transport, sent when its timer fires. */
final class Heartbeats {
    private final LeaderElection election;
    private final Ports<?> ports;
    private final long intervalMs;

    Heartbeats(LeaderElection election, Ports<?> ports, long intervalMs) {
        this.election = election;
        this.ports = ports;
        this.intervalMs = intervalMs;
    }

    /** MultiPaxosElection.tla's ReceiveHeartbeat, at the node's time. */
    void receive(int from) {
        election.ReceiveHeartbeat(from, ports.clock().nowMs());
    }

    /** The heartbeat timer: the election's Heartbeat to every other node; returns the timer's period. */
    long onTimer() {
        if (election.Heartbeat() instanceof ElectionStep.Ready ready) {
            ready.send().forEach(h -> ports.transport().heartbeat(h.to()));
        }
        return intervalMs;
    }
}
