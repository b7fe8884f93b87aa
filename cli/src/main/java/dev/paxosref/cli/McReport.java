package dev.paxosref.cli;

import dev.paxosref.mc.Model;
import dev.paxosref.mc.ModelCheckResult;
import dev.paxosref.mc.SoakResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** The tables {@code ./paxos mc} prints. */
final class McReport {

    private static final String ROW = "%-30s %-5s %-26s %-26s %12s %6s %9s %9s  %s%n";

    private McReport() {
    }

    static void printSummary(List<ModelCheckResult> results, PrintStream out) {
        out.println();
        out.printf(ROW, "MODEL", "TIER", "EXPECTED", "RESULT", "DISTINCT", "DEPTH", "WITNESSES", "TIME", "");
        for (ModelCheckResult r : results) {
            out.printf(ROW, r.model().name(), r.model().tier(), r.model().expect(), r.verdict(),
                    String.format("%,d", r.distinctStates()), r.depth(), r.coverage(), duration(r.elapsed()),
                    r.asExpected() ? "ok" : "FAIL" + mismatch(r));
        }
        long failed = results.stream().filter(r -> !r.asExpected()).count();
        Duration total = results.stream().map(ModelCheckResult::elapsed).reduce(Duration.ZERO, Duration::plus);
        out.printf("%n%d models, %d as expected, %d not, in %s.%n", results.size(), results.size() - failed, failed,
                duration(total));
    }

    static void printSoakSummary(List<SoakResult> results, PrintStream out) {
        String row = "%-30s %-26s %14s %16s %20s %6s %9s  %s%n";
        out.println();
        out.printf(row, "SOAK MODEL", "RESULT", "TRACES", "STATES", "SEED", "DEPTH", "TIME", "");
        for (SoakResult r : results) {
            out.printf(row, r.model().name(), r.verdict(), String.format("%,d", r.traces()),
                    String.format("%,d", r.statesGenerated()), r.seed(), r.depthMax(), duration(r.elapsed()),
                    r.asExpected() ? "ok" : "FAIL");
        }
        long failed = results.stream().filter(r -> !r.asExpected()).count();
        out.printf("%n%d soak models, %d without violation, %d with.%n", results.size(), results.size() - failed,
                failed);
    }

    /** Each model, the mutants derived from passing models included, with its coverage witnesses under it. */
    static void printList(List<Model> models, PrintStream out) {
        out.printf("%-30s %-5s %-26s %12s  %s%n", "MODEL", "TIER", "EXPECTED", "DISTINCT", "DESCRIPTION");
        for (Model m : models) {
            out.printf("%-30s %-5s %-26s %12s  %s%n", m.name(), m.tier(), m.expect(),
                    m.distinctStates() == null ? "-" : String.format("%,d", m.distinctStates()), m.description());
            m.witnesses().forEach((w, description) -> out.printf("    witness %s: %s%n", w, description));
            m.actionWitnesses().forEach((w, description) -> out.printf("    action witness %s: %s%n", w, description));
        }
    }

    static String mismatch(ModelCheckResult r) {
        if (!r.outcomeAsExpected()) {
            return " (expected " + r.model().expect() + ")";
        }
        if (!r.stateCountAsExpected()) {
            return String.format(" (expected %,d distinct states)", r.model().distinctStates());
        }
        if (!r.coverageAsExpected()) {
            List<String> unreached = r.coverage().unreached();
            return " (" + (unreached.size() == 1 ? "witness " : "witnesses ") + String.join(", ", unreached)
                    + " never reached)";
        }
        return "";
    }

    static String duration(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60)
                : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
