package dev.paxosref.trace.spec;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * TLC keeps its settings in static fields and prints progress to {@code ToolIO.out}. Set them once per JVM, before
 * the first module is loaded, so that loading is silent and nothing writes outside {@code target/}.
 */
public final class TlcRuntime {
    private static boolean initialized;

    private TlcRuntime() {}

    public static synchronized void ensureInitialized() {
        if (initialized) {
            return;
        }
        util.ToolIO.setMode(util.ToolIO.SYSTEM);
        util.ToolIO.out = new PrintStream(OutputStream.nullOutputStream());
        util.ToolIO.err = new PrintStream(OutputStream.nullOutputStream());
        tlc2.TLCGlobals.setNumWorkers(1);
        // Fingerprints, which deduplicate candidate states, are all equal until TLC's polynomial is chosen.
        tlc2.util.FP64.Init(0);
        initialized = true;
    }

    /** How many IdThreads will evaluate the next model loaded: TLC sizes its per-worker values by this. */
    public static synchronized void useWorkers(int workers) {
        tlc2.TLCGlobals.setNumWorkers(workers);
    }

    /** TLC writes its fingerprint and state queue files under the meta directory; keep it in the work directory. */
    public static synchronized void useMetaDir(String metaDir) {
        tlc2.TLCGlobals.metaDir = metaDir;
    }
}
