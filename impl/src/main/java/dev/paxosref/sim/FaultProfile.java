package dev.paxosref.sim;

import java.util.Locale;

/**
 * How hard the simulated world lies during the fault phase; the heal phase that follows has none of it.
 * Probabilities are per message (network) or per chaos tick (crashes, partitions).
 */
public record FaultProfile(
    String name,
    double dropProbability,
    double duplicateProbability,
    long delayMsMax,
    double crashProbability,
    double restartProbability,
    double partitionProbability,
    double healProbability,
    double crashDuringWriteProbability,
    double unsyncedWriteSurvivesProbability,
    double tornWriteProbability,
    long faultPhaseMs,
    int healStepsMax) implements Faults {

    public FaultProfile {
        for (double p : new double[] {dropProbability, duplicateProbability, crashProbability, restartProbability,
            partitionProbability, healProbability, crashDuringWriteProbability, unsyncedWriteSurvivesProbability,
            tornWriteProbability}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("probabilities must lie in [0, 1]: " + this);
            }
        }
        if (delayMsMax < 1 || faultPhaseMs < 0 || healStepsMax < 1) {
            throw new IllegalArgumentException("delayMsMax >= 1, faultPhaseMs >= 0, healStepsMax >= 1: " + this);
        }
    }

    /** A network that is only slow and reorders; no node fails. */
    public static final FaultProfile NONE = new FaultProfile("none", 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 20_000);

    /** Every fault, at moderate rates. */
    public static final FaultProfile DEFAULT =
        new FaultProfile("default", 0.10, 0.05, 30, 0.10, 0.30, 0.05, 0.20, 0.05, 0.5, 0.5, 1_000, 20_000);

    /** Every fault, about three times as often, and a fault phase twice as long. */
    public static final FaultProfile HARSH =
        new FaultProfile("harsh", 0.35, 0.20, 80, 0.30, 0.30, 0.20, 0.10, 0.20, 0.5, 0.5, 2_000, 40_000);

    /**
     * The default faults while the acceptors change (Multi-Paxos only): a member is added and then one removed
     * through the log, under MultiPaxosReconfig.tla's rules, while clients increment.
     */
    public static final FaultProfile RECONFIG =
        new FaultProfile("reconfig", 0.10, 0.05, 30, 0.10, 0.30, 0.05, 0.20, 0.05, 0.5, 0.5, 1_000, 20_000);

    /** A named profile is the same for every seed. */
    @Override
    public FaultProfile forSeed(long seed) {
        return this;
    }

    /** The parameters, for a report: what a swarm seed drew. */
    public String parameters() {
        return String.format(Locale.ROOT, "network: drop %.3f, duplicate %.3f, delay up to %d ms; nodes: crash %.3f, "
                + "restart %.3f; partitions: start %.3f, heal %.3f; disk: crash in a sync %.3f, unsynced write survives %.3f, torn "
                + "%.3f; fault phase %d ms, heal within %d steps", dropProbability, duplicateProbability, delayMsMax,
            crashProbability, restartProbability, partitionProbability, healProbability, crashDuringWriteProbability,
            unsyncedWriteSurvivesProbability, tornWriteProbability, faultPhaseMs, healStepsMax);
    }

    /** The profile named on a command line: none, default, harsh or reconfig. */
    public static FaultProfile named(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "default" -> DEFAULT;
            case "harsh" -> HARSH;
            case "reconfig" -> RECONFIG;
            default -> throw new IllegalArgumentException("unknown fault profile '" + name
                + "': expected none, default, harsh, reconfig or swarm");
        };
    }

    /** Whether the run moves the acceptors through the log (RECONFIG) rather than keeping them fixed. */
    public boolean reconfigures() {
        return name.equals(RECONFIG.name);
    }
}
