package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamrec.config.JobConfig;
import io.streamrec.config.KafkaOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: the build's versions, the job's topics and options, the tools and the GPU profile. */
class ComposeFileTest {
    private final ComposeFile compose = ComposeFile.load();

    @Test
    void kafkaImagesMatchTheBuildsKafkaVersion() {
        for (String service : List.of("kafka", "topic-init")) {
            assertThat(compose.service(service).get("image")).as(service).isEqualTo("apache/kafka:" + BuildVersions.kafka());
        }
    }

    @Test
    void jobImagesAreBuiltFromTheDockerfileAtTheProjectVersion() {
        String cpu = Expectations.CPU_IMAGE + ":" + Expectations.imageTag();
        for (String service : List.of("jobmanager", "taskmanager", "replay", "printer")) {
            assertThat(compose.service(service).get("image")).as(service).isEqualTo(cpu);
        }
        assertThat(compose.service("taskmanager-gpu").get("image")).isEqualTo(Expectations.GPU_IMAGE + ":" + Expectations.imageTag());
        assertThat(Yaml.mapAt(compose.service("jobmanager"), "build"))
                .containsEntry("context", ".").containsEntry("dockerfile", DockerfileModel.PATH).containsEntry("target", "cpu");
        assertThat(Yaml.mapAt(compose.service("taskmanager-gpu"), "build"))
                .containsEntry("dockerfile", DockerfileModel.PATH).containsEntry("target", "gpu");
    }

    @Test
    void everyImageIsPinnedToATag() {
        compose.services().forEach((name, service) -> assertThat(String.valueOf(Yaml.map(service, name).get("image")))
                .as("image of %s", name).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+").doesNotEndWith(":latest"));
    }

    @Test
    void kafkaRunsInKraftMode() {
        Map<String, String> env = compose.environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("controller").contains("broker");
        assertThat(env).containsKeys("CLUSTER_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    }

    @Test
    void topicInitCreatesEveryTopicOfTheJobAsDeclared() {
        String script = String.join("\n", compose.command("topic-init"));
        assertThat(script).contains("--partitions \"$2\"", "cleanup.policy=\"$3\"");
        Map<String, Topics.Created> created = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s*$").matcher(script);
        while (m.find()) {
            created.put(m.group(1), new Topics.Created(Integer.parseInt(m.group(2)), m.group(3)));
        }
        assertThat(Topics.problems(created, jobArgs(), "topic-init")).isEmpty();
    }

    @Test
    void jobManagerRunsTheJobInApplicationModeWithValidOptions() {
        List<String> command = compose.command("jobmanager");
        assertThat(command.subList(0, 3)).containsExactly("standalone-job", "--job-classname", Expectations.JOB_MAIN_CLASS);
        List<String> args = command.subList(3, command.size());
        assertThatCode(() -> JobConfig.fromArgs(args.toArray(String[]::new))).doesNotThrowAnyException();
        assertThat(ProductOptions.problems(ProgramArgs.parse(args), "jobmanager args")).isEmpty();
        assertThat(ProductOptions.effective(jobArgs(), KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo(internalBootstrap());
    }

    @Test
    void flinkPropertiesHoldNoJobOptionsAndTheJobDoesNotOverrideThem() {
        for (String service : List.of("jobmanager", "taskmanager", "taskmanager-gpu")) {
            Map<String, String> properties = compose.flinkProperties(service);
            assertThat(ProductOptions.productKeysInClusterConfig(properties, service)).isEmpty();
            assertThat(ProductOptions.defaultsOverridingCluster(properties, jobArgs(), service)).isEmpty();
            assertThat(properties)
                    .containsEntry("metrics.reporter.prom.factory.class", Expectations.PROMETHEUS_FACTORY)
                    .containsEntry("metrics.reporter.prom.port", Expectations.PROMETHEUS_PORT)
                    .containsEntry("state.backend.type", "rocksdb");
            assertThat(properties.get("env.java.opts.all")).as(service).contains(Expectations.VECTOR_MODULE_OPTION);
        }
    }

    @Test
    void checkpointsLiveOnANamedVolumeSharedByAllFlinkProcesses() {
        String dir = compose.flinkProperties("jobmanager").get("execution.checkpointing.dir");
        assertThat(dir).startsWith("file:///");
        String path = dir.substring("file://".length());
        assertThat(Yaml.mapAt(compose.root, "volumes")).containsKey("checkpoints");
        for (String service : List.of("jobmanager", "taskmanager", "taskmanager-gpu")) {
            assertThat(compose.volumeTargets(service)).as(service).contains(path);
            assertThat(compose.volumeSources(service)).as(service).contains("checkpoints");
        }
    }

    @Test
    void sinkTransactionsFitTheBrokersTransactionTimeout() {
        long brokerMax = Long.parseLong(compose.environment("kafka").getOrDefault("KAFKA_TRANSACTION_MAX_TIMEOUT_MS", "900000"));
        assertThat(KafkaResourcesTest.transactionProblems(jobArgs(), compose.flinkProperties("jobmanager"), brokerMax)).isEmpty();
    }

    @Test
    void toolsRunFromTheJobImageAgainstTheInternalListener() {
        for (String service : List.of("replay", "printer")) {
            List<String> entrypoint = compose.entrypoint(service);
            assertThat(entrypoint.get(0)).isEqualTo("java");
            int cp = entrypoint.indexOf("-cp");
            assertThat(entrypoint.get(cp + 1)).isEqualTo(Expectations.TOOLS_CLASSPATH);
            String mainClass = entrypoint.get(entrypoint.size() - 1);
            assertThat(Expectations.TOOL_MAIN_CLASSES).contains(mainClass);
            assertThat(DockerfileTest.classExists(mainClass)).as(mainClass).isTrue();
            List<String> command = compose.command(service);
            assertThat(command.get(command.indexOf("--bootstrap") + 1)).isEqualTo(internalBootstrap());
        }
    }

    @Test
    void gpuProfileReservesAnNvidiaGpuAndOffersItToFlink() {
        Map<String, Object> service = compose.service("taskmanager-gpu");
        assertThat(Yaml.list(service.get("profiles"), "profiles")).containsExactly("gpu");
        Object devices = Yaml.at(service, "deploy.resources.reservations.devices");
        assertThat(Yaml.list(devices, "devices")).singleElement().satisfies(d -> assertThat(Yaml.map(d, "device"))
                .containsEntry("driver", "nvidia").containsEntry("capabilities", List.of("gpu")));
        assertThat(compose.flinkProperties("taskmanager-gpu"))
                .containsEntry("external-resources", "gpu")
                .containsEntry("external-resource.gpu.amount", "1")
                .containsEntry("external-resource.gpu.driver-factory.class", Expectations.GPU_DRIVER_FACTORY)
                .containsEntry("external-resource.gpu.param.discovery-script.path", Expectations.GPU_DISCOVERY_SCRIPT);
        // ENCODER_PROVIDER=cuda switches the job to the GPU; without it the demo stays on the CPU.
        assertThat(Repo.read(ComposeFile.PATH)).contains("${ENCODER_PROVIDER:-cpu}");
        assertThat(jobArgs()).containsEntry("encoder.provider", "cpu");
    }

    @Test
    void prometheusScrapesTheFlinkServicesOnTheReporterPort() {
        Map<String, Object> config = Yaml.load(Repo.read("deploy/prometheus/prometheus.yml"));
        Map<String, Object> job = Yaml.map(Yaml.list(config.get("scrape_configs"), "scrape_configs").get(0), "scrape config");
        Map<String, Object> sd = Yaml.map(Yaml.list(job.get("dns_sd_configs"), "dns_sd_configs").get(0), "dns_sd");
        assertThat(String.valueOf(sd.get("port"))).isEqualTo(Expectations.PROMETHEUS_PORT);
        assertThat(Yaml.list(sd.get("names"), "names")).containsExactlyInAnyOrder("jobmanager", "taskmanager", "taskmanager-gpu");
    }

    private Map<String, String> jobArgs() {
        List<String> command = compose.command("jobmanager");
        return ProgramArgs.parse(command.subList(3, command.size()));
    }

    /** host:port of the broker's INTERNAL advertised listener, the one containers use. */
    private String internalBootstrap() {
        for (String listener : compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            if (listener.startsWith("INTERNAL://")) {
                return listener.substring("INTERNAL://".length());
            }
        }
        throw new AssertionError("Kafka advertises no INTERNAL listener");
    }
}
