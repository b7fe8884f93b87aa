package dev.paxosref.trace.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The bytes of a file from one offset to another, as a stream: so that two threads can each read one half of a
 * long trace file.
 */
final class FileRange extends InputStream {
    private final FileChannel channel;
    private long remaining;

    FileRange(Path file, long start, long end) throws IOException {
        this.channel = FileChannel.open(file);
        channel.position(start);
        this.remaining = end - start;
    }

    /**
     * Where a long file may be cut in two: just after the first {@code \n} from its middle on, so that each part
     * holds whole lines; -1 if the file is shorter than {@code bytesMin} or has no such line end.
     */
    static long splitPoint(Path file, long bytesMin) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size < bytesMin) {
                return -1;
            }
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (long at = size / 2; channel.read(chunk.clear(), at) > 0; at += chunk.position()) {
                for (int i = 0; i < chunk.position(); i++) {
                    if (chunk.get(i) == '\n') {
                        return at + i + 1;
                    }
                }
            }
            return -1;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int read = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, remaining)));
        if (read > 0) {
            remaining -= read;
        }
        return read;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
