/**
 * The deterministic simulator: a whole cluster, its clients, a lying network and lying disks in one thread on
 * virtual time, all randomness from one seeded SplittableRandom. Safety (Agreement, Validity, LearnedIsChosen) is
 * checked after every step; liveness, acknowledged results and linearizability after the heal phase.
 * {@link dev.paxosref.sim.SimulationRunner} is the entry point for {@code ./paxos sim}; its classic bugs are the
 * mutants of {@code dev.paxosref.sim.mutant}. A Multi-Paxos server ({@code MultiSimNode}) is the node layer's
 * {@link dev.paxosref.node.MultiPaxosNode} over port doubles: this network, a lying disk, the virtual clock and the
 * seed's randomness. The {@code reconfig} fault profile runs MultiPaxosReconfig.tla's proposer under the default
 * faults while an administrator client adds an acceptor and removes another through the log; the safety checker
 * then counts each slot's votes among its configuration and checks ProposalsInConfig and VotesInConfig.
 */
package dev.paxosref.sim;
