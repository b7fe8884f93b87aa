package dev.paxosref.node;

/** The ports through which a node sees the world; {@code M} is its protocol's message family. */
public record Ports<M>(Transport<M> transport, Persistence<M> persistence, Clock clock, Randomness random) {
}
