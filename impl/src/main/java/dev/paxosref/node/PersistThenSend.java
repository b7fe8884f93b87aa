package dev.paxosref.node;

import dev.paxosref.core.Durable;
import dev.paxosref.core.Step;

/**
 * The etcd-raft discipline as the {@link Persistence} port of every node: write a step's durable state and sync
 * it, then record the step, then hand its messages to the node to route. A machine that dies between the write
 * and the sync took the step only if the write survived; its messages are lost either way. {@code M} is the
 * protocol's message family.
 */
public final class PersistThenSend<M> implements Persistence<M> {
    /** Where a committed step goes: its record (a trace event), its messages, and a machine that died. */
    public interface Outcome<M> {
        /** The step happened: record it before anything it sent can be seen. */
        void executed(Step.Ready<M> ready);

        /** One message of a step that happened; the node routes it. */
        void send(M message);

        /** The machine died between a write and its sync; the environment rebuilds the node from its disk. */
        void crashedDuringWrite();
    }

    private final NodeStore<?> store;
    private final Outcome<M> outcome;

    public PersistThenSend(NodeStore<?> store, Outcome<M> outcome) {
        this.store = store;
        this.outcome = outcome;
    }

    @Override
    public boolean commit(Step<M> step) {
        if (!(step instanceof Step.Ready<M> ready)) {
            return false;
        }
        if (ready.persist().isPresent()) {
            Durable durable = ready.persist().get();
            store.write(durable);
            if (!store.sync()) {
                if (store.holds(durable)) {
                    outcome.executed(ready);
                }
                outcome.crashedDuringWrite();
                return false;
            }
        }
        outcome.executed(ready);
        ready.send().forEach(outcome::send);
        return true;
    }
}
