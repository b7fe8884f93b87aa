package dev.paxosref.node;

import java.util.Arrays;

/**
 * A storage that keeps everything appended. A test tears it by hand, or makes the next sync report a machine that
 * died, keeping or losing what was not synced.
 */
final class MemoryStorage implements Storage {
    private byte[] bytes = new byte[0];
    private int syncedLength;
    /** What the next sync does: complete, or die keeping or losing the unsynced bytes. */
    SyncOutcome nextSync = SyncOutcome.COMPLETES;

    enum SyncOutcome { COMPLETES, DIES_KEEPING_WRITES, DIES_LOSING_WRITES }

    @Override
    public void append(byte[] record) {
        byte[] grown = Arrays.copyOf(bytes, bytes.length + record.length);
        System.arraycopy(record, 0, grown, bytes.length, record.length);
        bytes = grown;
    }

    @Override
    public boolean sync() {
        if (nextSync == SyncOutcome.DIES_LOSING_WRITES) {
            bytes = Arrays.copyOf(bytes, syncedLength);
        }
        syncedLength = bytes.length;
        return nextSync == SyncOutcome.COMPLETES;
    }

    @Override
    public byte[] readBack() {
        return bytes.clone();
    }

    @Override
    public void truncate(int lengthKept) {
        bytes = Arrays.copyOf(bytes, lengthKept);
        syncedLength = Math.min(syncedLength, lengthKept);
    }
}
