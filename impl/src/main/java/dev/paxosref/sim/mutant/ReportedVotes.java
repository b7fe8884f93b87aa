package dev.paxosref.sim.mutant;

import static java.util.stream.Collectors.toCollection;

import dev.paxosref.core.Action;
import dev.paxosref.core.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PROPOSER_IGNORES_REPORTED_VOTE's device: the real proposer is handed each 1b without its votes, so that it
 * sees none to re-propose, and every step it takes is shown with the 1b messages as they arrived. Within one
 * ballot an acceptor's 1b messages differ in more than their votes, so no two arrivals share a vote-less copy.
 * {@code M} is the protocol's message family.
 */
final class ReportedVotes<M> {
    private final Map<M, M> arrivedByBlank = new HashMap<>();

    /** Remembers the 1b as it arrived; returns the copy to hand the real proposer. */
    <B extends M> B blank(B arrived, B withoutVotes) {
        arrivedByBlank.put(withoutVotes, arrived);
        return withoutVotes;
    }

    /** A new ballot: the promises of the last one are never shown again. */
    void clear() {
        arrivedByBlank.clear();
    }

    /** The step, with every vote-less 1b in its parameters, recv and state replaced by the 1b that arrived. */
    Step<M> restore(Step<M> step) {
        return step instanceof Step.Ready<M> r ? restore(r) : step;
    }

    /** {@link #restore(Step)} for an action that is always enabled. */
    Step.Ready<M> restore(Step.Ready<M> r) {
        Map<String, Object> params = new LinkedHashMap<>();
        r.action().params().forEach((name, value) -> params.put(name, arrived(value)));
        Map<String, Object> state = new LinkedHashMap<>();
        r.state().forEach((name, value) -> state.put(name, value instanceof Set<?> set
            ? set.stream().map(this::arrived).collect(toCollection(LinkedHashSet::new)) : value));
        List<M> recv = r.recv().stream().map(m -> arrivedByBlank.getOrDefault(m, m)).toList();
        return new Step.Ready<>(new Action(r.action().name(), params), recv, r.persist(), r.send(), state);
    }

    private Object arrived(Object value) {
        Object arrived = arrivedByBlank.get(value);
        return arrived != null ? arrived : value;
    }
}
