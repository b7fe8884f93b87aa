package dev.paxosref.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one call of a spec action returns: either it was not enabled, or what to persist and then send. */
public sealed interface Step {

    /** The guard conjunct that failed, named as in the spec. Nothing changed. */
    record NotEnabled(String action, String failedConjunct) implements Step {
    }

    /**
     * The action happened (the etcd-raft Ready idea). The caller must make {@code persist} durable before any of
     * {@code send} leaves the node; {@code recv} are the messages the action read; {@code state} is the role's
     * post-state under the spec's variable names.
     */
    record Ready(Action action, List<Message> recv, Optional<Durable> persist, List<Message> send,
                 Map<String, Object> state) implements Step {
        public Ready {
            recv = List.copyOf(recv);
            send = List.copyOf(send);
            state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        }
    }

    default boolean enabled() {
        return this instanceof Ready;
    }
}
