/**
 * The deterministic simulator: a whole cluster, its clients, a lying network and lying disks in one thread on
 * virtual time, all randomness from the seed, split into one stream per subsystem ({@code SeedSplit}: cluster,
 * network, disk, clock, clients, faults, swarm). It drives only the node layer: each server ({@code SimServer}) is
 * a {@link dev.paxosref.node.PaxosNode} or {@link dev.paxosref.node.MultiPaxosNode} over port doubles (this
 * network, a disk that loses unsynced writes, tears the last one and may die in a sync, the virtual clock, the
 * seed's randomness), and one generic {@code Simulation} runs either protocol's {@code Scenario} (its clients, its
 * safety check after every step, its end conditions). {@link dev.paxosref.sim.SimulationRunner} is the entry point
 * for {@code ./paxos sim}: named fault profiles or swarm faults drawn per seed ({@link dev.paxosref.sim.Swarm}),
 * seeds on several threads, and a violation report with the seed's faults and its replay command. Its classic bugs
 * are the mutants of {@code dev.paxosref.sim.mutant}. The {@code reconfig} fault profile runs
 * MultiPaxosReconfig.tla's proposer under the default faults while an administrator client adds an acceptor and
 * removes another through the log; the safety checker then counts each slot's votes among its configuration and
 * checks ProposalsInConfig and VotesInConfig.
 */
package dev.paxosref.sim;
