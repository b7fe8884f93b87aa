package dev.paxosref.core;

/** State a role must have on stable storage before the messages of the same step leave the node. */
public sealed interface Durable permits AcceptorState, ProposerDurable, MultiAcceptorDurable, ReplicaDurable {
}
