package dev.paxosref.sim.mutant;

import dev.paxosref.core.ConfigurationRule;
import dev.paxosref.core.Configurations;
import java.util.NavigableMap;
import java.util.Set;

/**
 * LEADER_IGNORES_WINDOW, MCMultiPaxosReconfig.tla's IgnoresWindow: KnowsConfigAt(K, s) == TRUE. The leader takes
 * the configuration of s from whatever decisions it knows, stale after a crash or while slots are in flight.
 */
record IgnoresWindow(Configurations real) implements ConfigurationRule {
    @Override
    public boolean knowsConfigAt(NavigableMap<Integer, String> k, int s) {
        return true;
    }

    @Override
    public Set<String> configAt(NavigableMap<Integer, String> k, int s) {
        return real.configAt(k, s);
    }
}
