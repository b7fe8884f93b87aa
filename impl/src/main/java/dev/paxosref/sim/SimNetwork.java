package dev.paxosref.sim;

import java.util.SplittableRandom;

/**
 * The lying network: during the fault phase it drops, duplicates and delays messages (delays reorder them) and
 * cuts links between partitioned nodes. Clients sit outside partitions; only links between nodes are cut.
 */
final class SimNetwork {
    private final SimWorld world;
    private final int nodeCount;
    private final boolean[] sideOfNode;
    private boolean partitioned;
    private long droppedCount;
    private long duplicatedCount;

    SimNetwork(SimWorld world, int nodeCount) {
        this.world = world;
        this.nodeCount = nodeCount;
        this.sideOfNode = new boolean[nodeCount];
    }

    void send(Envelope envelope) {
        FaultProfile faults = world.faults();
        SplittableRandom random = world.random(SeedSplit.Subsystem.NETWORK);
        if (random.nextDouble() < faults.dropProbability()) {
            droppedCount++;
            return;
        }
        int copies = 1;
        if (random.nextDouble() < faults.duplicateProbability()) {
            copies = 2;
            duplicatedCount++;
        }
        for (int i = 0; i < copies; i++) {
            world.schedule(1 + random.nextLong(faults.delayMsMax()), new SimEvent.Deliver(envelope));
        }
    }

    /** Whether a message may arrive now: links between nodes on different sides of a partition are cut. */
    boolean linkUp(int from, int to) {
        return !partitioned || from >= nodeCount || to >= nodeCount || sideOfNode[from] == sideOfNode[to];
    }

    void partitionRandomly() {
        partitioned = true;
        for (int n = 0; n < nodeCount; n++) {
            sideOfNode[n] = world.random(SeedSplit.Subsystem.FAULTS).nextBoolean();
        }
    }

    void heal() {
        partitioned = false;
    }

    /** Messages the fault profile dropped or duplicated; partitions are counted where they are cut. */
    long faultCount() {
        return droppedCount + duplicatedCount;
    }
}
