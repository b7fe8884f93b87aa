package dev.paxosref.sim.mutant;

import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.SessionTable;
import java.util.List;

/**
 * REPLICA_DROPS_RETRY_REPLY: Execute of a command the session table shows executed before (a client's retry, chosen
 * a second time) applies it as the real replica does but sends no reply.
 */
record ReplicaDropsRetryReply(MultiReplicaRole real) implements Forwarding.MultiReplica {
    @Override
    public Step<MultiMessage> Execute() {
        boolean retry = real.nextToExecute().filter(this::executedBefore).isPresent();
        Step<MultiMessage> step = real.Execute();
        return retry && step instanceof Step.Ready<MultiMessage> r
            ? new Step.Ready<>(r.action(), r.recv(), r.persist(), List.of(), r.state()) : step;
    }

    private boolean executedBefore(String v) {
        return !v.equals(MultiMessage.NO_OP)
            && new SessionTable(real.sm().sessions()).duplicateOf(CommandCodec.decode(v)).isPresent();
    }
}
