/**
 * The deterministic simulator: a whole cluster, its clients, a lying network and lying disks in one thread on
 * virtual time, all randomness from one seeded SplittableRandom. Safety (Agreement, Validity, LearnedIsChosen) is
 * checked after every step; liveness, acknowledged results and linearizability after the heal phase.
 * {@link dev.paxosref.sim.SimulationRunner} is the entry point for {@code ./paxos sim}; its classic bugs are the
 * mutants of {@code dev.paxosref.sim.mutant}.
 */
package dev.paxosref.sim;
