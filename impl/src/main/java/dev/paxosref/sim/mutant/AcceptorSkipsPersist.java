package dev.paxosref.sim.mutant;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.Step;

/** ACCEPTOR_SKIPS_PERSIST for Paxos.tla's acceptor: promises and votes are sent but never written. */
record AcceptorSkipsPersist(AcceptorRole real) implements Forwarding.Acceptor {
    @Override
    public Step<Message> Phase1b(int b) {
        return SkippedPersist.of(real.Phase1b(b));
    }

    @Override
    public Step<Message> Phase2b(int b, String v) {
        return SkippedPersist.of(real.Phase2b(b, v));
    }
}
