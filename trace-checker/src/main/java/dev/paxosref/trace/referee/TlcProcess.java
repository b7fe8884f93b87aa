package dev.paxosref.trace.referee;

import dev.paxosref.mc.TlcJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs TLC in a fresh JVM, as the project always does: TLC's static state never leaks between runs, and its
 * metadata and temporary files go under the model's own directory, so parallel referee jobs stay apart.
 */
final class TlcProcess {
    private static final int OUTPUT_LINES_MAX = 200_000;

    /** TLC's exit code and its output, without the per-subexpression stack TLC prints on errors. */
    record Result(int exitCode, List<String> output) {}

    /** Runs TLC on {@code module}; {@code everyLine} sees each line of output, also past those Result keeps. */
    Result run(Path modelDir, String module, Path specDir, Consumer<String> everyLine) {
        List<String> command = TlcJvm.command(modelDir, List.of("-DTLA-Library=" + specDir.toAbsolutePath()),
                "tlc2.TLC", List.of("-workers", "1", "-deadlock", "-cleanup",
                        "-metadir", modelDir.resolve("meta").toString(), "-config", module + ".cfg", module));
        Process process = TlcJvm.start(command, modelDir);
        List<String> output = new ArrayList<>();
        int exitCode = TlcJvm.drain(process, modelDir.resolve("tlc.out"), line -> {
            everyLine.accept(line);
            if (output.size() < OUTPUT_LINES_MAX) {
                output.add(line);
            }
        });
        return new Result(exitCode, output);
    }
}
