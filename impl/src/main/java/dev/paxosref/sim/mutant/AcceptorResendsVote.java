package dev.paxosref.sim.mutant;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * ACCEPTOR_RESENDS_VOTE: an acceptor that promises also sends its last 2b again. The 2b was sent when it voted, so
 * Paxos.tla's network, the set of every message sent, already holds it.
 */
record AcceptorResendsVote(AcceptorRole real) implements Forwarding.Acceptor {
    @Override
    public Step<Message> Phase1b(int b) {
        Step<Message> step = real.Phase1b(b);
        if (!(step instanceof Step.Ready<Message> r) || real.lastVote().isEmpty()) {
            return step;
        }
        List<Message> send = new ArrayList<>(r.send());
        send.add(real.lastVote().get());
        return new Step.Ready<>(r.action(), r.recv(), r.persist(), send, r.state());
    }
}
