package dev.paxosref.sim;

import dev.paxosref.core.Step;

/** Receives every spec action a node executes, in execution order, with the node's Lamport clock after it. */
interface StepRecorder {
    void executed(int node, long clock, Step.Ready ready);
}
