package dev.paxosref.sim.mutant;

import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Step;

/** ACCEPTOR_SKIPS_PERSIST for MultiPaxos.tla's acceptor: promises and votes are sent but never written. */
record MultiAcceptorSkipsPersist(MultiAcceptorRole real) implements Forwarding.MultiAcceptor {
    @Override
    public Step<MultiMessage> Phase1b(int b) {
        return SkippedPersist.of(real.Phase1b(b));
    }

    @Override
    public Step<MultiMessage> Phase2b(int b, int s, String v) {
        return SkippedPersist.of(real.Phase2b(b, s, v));
    }
}
