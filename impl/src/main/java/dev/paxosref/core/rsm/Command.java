package dev.paxosref.core.rsm;

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
}
