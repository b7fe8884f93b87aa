package dev.paxosref.sim;

/**
 * The faults of a run of seeds: one named {@link FaultProfile} for every seed, or {@link Swarm} faults whose
 * parameters each seed draws for itself.
 */
public sealed interface Faults permits FaultProfile, Swarm {
    /** The name on the command line, which replays the same faults for the same seed. */
    String name();

    /** The profile seed {@code seed} runs under. */
    FaultProfile forSeed(long seed);

    /** The faults named on a command line: none, default, harsh or swarm. */
    static Faults named(String name) {
        return name.equals(Swarm.NAME) ? new Swarm() : FaultProfile.named(name);
    }
}
