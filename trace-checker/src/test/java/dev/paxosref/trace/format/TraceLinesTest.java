package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * TraceLines splits, numbers, decodes and skips blank lines as the BufferedReader it replaced: on text of line
 * ends of every kind ({@code \n}, {@code \r}, {@code \r\n}), blanks, non-ASCII characters and lines longer than its
 * buffer, read a few bytes at a time so that a line end or a character falls across reads.
 */
class TraceLinesTest {

    @Property(tries = 300)
    void splitsAsBufferedReaderDoes(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 9000) int readBytesMax)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(bufferedReaderLines(bytes), traceLines(new ChunkedInput(bytes, readBytesMax)));
    }

    @Property(tries = 100)
    void malformedUtf8IsAFaultAsForBufferedReader(@ForAll("texts") String text, @ForAll @IntRange(max = 200) int at)
            throws IOException {
        byte[] valid = (text + "x\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = valid.clone();
        bytes[Math.min(at, bytes.length - 2)] = (byte) 0xC3; // a lead byte whose continuation is missing or wrong
        String expected = faultOf(() -> bufferedReaderLines(bytes));
        if (expected != null) { // a following byte of 0x80-0xBF makes it valid again
            assertEquals(expected, faultOf(() -> traceLines(new ChunkedInput(bytes, 64))));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of("\n", "\r", "\r\n", " ", "\t", "\f", "é", "€",
                        "{\"node\":\"a1\"}", "\u2003", "\u00a0"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(70_000));
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    /** Each non-blank line as its number, a colon and its text. */
    private static List<String> bufferedReaderLines(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder()));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (!line.isBlank()) {
                lines.add(number + ":" + line);
            }
        }
        return lines;
    }

    private static List<String> traceLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (TraceLines reader = new TraceLines(in)) {
            while (reader.advance()) {
                if (!reader.blank()) {
                    String text = reader.text();
                    assertEquals(text, new String(reader.bytes(), reader.offset(), reader.length(),
                            StandardCharsets.UTF_8));
                    assertEquals(reader.ascii(), text.chars().allMatch(c -> c < 0x80));
                    lines.add(reader.lineNumber() + ":" + text);
                }
            }
        }
        return lines;
    }

    private interface Reading {
        List<String> lines() throws IOException;
    }

    /** The message of the decoding fault, or null if the bytes decode. */
    private static String faultOf(Reading reading) throws IOException {
        try {
            reading.lines();
            return null;
        } catch (CharacterCodingException e) {
            return e.getMessage();
        }
    }

    /** Gives at most {@code readBytesMax} bytes per read, as a slow disk or a pipe may. */
    private static final class ChunkedInput extends FilterInputStream {
        private final int readBytesMax;

        ChunkedInput(byte[] bytes, int readBytesMax) {
            super(new ByteArrayInputStream(bytes));
            this.readBytesMax = readBytesMax;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, readBytesMax));
        }
    }
}
