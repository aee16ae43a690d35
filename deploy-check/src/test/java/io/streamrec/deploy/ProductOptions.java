package io.streamrec.deploy;

import io.streamrec.config.JobConfig;
import io.streamrec.config.JobOptions;
import io.streamrec.schemas.Topic;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The product's options as the code declares them, and checks of option settings found in deployment
 * files against them. Checks return problems (empty when fine) so that tests can also show that a
 * drifted setting is caught.
 */
final class ProductOptions {
    /** The key prefixes of the product's own options: JobConfig's, plus the encoder's. */
    static final Set<String> PREFIXES = ownPrefixes();

    /** Declared in the text-encoder module; looked up by name so this module builds without it. */
    static final String ENCODER_OPTIONS_CLASS = "io.streamrec.text.EncoderOptions";

    private ProductOptions() {}

    /** JobConfig keeps its prefixes private; read them rather than repeat (and drift from) them. */
    @SuppressWarnings("unchecked")
    private static Set<String> ownPrefixes() {
        try {
            Field field = JobConfig.class.getDeclaredField("OWN_PREFIXES");
            field.setAccessible(true);
            Set<String> prefixes = new TreeSet<>((Set<String>) field.get(null));
            prefixes.add("encoder.");
            return Set.copyOf(prefixes);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JobConfig.OWN_PREFIXES is gone; update ProductOptions", e);
        }
    }

    static boolean isProductKey(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** Every declared option by key: JobConfig's option classes and, when present, EncoderOptions. */
    static Map<String, ConfigOption<?>> declared() {
        Map<String, ConfigOption<?>> options = new LinkedHashMap<>();
        for (ConfigOption<?> option : JobConfig.declaredOptions(JobConfig.OPTION_CLASSES)) {
            options.put(option.key(), option);
        }
        encoderOptionsClass().ifPresent(type -> {
            for (ConfigOption<?> option : JobConfig.declaredOptions(List.of(type))) {
                options.put(option.key(), option);
            }
        });
        return options;
    }

    static Optional<Class<?>> encoderOptionsClass() {
        try {
            return Optional.of(Class.forName(ENCODER_OPTIONS_CLASS));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The option key of a topic's name (KafkaOptions declares one per Topic). */
    static String topicOptionKey(Topic topic) {
        return "topics." + topic.defaultName();
    }

    /**
     * Problems with the product options among {@code settings}: undeclared keys, and values their
     * declared type cannot parse. Keys of other prefixes (Flink's own) are not judged here.
     */
    static List<String> problems(Map<String, String> settings, String where) {
        Map<String, ConfigOption<?>> declared = declared();
        Configuration parsed = Configuration.fromMap(settings);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            if (!isProductKey(key)) {
                continue;
            }
            ConfigOption<?> option = declared.get(key);
            if (option == null) {
                String hint = key.startsWith("encoder.") && encoderOptionsClass().isEmpty()
                        ? " (" + ENCODER_OPTIONS_CLASS + " is not on the classpath)" : "";
                problems.add(where + ": option '" + key + "' is not declared by the job" + hint);
                continue;
            }
            try {
                parsed.get(option);
            } catch (RuntimeException ex) {
                problems.add(where + ": option '" + key + "' has a value its type cannot parse: '" + e.getValue()
                        + "' (" + ex.getMessage() + ")");
            }
        }
        return problems;
    }

    /**
     * The job reads its options from its program arguments only; a product option in the cluster's
     * configuration (flinkConfiguration, FLINK_PROPERTIES, -D) would be silently ignored.
     */
    static List<String> productKeysInClusterConfig(Map<String, String> clusterConfig, String where) {
        return clusterConfig.keySet().stream()
                .filter(ProductOptions::isProductKey)
                .map(key -> where + ": '" + key + "' is a job option; pass it as a program argument, the job"
                        + " does not read the cluster configuration")
                .toList();
    }

    /**
     * The job applies {@link JobOptions#flinkDefaults()} over what it is given in its arguments, and
     * the job's configuration wins over the cluster's. So a cluster setting of one of those options
     * that differs from the job's default only takes effect when the arguments repeat it.
     */
    static List<String> defaultsOverridingCluster(Map<String, String> clusterConfig, Map<String, String> programArgs,
            String where) {
        Configuration cluster = Configuration.fromMap(clusterConfig);
        Configuration fromArgs = Configuration.fromMap(programArgs);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<ConfigOption<?>, Object> e : JobOptions.flinkDefaults().entrySet()) {
            ConfigOption<?> option = e.getKey();
            if (!cluster.contains(option)) {
                continue;
            }
            Object clusterValue = cluster.get(option);
            Object effective = fromArgs.contains(option) ? fromArgs.get(option) : e.getValue();
            if (!Objects.equals(clusterValue, effective)) {
                problems.add(where + ": the cluster sets " + option.key() + " = " + clusterValue + " but the job would run"
                        + " with " + effective + "; repeat --" + option.key() + " in the program arguments");
            }
        }
        return problems;
    }

    /** The value the job uses for an option: the argument, else the declared default. */
    @SuppressWarnings("unchecked")
    static <T> T effective(Map<String, String> programArgs, ConfigOption<T> option) {
        return Configuration.fromMap(programArgs).get(option);
    }
}
