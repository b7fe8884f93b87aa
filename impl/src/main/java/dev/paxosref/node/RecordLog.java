package dev.paxosref.node;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Checksummed records on a {@link Storage}: [length][crc32][kind][fields]. Each record holds one role's whole
 * durable state, so recovery takes the last intact record of each kind; a torn tail is detected and cut off rather
 * than misread.
 */
public final class RecordLog {
    private static final int HEADER_BYTES = 8;
    /** A record holds a node's durable state, a few kilobytes at most: far below this unless the disk is corrupt. */
    private static final int RECORD_BYTES_MAX = 1 << 20;

    private final Storage storage;

    public RecordLog(Storage storage) {
        this.storage = storage;
    }

    /** Appends one record of the given kind, without syncing. */
    public void append(byte kind, byte[] fields) {
        ByteBuffer payload = ByteBuffer.allocate(1 + fields.length).put(kind).put(fields).flip();
        CRC32 crc = new CRC32();
        crc.update(payload.duplicate());
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.remaining());
        record.putInt(payload.remaining()).putInt((int) crc.getValue()).put(payload);
        storage.append(record.array());
    }

    /** Appends a record whose one field is an int (a proposer's pBal, for both protocols). */
    public void appendInt(byte kind, int value) {
        append(kind, ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }

    public void sync() {
        storage.sync();
    }

    /**
     * The fields of the last intact record of each kind. A torn tail is cut off, as a real write-ahead log does,
     * so that records written after the restart are not hidden behind it.
     */
    public Map<Byte, ByteBuffer> lastByKind() {
        ByteBuffer in = ByteBuffer.wrap(storage.readBack());
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
        storage.truncate(intactLength);
        return last;
    }
}
