package io.streamrec.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Reads the job's options from {@code --key value} arguments (the same on a local run and with
 * {@code flink run}). Keys under the product's prefixes must be declared options, so a typo is an
 * error instead of a silently ignored setting; any other key is passed to Flink as is.
 */
public final class JobConfig {
    /** Every class that declares the product's options; the table in docs/options.md is generated from these. */
    public static final List<Class<?>> OPTION_CLASSES = List.of(
            JobOptions.class, KafkaOptions.class, RecommendOptions.class, ModelOptions.class, ValidationOptions.class);

    private static final Set<String> OWN_PREFIXES =
            Set.of("job.", "kafka.", "topics.", "sink.", "recommend.", "user.", "baseline.", "validation.", "ranking.",
                    "learning.");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|jaas|token|credential|\\.key$|keystore\\.key|private).*");

    private JobConfig() {}

    /** Parses {@code --key value} pairs into a configuration. */
    public static Configuration fromArgs(String[] args) {
        return fromMap(argsToMap(args));
    }

    /**
     * {@code --key value}, {@code --key=value} and {@code --flag} (true) pairs, in order, unchecked: for tools
     * that hold job options before building a configuration ({@link #fromMap} checks them).
     */
    public static Map<String, String> argsToMap(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options are --key value");
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            String value;
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            values.put(key, value);
        }
        return values;
    }

    /** Validates keys and builds the configuration. */
    public static Configuration fromMap(Map<String, String> values) {
        Set<String> known = declaredKeys();
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (OWN_PREFIXES.stream().anyMatch(key::startsWith) && !known.contains(key) && !isEncoderKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown + ". Known options: " + new TreeSet<>(known));
        }
        return Configuration.fromMap(values);
    }

    private static boolean isEncoderKey(String key) {
        // Encoder options are declared in the text-encoder module and validated there.
        return key.startsWith("encoder.");
    }

    /** All option keys declared in {@link #OPTION_CLASSES}. */
    public static Set<String> declaredKeys() {
        Set<String> keys = new TreeSet<>();
        for (ConfigOption<?> option : declaredOptions(OPTION_CLASSES)) {
            keys.add(option.key());
        }
        return keys;
    }

    /** The public static ConfigOption constants of {@code classes}, in declaration order. */
    public static List<ConfigOption<?>> declaredOptions(List<Class<?>> classes) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                    try {
                        options.add((ConfigOption<?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return options;
    }

    /** The configuration as sorted key/value text with secret values masked, for logs. */
    public static Map<String, String> masked(Configuration config) {
        Map<String, String> result = new TreeMap<>();
        for (Map.Entry<String, String> e : config.toMap().entrySet()) {
            result.put(e.getKey(), maskValue(e.getKey(), e.getValue()));
        }
        return result;
    }

    static String maskValue(String key, String value) {
        if (SECRET_KEY.matcher(key).matches()) {
            return "******";
        }
        if (key.equals(KafkaOptions.CLIENT_PROPERTIES.key())) {
            // A map option: mask the secret entries inside it.
            StringBuilder out = new StringBuilder();
            for (String entry : value.split(",(?=[^,]+:)")) {
                int colon = entry.indexOf(':');
                String k = colon < 0 ? entry : entry.substring(0, colon);
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(colon < 0 || !SECRET_KEY.matcher(k.replace("'", "")).matches() ? entry : k + ":******");
            }
            return out.toString();
        }
        return value;
    }
}
