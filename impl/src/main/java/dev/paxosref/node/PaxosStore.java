package dev.paxosref.node;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Durable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A single-decree node's durable state as checksummed records ({@link RecordStore}): the acceptor's maxBal, maxVBal
 * and maxVal (kind 1) and the proposer's pBal (kind 2).
 */
public final class PaxosStore extends RecordStore<PaxosDurable> {
    private static final byte KIND_ACCEPTOR = 1;
    /** The length field of a maxVal that is None. */
    private static final int NONE_LENGTH = -1;

    public PaxosStore(Storage storage) {
        super(storage);
    }

    /** The only other role with durable state is the acceptor; a learner keeps nothing. */
    @Override
    protected void writeRole(Durable durable) {
        append(KIND_ACCEPTOR, out -> writeAcceptor(out, (AcceptorState) durable));
    }

    @Override
    protected PaxosDurable recover(LastRecords last) {
        return new PaxosDurable(last.read(KIND_ACCEPTOR, PaxosStore::readAcceptor, AcceptorState.INITIAL), last.pBal());
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
