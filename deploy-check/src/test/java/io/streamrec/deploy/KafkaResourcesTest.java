package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.JobOptions;
import io.streamrec.config.KafkaOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Strimzi resources: KRaft Kafka at the build's version, the job's topics, user and connection. */
class KafkaResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void kafkaRunsInKraftModeAtTheBuildsKafkaVersion(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        Map<String, Object> kafka = rendered.single("Kafka");
        assertThat(Yaml.stringAt(kafka, "spec.kafka.version")).isEqualTo(BuildVersions.kafka());
        assertThat(Yaml.mapAt(kafka, "metadata.annotations"))
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        String cluster = Yaml.stringAt(kafka, "metadata.name");
        Set<Object> roles = new HashSet<>();
        for (Map<String, Object> pool : rendered.ofKind("KafkaNodePool")) {
            assertThat(Yaml.mapAt(pool, "metadata.labels")).containsEntry("strimzi.io/cluster", cluster);
            roles.addAll(Yaml.list(Yaml.at(pool, "spec.roles"), "roles"));
            assertThat(Yaml.mapAt(pool, "spec.resources.requests")).containsKeys("cpu", "memory");
            assertThat(Yaml.mapAt(pool, "spec.resources.limits")).containsKeys("cpu", "memory");
        }
        assertThat(roles).contains("controller", "broker");
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void everyTopicOfTheJobExistsAsDeclaredAndNoOther(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        String cluster = Yaml.stringAt(rendered.single("Kafka"), "metadata.name");
        Map<String, Topics.Created> created = new LinkedHashMap<>();
        for (Map<String, Object> topic : rendered.ofKind("KafkaTopic")) {
            assertThat(Yaml.mapAt(topic, "metadata.labels")).containsEntry("strimzi.io/cluster", cluster);
            String name = Yaml.stringAt(topic, "spec.topicName");
            // Config keys contain dots, so they are read from the map, not by path.
            created.put(name != null ? name : Yaml.stringAt(topic, "metadata.name"), new Topics.Created(
                    (Integer) Yaml.at(topic, "spec.partitions"),
                    String.valueOf(Yaml.mapAt(topic, "spec.config").get("cleanup.policy"))));
        }
        assertThat(Topics.problems(created, K8sJob.of(overlay).programArgs(), overlay)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void theJobConnectsToTheTlsScramListenerAsItsKafkaUser(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        K8sJob job = K8sJob.of(overlay);
        Map<String, String> args = job.programArgs();
        Map<String, Object> kafka = rendered.single("Kafka");
        Map<String, Object> listener = Yaml.list(Yaml.at(kafka, "spec.kafka.listeners"), "listeners").stream()
                .map(l -> Yaml.map(l, "listener"))
                .filter(l -> Boolean.TRUE.equals(l.get("tls")) && "scram-sha-512".equals(Yaml.stringAt(l, "authentication.type")))
                .findFirst().orElseThrow(() -> new AssertionError("No TLS listener with SCRAM-SHA-512"));
        String cluster = Yaml.stringAt(kafka, "metadata.name");
        assertThat(ProductOptions.effective(args, KafkaOptions.BOOTSTRAP_SERVERS))
                .isEqualTo(cluster + "-kafka-bootstrap:" + listener.get("port"));
        Map<String, String> client = ProductOptions.effective(args, KafkaOptions.CLIENT_PROPERTIES);
        assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        // The truststore is the cluster CA Strimzi publishes, mounted into the Flink containers.
        String truststore = client.get("ssl.truststore.location");
        Map<String, Object> main = FlinkDeploymentTest.mainContainer(job, "spec.podTemplate");
        String caMount = mountPathOfSecret(job, main, cluster + "-cluster-ca-cert");
        assertThat(truststore).startsWith(caMount + "/");
        // The JAAS file is written from the KafkaUser's Secret and named in the JVM options.
        String user = Yaml.stringAt(rendered.single("KafkaUser"), "metadata.name");
        assertThat(Yaml.stringAt(rendered.single("KafkaUser"), "spec.authentication.type")).isEqualTo("scram-sha-512");
        assertThat(FlinkDeploymentTest.referencedSecrets(rendered)).contains(user);
        assertThat(job.flinkConfiguration().get("env.java.opts.all"))
                .contains("-Djava.security.auth.login.config=/opt/streamrec/secrets/jaas/");
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void theUsersAclsCoverTheJobsTopicsGroupAndTransactions(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        Map<String, String> args = K8sJob.of(overlay).programArgs();
        Set<String> topics = new HashSet<>(Topics.effectiveNames(args).values());
        Set<String> aclTopics = new HashSet<>();
        String group = null;
        String groupPattern = null;
        String transactionalPrefix = null;
        for (Object item : Yaml.list(Yaml.at(rendered.single("KafkaUser"), "spec.authorization.acls"), "acls")) {
            Map<String, Object> resource = Yaml.mapAt(Yaml.map(item, "acl"), "resource");
            switch (String.valueOf(resource.get("type"))) {
                case "topic" -> aclTopics.add(String.valueOf(resource.get("name")));
                case "group" -> {
                    group = String.valueOf(resource.get("name"));
                    groupPattern = String.valueOf(resource.get("patternType"));
                }
                case "transactionalId" -> transactionalPrefix = String.valueOf(resource.get("name"));
                default -> { }
            }
        }
        assertThat(aclTopics).isEqualTo(topics);
        // Each source has its own consumer group, kafka.group-id and a dash before the source's name.
        assertThat(group).isEqualTo(ProductOptions.effective(args, KafkaOptions.GROUP_ID) + "-");
        assertThat(groupPattern).isEqualTo("prefix");
        String prefix = ProductOptions.effective(args, KafkaOptions.TRANSACTIONAL_ID_PREFIX);
        assertThat(transactionalPrefix).isEqualTo(prefix != null ? prefix : ProductOptions.effective(args, JobOptions.JOB_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void sinkTransactionsFitTheBrokersTransactionTimeout(String overlay) {
        Map<String, Object> kafka = Kustomize.render(overlay).single("Kafka");
        Object brokerMax = Yaml.mapAt(kafka, "spec.kafka.config").getOrDefault("transaction.max.timeout.ms", 900_000);
        Map<String, String> job = K8sJob.of(overlay).flinkConfiguration();
        assertThat(transactionProblems(K8sJob.of(overlay).programArgs(), job, Long.parseLong(String.valueOf(brokerMax))))
                .isEmpty();
    }

    /** sink.transaction-timeout must not exceed the broker's maximum and must exceed the checkpoint interval. */
    static List<String> transactionProblems(Map<String, String> args, Map<String, String> cluster, long brokerMaxMs) {
        Duration timeout = ProductOptions.effective(args, KafkaOptions.TRANSACTION_TIMEOUT);
        Duration interval = org.apache.flink.util.TimeUtils.parseDuration(
                args.getOrDefault("execution.checkpointing.interval", cluster.getOrDefault("execution.checkpointing.interval", "10s")));
        if (timeout.toMillis() > brokerMaxMs) {
            return List.of("sink.transaction-timeout " + timeout + " exceeds the broker's transaction.max.timeout.ms " + brokerMaxMs);
        }
        if (timeout.compareTo(interval) <= 0) {
            return List.of("sink.transaction-timeout " + timeout + " does not exceed the checkpoint interval " + interval);
        }
        return List.of();
    }

    private static String mountPathOfSecret(K8sJob job, Map<String, Object> container, String secretName) {
        String volume = null;
        for (Object v : Yaml.list(Yaml.at(job.deployment(), "spec.podTemplate.spec.volumes"), "volumes")) {
            Map<String, Object> vol = Yaml.map(v, "volume");
            if (secretName.equals(Yaml.stringAt(vol, "secret.secretName"))) {
                volume = String.valueOf(vol.get("name"));
            }
        }
        assertThat(volume).as("a volume of Secret %s", secretName).isNotNull();
        for (Object m : Yaml.list(container.get("volumeMounts"), "volumeMounts")) {
            Map<String, Object> mount = Yaml.map(m, "volumeMount");
            if (volume.equals(mount.get("name"))) {
                return String.valueOf(mount.get("mountPath"));
            }
        }
        throw new AssertionError("Volume " + volume + " is not mounted into " + container.get("name"));
    }
}
