package dev.paxosref.trace;

/** The trace format's identity, as the header line states it and the trace checker's schema expects it. */
public final class TraceFormat {
    public static final String FORMAT = "paxos-trace";
    public static final int VERSION = 1;
    /**
     * The header's {@code "state"} when each event logs only what its step changed: a variable left out is
     * unchanged, a function or record logged as an object lists only its changed arguments or fields, and a set
     * logged as an object only the elements it gained and lost.
     */
    public static final String STATE_CHANGES = "changes";
    /**
     * The member of a function logged as changes that lists the arguments the step removed from its domain, and of a
     * set logged as its change the elements the step removed.
     */
    public static final String REMOVED = "$removed";
    /** The member of a set logged as its change that lists the elements the step added. */
    public static final String ADDED = "$added";

    private TraceFormat() {
    }
}
