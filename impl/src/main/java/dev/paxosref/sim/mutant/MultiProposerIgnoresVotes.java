package dev.paxosref.sim.mutant;

import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposer;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.Step;
import java.util.List;

/**
 * PROPOSER_IGNORES_REPORTED_VOTE for MultiPaxos.tla: a new leader re-proposes nothing its promises reported and
 * starts proposing at StartSlot, over slots that may already be chosen. Every step that may show pPromises shows
 * them as they arrived; Phase1a and ProposerCrash leave none to show.
 */
final class MultiProposerIgnoresVotes implements MultiProposerRole {
    private final MultiProposer real;
    private final ReportedVotes<MultiMessage> reported = new ReportedVotes<>();

    MultiProposerIgnoresVotes(MultiProposer real) {
        this.real = real;
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
    public Step<MultiMessage> Phase1a(int b) {
        reported.clear();
        return real.Phase1a(b);
    }

    @Override
    public Step<MultiMessage> ReceivePromise(MultiMessage.Msg1b m) {
        MultiMessage.Msg1b blank = new MultiMessage.Msg1b(m.from(), m.bal(), m.low(), List.of());
        return reported.restore(real.ReceivePromise(reported.blank(m, blank)));
    }

    @Override
    public Step<MultiMessage> Propose(String c) {
        return reported.restore(real.Propose(c));
    }

    @Override
    public Step<MultiMessage> ReceiveAccepted(String a, int b, int s, String v, int l) {
        return reported.restore(real.ReceiveAccepted(a, b, s, v, l));
    }

    @Override
    public Step<MultiMessage> Preempted(int b, int c) {
        return reported.restore(real.Preempted(b, c));
    }

    @Override
    public Step<MultiMessage> Retransmit() {
        return reported.restore(real.Retransmit());
    }

    @Override
    public Step.Ready<MultiMessage> ReceiveCatchUp(String r, int s) {
        return reported.restore(real.ReceiveCatchUp(r, s));
    }

    @Override
    public Step.Ready<MultiMessage> ProposerCrash() {
        reported.clear();
        return real.ProposerCrash();
    }
}
