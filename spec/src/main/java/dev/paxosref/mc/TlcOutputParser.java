package dev.paxosref.mc;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits TLC's {@code -tool} output, fed line by line, into {@link TlcMessage}s. */
final class TlcOutputParser {

    private static final Pattern START = Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@");
    private static final Pattern END = Pattern.compile("@!@!@ENDMSG (\\d+) @!@!@");

    private final Consumer<TlcMessage> sink;
    private StringBuilder body;
    private int code;
    private int severity;

    TlcOutputParser(Consumer<TlcMessage> sink) {
        this.sink = sink;
    }

    void accept(String line) {
        Matcher start = START.matcher(line);
        if (start.matches()) {
            code = Integer.parseInt(start.group(1));
            severity = Integer.parseInt(start.group(2));
            body = new StringBuilder();
            return;
        }
        if (body != null && END.matcher(line).matches()) {
            sink.accept(new TlcMessage(code, severity, body.toString().strip()));
            body = null;
            return;
        }
        if (body != null) {
            body.append(line).append('\n');
        } else if (!line.isBlank()) {
            sink.accept(new TlcMessage(TlcMessage.RAW, 0, line));
        }
    }
}
