package io.streamrec.local;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.TypeConversionException;

/**
 * How every command-line main of the project runs its picocli command: typed options with a generated
 * {@code --help} (each option's description and default), picocli's errors for unknown, missing and ill-typed
 * options (message and usage, exit code 2), and one line {@code name: message} instead of a stack trace for the
 * errors a user can fix: a bad value (exit 2), a broker or file that is not there (exit 1).
 */
public final class CommandLines {
    private CommandLines() {}

    /** A picocli command line for {@code command}, with the project's number syntax and error handling. */
    public static CommandLine of(Object command) {
        CommandLine cl = new CommandLine(command);
        // Whole numbers may be grouped as in Java source: --events 1_000_000.
        cl.registerConverter(Long.class, CommandLines::wholeNumber);
        cl.registerConverter(long.class, CommandLines::wholeNumber);
        cl.registerConverter(Integer.class, s -> Math.toIntExact(wholeNumber(s)));
        cl.registerConverter(int.class, s -> Math.toIntExact(wholeNumber(s)));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Scripts put their own defaults before the user's arguments (gpu-bench.sh: --device-id, then "$@"): the last wins.
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExecutionExceptionHandler(USER_ERRORS);
        return cl;
    }

    /** Parses {@code args}, runs the command and returns its exit code. */
    public static int execute(Object command, String... args) {
        return of(command).execute(args);
    }

    private static long wholeNumber(String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static final IExecutionExceptionHandler USER_ERRORS = (e, commandLine, parseResult) -> {
        String name = commandLine.getCommandSpec().root().name();
        if (e instanceof IllegalArgumentException) {
            commandLine.getErr().println(name + ": " + e.getMessage() + " (see --help)");
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof IllegalStateException || e instanceof IOException) {
            commandLine.getErr().println(name + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (e instanceof InterruptedException) {
            commandLine.getErr().println(name + ": interrupted");
            return 130;
        }
        throw e;
    };
}
