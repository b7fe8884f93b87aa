/**
 * Classic Paxos bugs, kept out of the core: each {@link dev.paxosref.sim.mutant.Mutant} is a decorator of a role
 * interface of {@code dev.paxosref.core} that changes one spec action by handing the real role different inputs
 * (a forgotten promise, 1b messages without their votes, a quorum of the voters alone) or dropping or adding part
 * of its step (a reply, a vote sent again), or of the node's persistence port that drops part of a step (what the
 * acceptor's answers persist). The core's own code decides everything else, so a mutant's trace differs from the correct
 * core's only where the bug does. {@link dev.paxosref.sim.mutant.Mutants} builds a node's roles; ArchUnit keeps
 * this package out of the core.
 */
package dev.paxosref.sim.mutant;
