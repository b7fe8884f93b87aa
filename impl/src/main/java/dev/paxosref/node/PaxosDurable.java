package dev.paxosref.node;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Durable;
import dev.paxosref.core.ProposerDurable;
import java.util.List;

/** What a single-decree node reads back from stable storage after a restart; its learner keeps nothing. */
public record PaxosDurable(AcceptorState acceptor, int pBal) implements NodeDurable {
    @Override
    public List<Durable> parts() {
        return List.of(acceptor, new ProposerDurable(pBal));
    }
}
