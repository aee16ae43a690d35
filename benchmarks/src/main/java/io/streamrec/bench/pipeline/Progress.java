package io.streamrec.bench.pipeline;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The pipeline benchmark's account of its phases on stdout, one timestamped line each (counts that grow go through
 * the shared {@link io.streamrec.local.ProgressLine}); null for none, as in tests that do not look.
 */
final class Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        if (out != null) {
            out.println("[bench " + LocalTime.now().format(TIME) + "] " + text);
            out.flush();
        }
    }
}
