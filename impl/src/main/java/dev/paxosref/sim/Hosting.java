package dev.paxosref.sim;

import dev.paxosref.node.Node;
import dev.paxosref.node.NodeDurable;
import dev.paxosref.node.NodeStore;
import dev.paxosref.node.Ports;
import dev.paxosref.node.Storage;

/**
 * How a {@link SimServer} hosts one protocol's node: its store on the server's disk, the node built over the
 * server's ports, and what of the network's traffic is the protocol's. {@code M} is the protocol's message family,
 * {@code D} what its store reads back, {@code N} its node.
 */
interface Hosting<M, D extends NodeDurable, N extends Node<M, D>> {
    NodeStore<D> store(Storage disk);

    /** The node of {@code server}, from what its disk holds. */
    N node(SimServer<M, D, N> server, Ports<M> ports, D durable);

    Wire wrap(M message);

    /** A payload other than a heartbeat, delivered to the live node. */
    void receive(N node, Wire payload);
}
