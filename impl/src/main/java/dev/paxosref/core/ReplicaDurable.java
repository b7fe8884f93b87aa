package dev.paxosref.core;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** MultiPaxos.tla: rLog[r] and snap[r], the replica's durable variables. */
public record ReplicaDurable(SortedMap<Integer, String> rLog, MachineState snap) implements Durable {
    public static final ReplicaDurable INITIAL = new ReplicaDurable(new TreeMap<>(), MachineState.INITIAL);

    public ReplicaDurable {
        rLog = Collections.unmodifiableSortedMap(new TreeMap<>(rLog));
    }
}
