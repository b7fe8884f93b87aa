package dev.paxosref.sim;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.Durable;
import dev.paxosref.core.ProposerDurable;
import dev.paxosref.node.NodeStore;
import dev.paxosref.node.RecordLog;
import dev.paxosref.node.Storage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A single-decree node's durable state as checksummed records ({@link RecordLog}): the acceptor's maxBal, maxVBal
 * and maxVal (kind 1) and the proposer's pBal (kind 2).
 */
final class DurableStore implements NodeStore {
    private static final byte KIND_ACCEPTOR = 1;
    private static final byte KIND_PROPOSER = 2;

    private final RecordLog log;

    DurableStore(Storage storage) {
        this.log = new RecordLog(storage);
    }

    @Override
    public void write(Durable durable) {
        ByteBuffer payload;
        if (durable instanceof AcceptorState s) {
            byte[] val = s.maxVal() == null ? new byte[0] : s.maxVal().getBytes(StandardCharsets.UTF_8);
            payload = ByteBuffer.allocate(3 * Integer.BYTES + val.length);
            payload.putInt(s.maxBal()).putInt(s.maxVBal());
            payload.putInt(s.maxVal() == null ? -1 : val.length).put(val);
            log.append(KIND_ACCEPTOR, payload.array());
        } else {
            log.appendInt(KIND_PROPOSER, ((ProposerDurable) durable).pBal());
        }
    }

    @Override
    public void sync() {
        log.sync();
    }

    @Override
    public boolean holds(Durable written) {
        Recovered recovered = recover();
        return written instanceof AcceptorState s ? s.equals(recovered.acceptor())
            : ((ProposerDurable) written).pBal() == recovered.pBal();
    }

    /** What survives on disk: the last intact acceptor and proposer records, or Init's values. */
    Recovered recover() {
        Map<Byte, ByteBuffer> last = log.lastByKind();
        AcceptorState acceptor = last.containsKey(KIND_ACCEPTOR) ? readAcceptor(last.get(KIND_ACCEPTOR))
            : AcceptorState.INITIAL;
        int pBal = last.containsKey(KIND_PROPOSER) ? last.get(KIND_PROPOSER).getInt() : Ballots.NONE;
        return new Recovered(acceptor, pBal);
    }

    private static AcceptorState readAcceptor(ByteBuffer payload) {
        int maxBal = payload.getInt();
        int maxVBal = payload.getInt();
        int valLength = payload.getInt();
        String maxVal = null;
        if (valLength >= 0) {
            byte[] val = new byte[valLength];
            payload.get(val);
            maxVal = new String(val, StandardCharsets.UTF_8);
        }
        return new AcceptorState(maxBal, maxVBal, maxVal);
    }

    /** A node's durable state after a restart. */
    record Recovered(AcceptorState acceptor, int pBal) {
    }
}
