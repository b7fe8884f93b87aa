package dev.paxosref.core;

import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * MultiPaxosReconfig.tla's configurations: InitConfig is in force from slot 1, and a reconfiguration chosen at slot
 * i (a value that encodes {@link Command.Reconfig}) is in force from slot i + Alpha. Every node that computes the
 * configuration of s from chosen slots up to s - Alpha gets the same one, which is what makes the move safe.
 */
public record Configurations(SortedSet<String> initConfig, int alpha) implements ConfigurationRule {
    private static final String CONFIG_FIELD = CommandCodec.SEPARATOR + "config" + CommandCodec.SEPARATOR;

    public Configurations {
        SortedSet<String> members = Collections.unmodifiableSortedSet(new TreeSet<>(initConfig));
        Invariant.check(!members.isEmpty() && alpha >= 1,
            () -> "InitConfig # {} and Alpha \\in Nat \\ {0}: " + members + ", " + alpha);
        initConfig = members;
    }

    /** IsReconfig(v) and v.config: the acceptors the reconfiguration v names. */
    public static Optional<SortedSet<String>> named(String v) {
        // Most values are no reconfiguration; the substring test spares decoding them.
        if (!v.contains(CONFIG_FIELD)) {
            return Optional.empty();
        }
        return CommandCodec.decode(v).command() instanceof Command.Reconfig r ? Optional.of(r.members())
            : Optional.empty();
    }

    /** KnowsConfigAt(K, s): K holds every decision up to s - Alpha. */
    @Override
    public boolean knowsConfigAt(NavigableMap<Integer, String> k, int s) {
        for (int i = s - alpha; i >= 1; i--) {
            if (!k.containsKey(i)) {
                return false;
            }
        }
        return true;
    }

    /** LastConfigUpTo(K, j): the configuration named by the last reconfiguration in K at a slot <= j. */
    public Set<String> lastConfigUpTo(NavigableMap<Integer, String> k, int j) {
        for (String v : k.headMap(j, true).descendingMap().values()) {
            Optional<SortedSet<String>> moved = named(v);
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        return initConfig;
    }

    /** ConfigAt(K, s) == LastConfigUpTo(K, s - Alpha). */
    @Override
    public Set<String> configAt(NavigableMap<Integer, String> k, int s) {
        return lastConfigUpTo(k, s - alpha);
    }

    /** IsQuorum(C, S): S holds a majority of the configuration C. */
    public static boolean isQuorum(Set<String> c, Collection<String> s) {
        return 2 * s.stream().distinct().filter(c::contains).count() > c.size();
    }
}
