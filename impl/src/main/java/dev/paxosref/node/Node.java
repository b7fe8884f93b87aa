package dev.paxosref.node;

/**
 * What every node of the node layer offers its environment, whatever protocol it runs: boot, restart from what
 * its storage kept, heartbeats, protocol messages, timers, and the routing of the messages its committed steps
 * send. {@code M} is the protocol's message family, {@code D} what its storage gives back after a restart.
 */
public interface Node<M, D extends NodeDurable> {
    /** Boots (or reboots) the node: MultiPaxosElection.tla's Recover, not enabled on the first boot. */
    void start();

    /** A crash and restart from what the disk kept: volatile state rebuilt, the spec's crash actions taken. */
    void restart(D durable);

    /** The election's "I am alive" from node {@code from}. */
    void onHeartbeat(int from);

    void onMessage(M message);

    /** A timer fired; returns when it should fire again, in milliseconds from now. */
    long onTimer(Timer timer);

    /** One message a committed step sent, to pass to the transport towards its receivers. */
    void route(M message);
}
