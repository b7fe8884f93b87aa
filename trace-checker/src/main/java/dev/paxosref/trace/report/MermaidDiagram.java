package dev.paxosref.trace.report;

import dev.paxosref.trace.format.Trace;

/** The trace up to its divergence as Mermaid sequence-diagram text, to paste into an issue or a Markdown file. */
public final class MermaidDiagram {
    private MermaidDiagram() {}

    /** @param divergentIndex the divergent event, or -1 for a valid trace */
    public static String of(Trace trace, int divergentIndex) {
        SequenceDiagram diagram = SequenceDiagram.of(trace, divergentIndex);
        StringBuilder text = new StringBuilder("sequenceDiagram\n");
        for (String node : diagram.nodes()) {
            text.append("    participant ").append(id(node)).append(" as ").append(node).append('\n');
        }
        for (SequenceDiagram.Row row : diagram.rows()) {
            String node = id(row.event().nodeName());
            for (SequenceDiagram.Arrow arrow : row.arrows()) {
                text.append("    ").append(id(arrow.fromNode())).append("->>").append(node).append(": ")
                        .append(escape(arrow.label())).append('\n');
            }
            String note = escape(row.event().describeStep());
            if (row.divergent()) {
                text.append("    rect rgb(255, 210, 210)\n    Note over ").append(node)
                        .append(": DIVERGES ").append(note).append("\n    end\n");
            } else {
                text.append("    Note over ").append(node).append(": ").append(note).append('\n');
            }
        }
        return text.toString();
    }

    private static String id(String node) {
        return "n_" + node.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String escape(String label) {
        return label.replace(";", ",").replace("#", "");
    }
}
