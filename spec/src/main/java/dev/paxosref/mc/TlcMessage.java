package dev.paxosref.mc;

/**
 * One message of TLC's {@code -tool} output: {@code @!@!@STARTMSG code:severity @!@!@}, the body, and
 * {@code @!@!@ENDMSG code @!@!@}. Text TLC prints outside such markers (SANY's parse errors, for instance) arrives
 * as a message with code {@link #RAW}.
 */
public record TlcMessage(int code, int severity, String body) {

    public static final int RAW = -1;

    // Codes from tlc2.output.EC and MP that the runner reads.
    static final int STATE = 2217;
    static final int STUTTERING = 2218;
    static final int BACK_TO_STATE = 2122;
    static final int STATS = 2199;
    static final int DEPTH = 2194;

    /** TLC marks errors, including property violations, with severity 1. */
    public boolean isError() {
        return severity == 1;
    }
}
