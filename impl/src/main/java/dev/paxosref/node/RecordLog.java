package dev.paxosref.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** See {@link Storage#sync()}. */
    public boolean sync() {
        return storage.sync();
    }

    /** Writes a record's fields. */
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a record's fields back. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A record's fields as bytes, big-endian as {@link ByteBuffer} writes them. */
    public static byte[] encode(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to take a write", e);
        }
        return bytes.toByteArray();
    }

    /** The fields of an intact record, read back. */
    public static <T> T decode(ByteBuffer fields, Reader<T> reader) {
        byte[] bytes = new byte[fields.remaining()];
        fields.get(bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            // The record's checksum matched, so only a bug in its codec gets here.
            throw new UncheckedIOException("a checksummed record does not decode", e);
        }
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
