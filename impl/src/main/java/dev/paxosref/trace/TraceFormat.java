package dev.paxosref.trace;

/** The trace format's identity, as the header line states it and the trace checker's schema expects it. */
public final class TraceFormat {
    public static final String FORMAT = "paxos-trace";
    public static final int VERSION = 1;

    private TraceFormat() {
    }
}
