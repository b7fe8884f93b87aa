package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Runs a data-driven scenario in the etcd-raft style: src/test/resources/scenarios/NAME holds spec actions
 * ("> Phase1b a1 0"), each followed by what the core answers; comments (#) and blank lines are kept.
 */
final class ScenarioScript {
    private ScenarioScript() {
    }

    /** Executes every "> " line's words and asserts that the answers are those the file holds. */
    static void assertRunsAsWritten(String name, Function<String[], String> execute) throws IOException {
        String script = read(name);
        StringBuilder actual = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("> ")) {
                actual.append(line).append('\n').append(execute.apply(line.substring(2).split(" "))).append('\n');
            } else if (line.startsWith("#") || line.isBlank()) {
                actual.append(line).append('\n');
            }
        }
        // written out so that a changed behaviour can be reviewed as a diff and, if right, copied over the file
        Path actualFile = Path.of("target", "scenarios-actual", name);
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual);
        assertEquals(script, actual.toString(), "scenario " + name + " differs from " + actualFile);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ScenarioScript.class.getResourceAsStream("/scenarios/" + name)) {
            if (in == null) {
                throw new IOException("no scenario resource /scenarios/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
