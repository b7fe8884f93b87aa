package dev.paxosref.trace.format;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one file as bytes, split where {@link java.io.BufferedReader#readLine()} splits them (at {@code \n},
 * {@code \r} or {@code \r\n}) and numbered alike, so that an ASCII line (as trace lines are) is parsed where it lies
 * in the buffer instead of being decoded into a String and copied again into the parser. A line that is not ASCII
 * is decoded as strictly as a reader of UTF-8 decodes it: malformed bytes are a fault, not replaced.
 */
final class TraceLines implements AutoCloseable {
    /** Bytes read at a time; the buffer grows beyond this only to hold a longer line whole. */
    private static final int CHUNK_BYTES = 1 << 16;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private byte[] buffer = new byte[CHUNK_BYTES];
    private int filled;
    private int lineStart;
    private int lineEnd;
    /** Where the next line starts; after a {@code \r}, a {@code \n} there is that same line's end. */
    private int next;
    private boolean afterCarriageReturn;
    private boolean ended;
    private boolean ascii;
    private int lineNumber;

    TraceLines(InputStream in) {
        this(in, 0);
    }

    /** The lines of {@code in}, numbered on from {@code linesBefore}: a part of a file after so many lines. */
    TraceLines(InputStream in, int linesBefore) {
        this.in = in;
        this.lineNumber = linesBefore;
    }

    /** Moves to the next line, blank or not; false at the end of the file. */
    boolean advance() throws IOException {
        if (afterCarriageReturn && (next < filled || fill()) && buffer[next] == '\n') {
            next++;
        }
        afterCarriageReturn = false;
        int highBits = 0;
        for (int i = next; ; i++) {
            while (i + Long.BYTES <= filled && plain((long) WORDS.get(buffer, i))) {
                i += Long.BYTES;
            }
            if (i == filled) {
                int scanned = i - next;
                if (!fill()) {
                    if (scanned == 0) {
                        return false;
                    }
                    return found(next, next + scanned, highBits);
                }
                i = next + scanned;
            }
            byte b = buffer[i];
            if (b == '\n' || b == '\r') {
                afterCarriageReturn = b == '\r';
                return found(next, i, highBits);
            }
            highBits |= b;
        }
    }

    /**
     * Whether none of these eight bytes ends a line or is beyond ASCII: most are not, and testing eight at once
     * (a byte of {@code word ^ c} is zero where {@code word} has byte c) is most of what splitting lines costs.
     */
    private static boolean plain(long word) {
        long lf = word ^ (ONES * '\n');
        long cr = word ^ (ONES * '\r');
        return (((lf - ONES) & ~lf | (cr - ONES) & ~cr | word) & HIGH_BITS) == 0;
    }

    /** Moves past every line left; the number of the last. */
    int count() throws IOException {
        boolean more = true;
        while (more) {
            more = advance();
        }
        return lineNumber;
    }

    private boolean found(int start, int end, int highBits) {
        lineStart = start;
        lineEnd = end;
        next = end < filled ? end + 1 : end;
        ascii = highBits >= 0;
        lineNumber++;
        return true;
    }

    /**
     * Reads more bytes after those of the line being scanned, which is moved to the front of the buffer (and the
     * buffer grown if that line fills it); false at the end of the file.
     */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int kept = filled - next;
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, kept);
            next = 0;
            filled = kept;
        }
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            ended = true;
            return false;
        }
        filled += read;
        return true;
    }

    int lineNumber() {
        return lineNumber;
    }

    /** Whether every byte of the line is ASCII, so that it is its own text, byte for char. */
    boolean ascii() {
        return ascii;
    }

    byte[] bytes() {
        return buffer;
    }

    int offset() {
        return lineStart;
    }

    int length() {
        return lineEnd - lineStart;
    }

    /** Blank as {@link String#isBlank()} says; an ASCII line is judged without decoding it. */
    boolean blank() throws CharacterCodingException {
        if (!ascii) {
            return text().isBlank();
        }
        for (int i = lineStart; i < lineEnd; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    /** The line as text: UTF-8, strictly decoded. */
    String text() throws CharacterCodingException {
        if (ascii) {
            return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.US_ASCII);
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, lineStart, lineEnd - lineStart))
                .toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
