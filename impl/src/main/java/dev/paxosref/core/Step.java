package dev.paxosref.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one call of a spec action returns: either it was not enabled, or what to persist and then send. {@code M}
 * is the protocol's message family ({@link Message} for Paxos.tla, {@link MultiMessage} for MultiPaxos.tla), so
 * that a caller reads the messages of its own protocol without a cast.
 */
public sealed interface Step<M> {

    /** The guard conjunct that failed, named as in the spec. Nothing changed. */
    record NotEnabled<M>(String action, String failedConjunct) implements Step<M> {
    }

    /**
     * The action happened (the etcd-raft Ready idea). The caller must make {@code persist} durable before any of
     * {@code send} leaves the node; {@code recv} are the messages the action read; {@code state} is the role's
     * post-state under the spec's variable names.
     */
    record Ready<M>(Action action, List<M> recv, Optional<Durable> persist, List<M> send,
                    Map<String, Object> state) implements Step<M> {
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
