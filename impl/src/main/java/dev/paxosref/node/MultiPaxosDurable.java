package dev.paxosref.node;

import dev.paxosref.core.Durable;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.ProposerDurable;
import dev.paxosref.core.ReplicaDurable;
import java.util.List;

/** What a Multi-Paxos node reads back from stable storage after a restart: each role's durable variables. */
public record MultiPaxosDurable(MultiAcceptorDurable acceptor, int pBal, ReplicaDurable replica)
    implements NodeDurable {
    @Override
    public List<Durable> parts() {
        return List.of(acceptor, new ProposerDurable(pBal), replica);
    }
}
