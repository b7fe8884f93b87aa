package dev.paxosref.trace.report;

import dev.paxosref.trace.TraceOutcome;
import java.util.List;

/**
 * A self-contained HTML page (no scripts, no network) with each trace's report and its sequence diagram drawn as
 * inline SVG, plus the Mermaid text for reuse.
 */
public final class HtmlReport {
    private static final int COLUMN_WIDTH = 150;
    private static final int ROW_HEIGHT = 34;
    private static final int TOP = 40;

    private HtmlReport() {}

    public static String of(List<TraceOutcome> outcomes) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Trace check report</title>
                <style>body{font-family:sans-serif;margin:2em} pre{background:#f6f6f6;padding:1em;overflow:auto}
                .diverged{color:#b00} .valid{color:#070} svg text{font-family:monospace;font-size:11px}</style>
                </head><body><h1>Trace check report</h1>
                """);
        for (TraceOutcome outcome : outcomes) {
            html.append(section(outcome));
        }
        return html.append("</body></html>\n").toString();
    }

    private static String section(TraceOutcome outcome) {
        StringBuilder html = new StringBuilder("<section><h2 class=\"")
                .append(outcome.exitCode() == TraceOutcome.EXIT_VALID ? "valid" : "diverged").append("\">")
                .append(escape(outcome.name())).append("</h2>\n<pre>").append(escape(TextReport.of(outcome)))
                .append("</pre>\n");
        if (outcome.trace() != null) {
            int divergent = outcome.verdict() instanceof Verdict.Diverged d ? d.eventIndex() : -1;
            html.append(svg(SequenceDiagram.of(outcome.trace(), divergent)))
                    .append("<details><summary>Mermaid source</summary><pre>")
                    .append(escape(MermaidDiagram.of(outcome.trace(), divergent))).append("</pre></details>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String svg(SequenceDiagram diagram) {
        int width = COLUMN_WIDTH * diagram.nodes().size() + 2 * COLUMN_WIDTH;
        int height = TOP + ROW_HEIGHT * (diagram.rows().size() + 1);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\">\n<defs><marker id=\"arrow\" markerWidth=\"8\" "
                        + "markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\"/>"
                        + "</marker></defs>\n");
        for (String node : diagram.nodes()) {
            int x = x(diagram, node);
            svg.append(String.format("<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>"
                    + "<line x1=\"%d\" y1=\"28\" x2=\"%d\" y2=\"%d\" stroke=\"#aaa\"/>%n", x, escape(node), x, x, height));
        }
        for (int r = 0; r < diagram.rows().size(); r++) {
            SequenceDiagram.Row row = diagram.rows().get(r);
            int y = TOP + ROW_HEIGHT * (r + 1);
            int x = x(diagram, row.event().nodeName());
            for (SequenceDiagram.Arrow arrow : row.arrows()) {
                svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#36c\" "
                        + "marker-end=\"url(#arrow)\"><title>%s</title></line>%n", x(diagram, arrow.fromNode()),
                        y - ROW_HEIGHT / 2, x, y - 4, escape(arrow.label())));
            }
            String color = row.divergent() ? "#c00" : "#222";
            svg.append(String.format("<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
                    + "fill=\"%s\">%s%s</text>%n", x, y, color, x + 8, y + 4, color,
                    row.divergent() ? "DIVERGES " : "", escape(row.event().describeStep())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static int x(SequenceDiagram diagram, String node) {
        return COLUMN_WIDTH / 2 + COLUMN_WIDTH * diagram.nodes().indexOf(node);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
