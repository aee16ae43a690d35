package io.streamrec.job;

import io.streamrec.config.JobOptions;
import io.streamrec.config.KafkaOptions;
import io.streamrec.config.RecommendOptions;
import io.streamrec.events.KafkaSources;
import io.streamrec.text.EncoderOptions;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.model.ModelFileException;
import io.streamrec.text.model.ModelFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * What the job cannot run without, checked on the client before it is submitted: a job that cannot find
 * its model files or topics would otherwise restart forever on the cluster, its reason only in a
 * TaskManager's log. Also pins the encoder's model folder, found here, into the job's options, so every
 * TaskManager reads the same folder wherever the cluster was started from.
 */
public final class Preflight {
    private Preflight() {}

    /** Why the job cannot start; the message says what is missing and where it was looked for. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks {@code config}; returns it with {@code encoder.model-dir} set to the model folder found (MODEL
     * recommender), or unchanged when {@code job.preflight} is off.
     */
    public static Configuration check(Configuration config) throws Failure {
        if (!config.get(JobOptions.PREFLIGHT)) {
            return config;
        }
        Configuration checked = new Configuration(config);
        if (config.get(RecommendOptions.RECOMMENDER) == RecommendOptions.RecommenderKind.MODEL) {
            checked.set(EncoderOptions.MODEL_DIR, modelFolder(config));
        }
        checkTopics(config);
        return checked;
    }

    /** The encoder's model folder, resolved as a TaskManager would and its files verified; absolute. */
    static String modelFolder(ReadableConfig config) throws Failure {
        try {
            ModelFiles files = ModelFiles.load(ModelDirectoryResolver.resolve(EncoderSettings.fromConfiguration(config)));
            return files.dir().toString();
        } catch (ModelFileException e) {
            throw new Failure("the text encoder's model files are missing: " + e.getMessage(), e);
        }
    }

    /** Every topic the job reads or writes, as configured. */
    static Set<String> requiredTopics(ReadableConfig config) {
        Set<String> topics = new LinkedHashSet<>(KafkaSources.eventTopics(config));
        topics.add(config.get(KafkaOptions.TOPIC_ITEMS));
        topics.add(config.get(KafkaOptions.TOPIC_RECOMMENDATIONS));
        topics.add(config.get(KafkaOptions.TOPIC_DEAD_LETTERS));
        topics.add(config.get(KafkaOptions.TOPIC_FORGET_REQUESTS));
        topics.add(config.get(KafkaOptions.TOPIC_FORGET_ACKNOWLEDGEMENTS));
        if (config.get(RecommendOptions.RECOMMENDER) == RecommendOptions.RecommenderKind.MODEL) {
            topics.add(config.get(KafkaOptions.TOPIC_MODEL_UPDATES));
        }
        return topics;
    }

    /**
     * The broker answers and has every required topic within {@code job.preflight.timeout}: topics created
     * beside the job (an operator applying both at once) get that long to appear.
     */
    static void checkTopics(ReadableConfig config) throws Failure {
        String bootstrap = config.get(KafkaOptions.BOOTSTRAP_SERVERS);
        Duration timeout = config.get(JobOptions.PREFLIGHT_TIMEOUT);
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.putAll(config.get(KafkaOptions.CLIENT_PROPERTIES));
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout.toMillis(), 30_000)));
        Set<String> required = requiredTopics(config);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Set<String> existing = topicsOf(admin, bootstrap, timeout);
                List<String> missing = new ArrayList<>(required);
                missing.removeAll(existing);
                if (missing.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new Failure("topics missing on the broker at " + bootstrap + " after " + timeout.toSeconds()
                            + " s: " + missing + " (it has " + new TreeSet<>(existing) + "); create them "
                            + "(scripts/run-local.sh, docker-compose.yml and deploy/k8s do) or set the topics.* "
                            + "options to the ones the job should use", null);
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while asking the broker at " + bootstrap + " for its topics", e);
        }
    }

    private static Set<String> topicsOf(Admin admin, String bootstrap, Duration timeout)
            throws Failure, InterruptedException {
        try {
            return admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis())).names()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new Failure("the Kafka broker at " + bootstrap + " did not answer within " + timeout.toSeconds()
                    + " s (" + (e.getCause() == null ? e : e.getCause()) + "); check kafka.bootstrap-servers and "
                    + "kafka.client-properties, or raise " + JobOptions.PREFLIGHT_TIMEOUT.key(), e);
        }
    }
}
