package dev.paxosref.node;

/** The node's port to randomness (election jitter): seeded in the simulator, so a seed replays a run exactly. */
public interface Randomness {
    /** A number in [0, bound). */
    long nextLong(long bound);
}
