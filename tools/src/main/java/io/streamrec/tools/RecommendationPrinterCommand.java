package io.streamrec.tools;

import io.streamrec.local.HelpOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command line of {@link RecommendationPrinter}. */
@Command(name = "RecommendationPrinter", showDefaultValues = true, sortOptions = false,
        description = {"Prints the recommendations topic readably (read_committed), one line per recommendation.",
            "Without --max and --idle-timeout it runs until Ctrl-C; it ends with a count line."})
final class RecommendationPrinterCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka to read from.")
    String bootstrap;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = "recommendations",
            description = "The recommendations topic.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the topic's first record instead of its end.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0",
            description = "Stop after N recommendations; 0 = no limit.")
    long max;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this long without a record; 0 = never.")
    long idleTimeoutSeconds;

    @Option(names = "--quiet", description = "Count the recommendations instead of printing each.")
    boolean quiet;

    RecommendationPrinter.Options options() {
        if (max < 0 || idleTimeoutSeconds < 0) {
            throw new IllegalArgumentException("--max and --idle-timeout must not be negative");
        }
        return new RecommendationPrinter.Options(bootstrap, topic, fromBeginning, max,
                idleTimeoutSeconds > 0 ? Duration.ofSeconds(idleTimeoutSeconds) : null, quiet);
    }

    @Override
    public Integer call() {
        RecommendationPrinter.runUntilStopped(options());
        return 0;
    }
}
