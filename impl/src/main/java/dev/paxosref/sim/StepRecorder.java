package dev.paxosref.sim;

import dev.paxosref.core.Step;

/**
 * Receives every spec action a node executes, in execution order, with the node's Lamport clock after it; {@code M}
 * is the protocol's message family.
 */
interface StepRecorder<M> {
    void executed(int node, long clock, Step.Ready<M> ready);
}
