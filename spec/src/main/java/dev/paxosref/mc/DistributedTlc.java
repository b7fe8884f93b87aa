package dev.paxosref.mc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one model with TLC's distributed mode on this machine: a {@code TLCServer} holding the state queue and
 * fingerprints, and worker JVMs ({@code TLCWorker}) computing successors over RMI on loopback. Across machines the
 * same commands run with the server's host name instead of 127.0.0.1 (README, "Distributed model checking").
 *
 * <p>The server sends workers the names of the spec and config files, which each worker resolves against the
 * spec's own folder; so the run uses a self-contained copy of {@code spec/tla} with the config beside it.
 */
public final class DistributedTlc {

    private static final String SERVER = "tlc2.tool.distributed.TLCServer";
    private static final String WORKER = "tlc2.tool.distributed.TLCWorker";
    private static final String READY = "TLC server at";
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final SpecHome home;

    public DistributedTlc(SpecHome home) {
        this.home = home;
    }

    /** Checks {@code model}, which must list no coverage witnesses: they need registers each JVM keeps to itself. */
    public ModelCheckResult check(Model model, int workerCount) {
        if (model.hasWitnesses()) {
            throw new IllegalArgumentException("model '" + model.name() + "' lists coverage witnesses, which "
                    + "distributed mode cannot check: TLC records them in registers private to each worker JVM; "
                    + "check it in one JVM, or distribute Model.withoutWitnesses()");
        }
        Path dir = TlcJvm.createDirectories(home.workDir().resolve(model.name() + "-distributed"));
        Path specCopy = copySpecs(dir.resolve("spec"));
        Path cfg = TlcRun.writeConfig(model, specCopy);
        long startNanos = System.nanoTime();
        TlcOutcomeCollector collector = new TlcOutcomeCollector(String.join(" or ", model.properties()));
        TlcOutputParser parser = new TlcOutputParser(collector::accept);
        CountDownLatch ready = new CountDownLatch(1);
        List<String> args = TlcRun.tlcArguments(model, dir.resolve("states"), cfg.getFileName(),
                model.module());
        Process server = TlcJvm.start(TlcJvm.command(dir, SERVER, args), specCopy);
        int[] exit = new int[1];
        Thread reader = new Thread(() -> exit[0] = TlcJvm.drain(server, dir.resolve("server.out"), line -> {
            if (line.contains(READY)) {
                ready.countDown();
            }
            parser.accept(line);
        }), "tlc-server-output");
        reader.start();
        List<Process> workers = new ArrayList<>();
        try {
            if (!awaitReady(server, ready)) {
                server.destroyForcibly();
            } else {
                for (int i = 0; i < workerCount; i++) {
                    Path workerDir = TlcJvm.createDirectories(dir.resolve("worker-" + i));
                    Process worker = TlcJvm.start(TlcJvm.command(workerDir, WORKER, List.of("127.0.0.1")), workerDir);
                    workers.add(worker);
                    Thread drainer = new Thread(() -> TlcJvm.drain(worker, workerDir.resolve("worker.out"), line -> { }),
                            "tlc-worker-" + i);
                    drainer.setDaemon(true);
                    drainer.start();
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a distributed run of " + model.name(), e);
        } finally {
            server.destroyForcibly();
            workers.forEach(Process::destroyForcibly);
        }
        return new ModelCheckResult(model, collector.verdict(exit[0]), collector.statesGenerated(),
                collector.distinctStates(), collector.depth(), TlcRun.coverage(model, collector),
                Duration.ofNanos(System.nanoTime() - startNanos), workerCount);
    }

    /** Waits for the server's "ready" line; false if it exits or stays silent too long. */
    private static boolean awaitReady(Process server, CountDownLatch ready) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (ready.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return ready.getCount() == 0;
    }

    private Path copySpecs(Path target) {
        TlcJvm.createDirectories(target);
        try (Stream<Path> modules = Files.list(home.tlaDir())) {
            for (Path module : modules.filter(p -> p.toString().endsWith(".tla")).toList()) {
                Files.copy(module, target.resolve(module.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the specs to " + target, e);
        }
        return target;
    }
}
