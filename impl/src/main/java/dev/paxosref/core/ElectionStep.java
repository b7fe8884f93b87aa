package dev.paxosref.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call of a MultiPaxosElection.tla election action returns, in {@link Step}'s style: not enabled (naming
 * the failed conjunct), or ready with the heartbeats to send. The election has no durable state, so nothing to
 * persist; its only message is a heartbeat, which is not a Paxos {@link Message}.
 */
public sealed interface ElectionStep {

    /** The guard conjunct that failed, named as in the spec. Nothing changed. */
    record NotEnabled(String action, String failedConjunct) implements ElectionStep {
    }

    /** The action happened; {@code state} is the node's election state under the spec's variable names. */
    record Ready(Action action, List<Heartbeat> send, Map<String, Object> state) implements ElectionStep {
        public Ready {
            send = List.copyOf(send);
            state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        }
    }

    /** MultiPaxosElection.tla's heartbeat {@code <<from, to>>}: "from is alive". */
    record Heartbeat(int from, int to) {
        public Heartbeat {
            if (to == from) {
                throw new IllegalArgumentException("a heartbeat goes to another node: " + from + " -> " + to);
            }
        }
    }

    default boolean enabled() {
        return this instanceof Ready;
    }
}
