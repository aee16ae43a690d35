package io.streamrec.local;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for a picocli command ({@code @Mixin HelpOption help;}): the generated usage. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Whether the command line asked for the usage (for commands parsed with {@code parseArgs}). */
    public boolean requested() {
        return help;
    }
}
