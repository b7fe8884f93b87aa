package dev.paxosref.node;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.Durable;
import dev.paxosref.core.ProposerDurable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A single-decree node's durable state as checksummed records ({@link RecordLog}): the acceptor's maxBal, maxVBal
 * and maxVal (kind 1) and the proposer's pBal (kind 2, as Multi-Paxos writes it).
 */
public final class PaxosStore implements NodeStore<PaxosDurable> {
    private static final byte KIND_ACCEPTOR = 1;
    private static final byte KIND_PROPOSER = 2;
    /** The length field of a maxVal that is None. */
    private static final int NONE_LENGTH = -1;

    private final RecordLog log;

    public PaxosStore(Storage storage) {
        this.log = new RecordLog(storage);
    }

    @Override
    public void write(Durable durable) {
        if (durable instanceof AcceptorState s) {
            log.append(KIND_ACCEPTOR, RecordLog.encode(out -> writeAcceptor(out, s)));
        } else {
            log.appendInt(KIND_PROPOSER, ((ProposerDurable) durable).pBal());
        }
    }

    @Override
    public boolean sync() {
        return log.sync();
    }

    @Override
    public PaxosDurable recover() {
        Map<Byte, ByteBuffer> last = log.lastByKind();
        AcceptorState acceptor = last.containsKey(KIND_ACCEPTOR)
            ? RecordLog.decode(last.get(KIND_ACCEPTOR), PaxosStore::readAcceptor) : AcceptorState.INITIAL;
        int pBal = last.containsKey(KIND_PROPOSER) ? last.get(KIND_PROPOSER).getInt() : Ballots.NONE;
        return new PaxosDurable(acceptor, pBal);
    }

    private static void writeAcceptor(DataOutputStream out, AcceptorState s) throws IOException {
        out.writeInt(s.maxBal());
        out.writeInt(s.maxVBal());
        if (s.maxVal() == null) {
            out.writeInt(NONE_LENGTH);
            return;
        }
        byte[] val = s.maxVal().getBytes(StandardCharsets.UTF_8);
        out.writeInt(val.length);
        out.write(val);
    }

    private static AcceptorState readAcceptor(DataInputStream in) throws IOException {
        int maxBal = in.readInt();
        int maxVBal = in.readInt();
        int valLength = in.readInt();
        if (valLength == NONE_LENGTH) {
            return new AcceptorState(maxBal, maxVBal, null);
        }
        return new AcceptorState(maxBal, maxVBal, new String(in.readNBytes(valLength), StandardCharsets.UTF_8));
    }
}
