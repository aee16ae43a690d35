package io.streamrec.bench;

import java.util.HashMap;
import java.util.Map;

/** The ranking and sentiment benchmarks' options: {@code --name value} pairs, a bare {@code --flag} is "true". */
public final class OptionMap {
    private OptionMap() {}

    public static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(k, args[++i]);
            } else {
                m.put(k, "true");
            }
        }
        return m;
    }
}
