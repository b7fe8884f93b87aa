package dev.paxosref.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A disk that keeps synced bytes and may lose, keep or tear what was written after the last sync when the node
 * crashes, as a real disk with a volatile cache does.
 */
final class SimDisk {
    private byte[] bytes = new byte[0];
    private int syncedLength;
    private int lastWriteStart;

    void append(byte[] record) {
        lastWriteStart = bytes.length;
        bytes = Arrays.copyOf(bytes, bytes.length + record.length);
        System.arraycopy(record, 0, bytes, lastWriteStart, record.length);
    }

    void sync() {
        syncedLength = bytes.length;
    }

    /** A crash: unsynced bytes survive, vanish, or the last write survives only in part (a torn write). */
    void crash(SplittableRandom random, FaultProfile faults) {
        if (syncedLength == bytes.length) {
            return;
        }
        if (random.nextDouble() < faults.unsyncedWriteSurvivesProbability()) {
            syncedLength = bytes.length;
            return;
        }
        int keep = syncedLength;
        if (lastWriteStart >= syncedLength && random.nextDouble() < faults.tornWriteProbability()) {
            keep = lastWriteStart + random.nextInt(bytes.length - lastWriteStart);
        }
        bytes = Arrays.copyOf(bytes, keep);
        syncedLength = keep;
    }

    /** Cuts the disk to its first {@code length} bytes; the cut is durable at once, as recovery syncs it. */
    void truncate(int length) {
        assert length <= syncedLength : "truncating to " + length + " past synced " + syncedLength;
        bytes = Arrays.copyOf(bytes, length);
        syncedLength = length;
        lastWriteStart = Math.min(lastWriteStart, length);
    }

    byte[] contents() {
        return bytes.clone();
    }
}
