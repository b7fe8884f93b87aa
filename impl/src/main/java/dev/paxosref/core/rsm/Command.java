package dev.paxosref.core.rsm;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** An operation on the replicated counter and key-value map. */
public sealed interface Command {
    /** Adds one to the counter; answers the new count. */
    record Increment() implements Command {
    }

    /** Answers the counter. */
    record CounterGet() implements Command {
    }

    /** Sets key to value; answers "ok". */
    record Put(String key, String value) implements Command {
    }

    /** Answers key's value, or "nil" when absent. */
    record Get(String key) implements Command {
    }

    /** Sets key to update if its value equals expected ("nil" for absent); answers "true" or "false". */
    record Cas(String key, String expected, String update) implements Command {
    }

    /**
     * MultiPaxosReconfig.tla's operation <<"config", C>>: from Alpha slots after its own on, the acceptors are exactly these
     * members. The state machine only answers the counter, as the spec's Apply does.
     */
    record Reconfig(SortedSet<String> members) implements Command {
        public Reconfig {
            members = Collections.unmodifiableSortedSet(new TreeSet<>(members));
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a configuration needs at least one acceptor");
            }
        }
    }
}
