package dev.paxosref.core.rsm;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The counter (increment, get) and the key-value map (put, get, cas). */
public final class CounterKvStore implements StateMachine {
    static final String ABSENT = "nil";

    private long count;
    private final TreeMap<String, String> map;

    public CounterKvStore() {
        this(0, new TreeMap<>());
    }

    private CounterKvStore(long count, TreeMap<String, String> map) {
        this.count = count;
        this.map = map;
    }

    /** A store holding the given state, as a replica's snapshot recorded it. */
    public static CounterKvStore restore(long count, Map<String, String> map) {
        return new CounterKvStore(count, new TreeMap<>(map));
    }

    public long count() {
        return count;
    }

    /** The key-value map, in key order. */
    public SortedMap<String, String> entries() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    @Override
    public String apply(Command command) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this chain exhaustive by review.
        if (command instanceof Command.Increment) {
            return Long.toString(++count);
        }
        if (command instanceof Command.CounterGet || command instanceof Command.Reconfig) {
            return Long.toString(count);
        }
        if (command instanceof Command.Put put) {
            map.put(put.key(), put.value());
            return "ok";
        }
        if (command instanceof Command.Get get) {
            return map.getOrDefault(get.key(), ABSENT);
        }
        Command.Cas cas = (Command.Cas) command;
        boolean matches = map.getOrDefault(cas.key(), ABSENT).equals(cas.expected());
        if (matches) {
            map.put(cas.key(), cas.update());
        }
        return Boolean.toString(matches);
    }

    @Override
    public StateMachine copy() {
        return new CounterKvStore(count, new TreeMap<>(map));
    }

    @Override
    public Object snapshot() {
        return Map.entry(count, Map.copyOf(map));
    }
}
