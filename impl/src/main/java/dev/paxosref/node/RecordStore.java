package dev.paxosref.node;

import dev.paxosref.core.Ballots;
import dev.paxosref.core.Durable;
import dev.paxosref.core.ProposerDurable;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A node's durable state as checksummed records ({@link RecordLog}), one kind per role. Each record holds its
 * role's whole durable state, so recovery takes the last intact record of each kind, or Init's value where there
 * is none. The proposer's pBal is kind 2 in both protocols; each protocol's store adds its other roles' kinds.
 */
public abstract class RecordStore<D extends NodeDurable> implements NodeStore<D> {
    private static final byte KIND_PROPOSER = 2;

    private final RecordLog log;

    protected RecordStore(Storage storage) {
        this.log = new RecordLog(storage);
    }

    @Override
    public final void write(Durable durable) {
        if (durable instanceof ProposerDurable p) {
            log.appendInt(KIND_PROPOSER, p.pBal());
        } else {
            writeRole(durable);
        }
    }

    /** Writes the durable state of a role other than the proposer, with {@link #append}. */
    protected abstract void writeRole(Durable durable);

    protected final void append(byte kind, RecordLog.Writer fields) {
        log.append(kind, RecordLog.encode(fields));
    }

    @Override
    public final boolean sync() {
        return log.sync();
    }

    @Override
    public final D recover() {
        return recover(new LastRecords(log.lastByKind()));
    }

    /** What the last intact records give. */
    protected abstract D recover(LastRecords last);

    /** The last intact record of each kind, read back. */
    protected static final class LastRecords {
        private final Map<Byte, ByteBuffer> byKind;

        private LastRecords(Map<Byte, ByteBuffer> byKind) {
            this.byKind = byKind;
        }

        public int pBal() {
            return byKind.containsKey(KIND_PROPOSER) ? byKind.get(KIND_PROPOSER).getInt() : Ballots.NONE;
        }

        /** The last record of {@code kind}, or {@code initial} if none is intact. */
        public <T> T read(byte kind, RecordLog.Reader<T> reader, T initial) {
            return byKind.containsKey(kind) ? RecordLog.decode(byKind.get(kind), reader) : initial;
        }
    }
}
