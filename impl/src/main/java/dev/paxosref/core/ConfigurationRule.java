package dev.paxosref.core;

import java.util.Set;
import java.util.NavigableMap;

/**
 * MultiPaxosReconfig.tla's two rules by which a leader reads its known decisions K (slot to value): whether it
 * knows the configuration of slot s, and which configuration that is. {@link Configurations} is the spec's; the
 * simulator's window mutants replace one of them, as the spec's mutants override the definition.
 */
public interface ConfigurationRule {
    /** KnowsConfigAt(K, s). */
    boolean knowsConfigAt(NavigableMap<Integer, String> k, int s);

    /** ConfigAt(K, s). */
    Set<String> configAt(NavigableMap<Integer, String> k, int s);
}
