package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.SeedSplit.Subsystem;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedSplitTest {
    @Test
    void whatOneSubsystemDrawsDoesNotShiftAnother() {
        SeedSplit busyNetwork = new SeedSplit(42);
        for (int i = 0; i < 1_000; i++) {
            busyNetwork.of(Subsystem.NETWORK).nextDouble();
        }
        SeedSplit quietNetwork = new SeedSplit(42);
        for (Subsystem other : Set.of(Subsystem.DISK, Subsystem.CLOCK, Subsystem.CLIENTS, Subsystem.FAULTS)) {
            assertEquals(quietNetwork.of(other).nextLong(), busyNetwork.of(other).nextLong(), other.name());
        }
        assertNotEquals(new SeedSplit(42).of(Subsystem.DISK).nextLong(), new SeedSplit(42).of(Subsystem.CLOCK).nextLong());
    }

    @Test
    void swarmFaultsAreTheSeedsOwnAndDifferAcrossSeeds() {
        Swarm swarm = new Swarm();
        Set<FaultProfile> drawn = new HashSet<>();
        int seedsWithoutLoss = 0;
        for (long seed = 1; seed <= 300; seed++) {
            FaultProfile profile = swarm.forSeed(seed);
            assertEquals(profile, swarm.forSeed(seed));
            assertEquals("swarm", profile.name());
            drawn.add(profile);
            seedsWithoutLoss += profile.dropProbability() == 0 ? 1 : 0;
        }
        assertEquals(300, drawn.size());
        assertTrue(seedsWithoutLoss > 50 && seedsWithoutLoss < 150, "seeds without loss: " + seedsWithoutLoss);
    }
}
