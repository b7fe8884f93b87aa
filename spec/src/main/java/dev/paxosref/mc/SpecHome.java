package dev.paxosref.mc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the specs live: the {@code spec/} folder holding {@code models.json} and {@code tla/}. The launcher passes
 * {@code -Dpaxos.home=<repo>}; tests run inside a module folder and find it by walking up.
 */
public record SpecHome(Path dir) {

    public static final String MANIFEST = "models.json";

    public static SpecHome locate() {
        String home = System.getProperty("paxos.home");
        Path start = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("spec").resolve(MANIFEST))) {
                return new SpecHome(p.resolve("spec"));
            }
            if (Files.isRegularFile(p.resolve(MANIFEST)) && Files.isDirectory(p.resolve("tla"))) {
                return new SpecHome(p);
            }
        }
        throw new IllegalStateException("cannot find spec/" + MANIFEST + " above " + start
                + "; run from the repository or set -Dpaxos.home");
    }

    public Path manifest() {
        return dir.resolve(MANIFEST);
    }

    public Path tlaDir() {
        return dir.resolve("tla");
    }

    /** Scratch space for generated configs and TLC's metadata: {@code spec/target/mc}. */
    public Path workDir() {
        return dir.resolve("target").resolve("mc");
    }
}
