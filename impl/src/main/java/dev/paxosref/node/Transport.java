package dev.paxosref.node;

/**
 * The node's port to the network: best effort, as the spec's network is (a message may be lost, duplicated or
 * reordered). {@code M} is the protocol's message family; a runtime's adapter puts it on the wire with a codec.
 */
public interface Transport<M> {
    /** To the node with this index (0 .. nodeCount - 1). */
    void toNode(int node, M message);

    /** To the client that sent a command, named by the client id the command carries. */
    void toClient(String clientId, M message);

    /** The election's "I am alive" to the node with this index; not a spec message. */
    void heartbeat(int node);
}
