package dev.paxosref.trace.spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLC keeps its settings in static fields and prints progress to {@code ToolIO.out}. Set them once per JVM, before
 * the first module is parsed, so that loading is silent and nothing writes outside {@code target/}.
 */
public final class TlcRuntime {
    private static boolean initialized;

    private TlcRuntime() {}

    public static synchronized void ensureInitialized() {
        if (initialized) {
            return;
        }
        usePrivateTempDir();
        util.ToolIO.setMode(util.ToolIO.SYSTEM);
        util.ToolIO.out = new PrintStream(OutputStream.nullOutputStream());
        util.ToolIO.err = new PrintStream(OutputStream.nullOutputStream());
        tlc2.TLCGlobals.setNumWorkers(1);
        // Fingerprints, which deduplicate candidate states, are all equal until TLC's polynomial is chosen.
        tlc2.util.FP64.Init(0);
        initialized = true;
    }

    /**
     * SANY copies the standard modules (Naturals.tla, ...) out of the jar into java.io.tmpdir, read once when its
     * classes load, and overwrites them there on every parse; two processes sharing /tmp then read each other's
     * half-written files and fail to parse. So each JVM gets a directory of its own, removed on exit.
     */
    private static void usePrivateTempDir() {
        try {
            Path dir = Files.createTempDirectory("paxos-tlc-");
            dir.toFile().deleteOnExit();
            System.setProperty("java.io.tmpdir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for TLC", e);
        }
    }

    /**
     * Forgets where the last loaded model kept its variables and definitions. TLC stores a name's slot in the
     * interned name itself, so a name the next module shares (msgs, Proposer) or does not redefine would point into
     * the new model's tables at the old index. Without this a JVM could load models of one module only.
     */
    public static synchronized void forgetLastModel() {
        util.UniqueString.internTbl.toMap().values().forEach(name -> name.setLoc(-1));
        util.UniqueString.setVariableCount(0);
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
