package dev.paxosref.sim;

import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.Durable;
import dev.paxosref.core.ProposerDurable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A node's durable state as a log of checksummed records on a SimDisk: [length][crc32][kind][fields]. Recovery
 * takes the last intact record of each kind, so a torn tail is detected and ignored rather than misread.
 */
final class DurableStore implements NodeStore {
    private static final byte KIND_ACCEPTOR = 1;
    static final byte KIND_PROPOSER = 2;
    private static final int HEADER_BYTES = 8;
    /** A record holds a node's durable state, a few kilobytes at most: far below this unless the disk is corrupt. */
    private static final int RECORD_BYTES_MAX = 1 << 20;

    private final SimDisk disk;

    DurableStore(SimDisk disk) {
        this.disk = disk;
    }

    @Override
    public void write(Durable durable) {
        ByteBuffer payload;
        if (durable instanceof AcceptorState s) {
            byte[] val = s.maxVal() == null ? new byte[0] : s.maxVal().getBytes(StandardCharsets.UTF_8);
            payload = ByteBuffer.allocate(3 * Integer.BYTES + val.length);
            payload.putInt(s.maxBal()).putInt(s.maxVBal());
            payload.putInt(s.maxVal() == null ? -1 : val.length).put(val);
            writeRecord(KIND_ACCEPTOR, payload.array());
        } else {
            writeRecord(KIND_PROPOSER, ByteBuffer.allocate(Integer.BYTES).putInt(((ProposerDurable) durable).pBal())
                .array());
        }
    }

    /** Appends one checksummed record of the given kind; kinds 1 and 2 are single-decree Paxos's. */
    void writeRecord(byte kind, byte[] fields) {
        ByteBuffer payload = ByteBuffer.allocate(1 + fields.length).put(kind).put(fields).flip();
        CRC32 crc = new CRC32();
        crc.update(payload.duplicate());
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.remaining());
        record.putInt(payload.remaining()).putInt((int) crc.getValue()).put(payload);
        disk.append(record.array());
    }

    @Override
    public void sync() {
        disk.sync();
    }

    @Override
    public boolean holds(Durable written) {
        Recovered recovered = recover();
        return written instanceof AcceptorState s ? s.equals(recovered.acceptor())
            : ((ProposerDurable) written).pBal() == recovered.pBal();
    }

    /** What survives on disk: the last intact acceptor and proposer records, or Init's values. */
    Recovered recover() {
        Map<Byte, ByteBuffer> last = recoverLastByKind();
        AcceptorState acceptor = last.containsKey(KIND_ACCEPTOR) ? readAcceptor(last.get(KIND_ACCEPTOR))
            : AcceptorState.INITIAL;
        int pBal = last.containsKey(KIND_PROPOSER) ? last.get(KIND_PROPOSER).getInt() : Ballots.NONE;
        return new Recovered(acceptor, pBal);
    }

    /**
     * The fields of the last intact record of each kind. A torn tail is cut off, as a real write-ahead log does,
     * so that records written after the restart are not hidden behind it.
     */
    Map<Byte, ByteBuffer> recoverLastByKind() {
        ByteBuffer in = ByteBuffer.wrap(disk.contents());
        Map<Byte, ByteBuffer> last = new HashMap<>();
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
            last.put(payload.get(), payload.slice());
            intactLength = in.position();
        }
        disk.truncate(intactLength);
        return last;
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
