package io.streamrec.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's {@code --key value} program arguments as key/value pairs, read the way
 * {@code io.streamrec.config.JobConfig.fromArgs} reads them ({@code --key=value} and bare flags too).
 */
final class ProgramArgs {
    private ProgramArgs() {}

    static Map<String, String> parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new AssertionError("Unexpected program argument '" + arg + "' in " + args + ": options are --key value");
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = "true";
            }
            values.put(key, value);
        }
        return values;
    }
}
