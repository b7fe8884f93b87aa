package dev.paxosref.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** What one seed did: its size, how long it ran, what it broke, and each node's NDJSON trace. */
public record SeedResult(long seed, int nodeCount, long steps, long faultsInjected, Optional<Violation> violation,
                         Map<String, String> traceByNode) {

    /** SHA-256 over every node's trace in node order: equal digests mean the runs were the same. */
    public String traceDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            traceByNode.forEach((node, trace) -> {
                sha.update(node.getBytes(StandardCharsets.UTF_8));
                sha.update(trace.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
