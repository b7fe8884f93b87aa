package dev.paxosref.sim.mutant;

import dev.paxosref.core.Ballots;
import dev.paxosref.core.Message;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.Step;
import java.util.Optional;

/**
 * PROPOSER_IGNORES_REPORTED_VOTE for Paxos.tla: Phase2a proposes the value asked for even when a promise reported
 * a vote for another (SafeValue without its first disjunct's condition).
 */
final class ProposerIgnoresVotes implements ProposerRole {
    private final Proposer real;
    private final ReportedVotes<Message> reported = new ReportedVotes<>();

    ProposerIgnoresVotes(Proposer real) {
        this.real = real;
    }

    @Override
    public int id() {
        return real.id();
    }

    @Override
    public int pBal() {
        return real.pBal();
    }

    @Override
    public Proposer.Phase pPhase() {
        return real.pPhase();
    }

    @Override
    public boolean hasHeard(String v) {
        return real.hasHeard(v);
    }

    @Override
    public Optional<String> valueToPropose() {
        return real.valueToPropose();
    }

    @Override
    public Step.Ready<Message> Propose(String v) {
        return real.Propose(v);
    }

    @Override
    public void receive(Message.Msg1b m) {
        real.receive(reported.blank(m, new Message.Msg1b(m.acc(), m.bal(), Ballots.NONE, null)));
    }

    @Override
    public Step<Message> Phase1a(int b) {
        reported.clear();
        return real.Phase1a(b);
    }

    @Override
    public Step<Message> Phase2a(String v) {
        return reported.restore(real.Phase2a(v));
    }

    @Override
    public Step.Ready<Message> ProposerCrash() {
        reported.clear();
        return real.ProposerCrash();
    }
}
