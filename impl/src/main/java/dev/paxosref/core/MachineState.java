package dev.paxosref.core;

import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.core.rsm.Replica;
import dev.paxosref.core.rsm.Reply;
import dev.paxosref.core.rsm.SessionTable;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MultiPaxos.tla: a replica's sm and snap, the record [idx, counter, kv, session]: the last executed slot, the
 * counter and key-value map, and the session table (each client's last seq and its reply). Immutable, so the spec's
 * snap' = sm is an assignment and a crash's sm' = snap shares nothing mutable.
 */
public record MachineState(int idx, long count, SortedMap<String, String> kv, List<Reply> sessions) {
    public static final MachineState INITIAL = new MachineState(0, 0, new TreeMap<>(), List.of());

    public MachineState {
        kv = Collections.unmodifiableSortedMap(new TreeMap<>(kv));
        sessions = List.copyOf(sessions);
    }

    /** The state after one slot, and the reply that slot's Execute sends, if any. */
    public record Applied(MachineState next, Optional<MultiMessage.Reply> reply) {
    }

    /**
     * MultiPaxos.tla: Apply(st, v) and Replies(st, v). NoOp and a command whose seq is not above its client's
     * session change nothing but idx; a command is executed through the same exactly-once {@link Replica} the
     * single-decree core uses.
     */
    public Applied apply(String v) {
        if (v.equals(MultiMessage.NO_OP)) {
            return new Applied(new MachineState(idx + 1, count, kv, sessions), Optional.empty());
        }
        ClientRequest request = CommandCodec.decode(v);
        CounterKvStore store = CounterKvStore.restore(count, kv);
        SessionTable table = new SessionTable(sessions);
        Reply reply = new Replica(store, table).apply(request);
        MachineState next = new MachineState(idx + 1, store.count(), store.entries(), table.lastReplies());
        // The session table keeps each client's last reply only; a retry older than it gets no answer, which is
        // harmless because its client has had the answer and moved on (Replies).
        Optional<MultiMessage.Reply> answer = reply.seq() == request.seq()
            ? Optional.of(new MultiMessage.Reply(v, reply.result())) : Optional.empty();
        return new Applied(next, answer);
    }
}
