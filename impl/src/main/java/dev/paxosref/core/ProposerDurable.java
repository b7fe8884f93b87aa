package dev.paxosref.core;

/** Paxos.tla: pBal[p], the proposer's only durable variable. */
public record ProposerDurable(int pBal) implements Durable {
}
