package dev.paxosref.sim;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.Durable;
import dev.paxosref.core.ProposerDurable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A node's durable state as a log of checksummed records on a SimDisk: [length][crc32][kind][fields]. Recovery
 * takes the last intact record of each kind, so a torn tail is detected and ignored rather than misread.
 */
final class DurableStore {
    private static final byte KIND_ACCEPTOR = 1;
    private static final byte KIND_PROPOSER = 2;
    private static final int HEADER_BYTES = 8;
    /** A record holds two ints, a ballot and one value: far below this unless the disk is corrupt. */
    private static final int RECORD_BYTES_MAX = 1 << 16;

    private final SimDisk disk;

    DurableStore(SimDisk disk) {
        this.disk = disk;
    }

    /** Writes the record without syncing; the caller syncs before anything that depends on it leaves the node. */
    void write(Durable durable) {
        ByteBuffer payload;
        if (durable instanceof AcceptorState s) {
            byte[] val = s.maxVal() == null ? new byte[0] : s.maxVal().getBytes(StandardCharsets.UTF_8);
            payload = ByteBuffer.allocate(1 + 3 * Integer.BYTES + val.length);
            payload.put(KIND_ACCEPTOR).putInt(s.maxBal()).putInt(s.maxVBal());
            payload.putInt(s.maxVal() == null ? -1 : val.length).put(val);
        } else {
            payload = ByteBuffer.allocate(1 + Integer.BYTES);
            payload.put(KIND_PROPOSER).putInt(((ProposerDurable) durable).pBal());
        }
        payload.flip();
        CRC32 crc = new CRC32();
        crc.update(payload.duplicate());
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.remaining());
        record.putInt(payload.remaining()).putInt((int) crc.getValue()).put(payload);
        disk.append(record.array());
    }

    void sync() {
        disk.sync();
    }

    /**
     * What survives on disk: the last intact acceptor and proposer records, or Init's values. A torn tail is cut
     * off, as a real write-ahead log does, so that records written after the restart are not hidden behind it.
     */
    Recovered recover() {
        ByteBuffer in = ByteBuffer.wrap(disk.contents());
        AcceptorState acceptor = AcceptorState.INITIAL;
        int pBal = Ballots.NONE;
        int intactLength = 0;
        while (in.remaining() >= HEADER_BYTES) {
            int length = in.getInt();
            int crcStored = in.getInt();
            if (length <= 0 || length > RECORD_BYTES_MAX || length > in.remaining()) {
                break; // a torn tail: the rest of the last write never reached the disk
            }
            ByteBuffer payload = in.slice().limit(length);
            in.position(in.position() + length);
            CRC32 crc = new CRC32();
            crc.update(payload.duplicate());
            if ((int) crc.getValue() != crcStored) {
                break;
            }
            if (payload.get() == KIND_ACCEPTOR) {
                acceptor = readAcceptor(payload);
            } else {
                pBal = payload.getInt();
            }
            intactLength = in.position();
        }
        disk.truncate(intactLength);
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
