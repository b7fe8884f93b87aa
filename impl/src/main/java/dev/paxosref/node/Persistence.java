package dev.paxosref.node;

import dev.paxosref.core.Step;

/**
 * The node's port to stable storage, in the etcd-raft discipline: a step's durable state is written and synced
 * before its messages leave. The environment then hands each sent message back to the node to route.
 */
public interface Persistence<M> {
    /**
     * Carries out a step: persist and sync its durable state, record it, then send its messages. Returns whether
     * the action happened and the node is still up: false if the step was not enabled, or if the machine crashed
     * before the sync (the node has then been rebuilt from what the disk kept, and the caller must stop).
     */
    boolean commit(Step<M> step);
}
