package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamrec.config.JobConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FlinkDeployment of both overlays runs the job as built, with durable state and locked-down pods. */
class FlinkDeploymentTest {

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void runsTheImagesJobJarAndMainClassOnThisFlinkVersion(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        Map<String, Object> d = job.deployment();
        assertThat(Yaml.stringAt(d, "spec.job.jarURI")).isEqualTo("local://" + Expectations.IMAGE_JOB_JAR);
        assertThat(Yaml.stringAt(d, "spec.job.entryClass")).isEqualTo(Expectations.JOB_MAIN_CLASS);
        assertThat(Yaml.stringAt(d, "spec.job.upgradeMode")).isEqualTo("savepoint");
        assertThat(Yaml.stringAt(d, "spec.mode")).isEqualTo("native");
        // The operator's flinkVersion names a minor release; it must be Flink's major and not newer.
        String[] flink = BuildVersions.flink().split("\\.");
        assertThat(Yaml.stringAt(d, "spec.flinkVersion")).matches("v" + flink[0] + "_\\d+");
        int minor = Integer.parseInt(Yaml.stringAt(d, "spec.flinkVersion").split("_")[1]);
        assertThat(minor).isLessThanOrEqualTo(Integer.parseInt(flink[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void everyContainerUsesTheOverlaysImageAtTheProjectVersion(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        String image = (overlay.equals(Kustomize.GPU) ? Expectations.GPU_IMAGE : Expectations.CPU_IMAGE)
                + ":" + Expectations.imageTag();
        assertThat(Yaml.stringAt(job.deployment(), "spec.image")).isEqualTo(image);
        for (Map<String, Object> container : job.containers()) {
            if (container.containsKey("image")) {
                assertThat(container.get("image")).as("image of container %s", container.get("name")).isEqualTo(image);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void programArgumentsAreDeclaredOptionsWithParsableValues(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        assertThatCode(() -> JobConfig.fromArgs(job.args().toArray(String[]::new))).doesNotThrowAnyException();
        assertThat(ProductOptions.problems(job.programArgs(), job.where() + " args")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void flinkConfigurationHoldsNoJobOptionsAndTheJobDoesNotOverrideIt(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        assertThat(ProductOptions.productKeysInClusterConfig(job.flinkConfiguration(), job.where())).isEmpty();
        assertThat(ProductOptions.defaultsOverridingCluster(job.flinkConfiguration(), job.programArgs(), job.where()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void stateIsRocksDbWithIncrementalCheckpointsAndHaOnDurableStorage(String overlay) {
        Map<String, String> c = K8sJob.of(overlay).flinkConfiguration();
        assertThat(c).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("high-availability.type", "kubernetes");
        for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir",
                "high-availability.storageDir")) {
            assertThat(c.get(key)).as(key).startsWith("s3://");
        }
        // The S3 file system plugin the image enables, with credentials from a Secret.
        assertThat(Repo.read(DockerfileModel.PATH)).contains("plugins/s3-fs-hadoop");
        assertThat(secretEnv(K8sJob.of(overlay))).containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void everyFlinkJvmLoadsTheVectorModuleForSimdDotProducts(String overlay) {
        assertThat(K8sJob.of(overlay).flinkConfiguration().get("env.java.opts.all"))
                .contains(Expectations.VECTOR_MODULE_OPTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void taskManagersBudgetOffHeapMemoryForTheEncoder(String overlay) {
        Map<String, String> c = K8sJob.of(overlay).flinkConfiguration();
        assertThat(MemorySize.parse(c.get("taskmanager.memory.task.off-heap.size")).getMebiBytes()).isGreaterThanOrEqualTo(512);
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void prometheusReporterIsEnabledAndItsPortExposed(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        assertThat(job.flinkConfiguration())
                .containsEntry("metrics.reporter.prom.factory.class", Expectations.PROMETHEUS_FACTORY)
                .containsEntry("metrics.reporter.prom.port", Expectations.PROMETHEUS_PORT);
        Map<String, Object> main = mainContainer(job, "spec.podTemplate");
        assertThat(Yaml.list(main.get("ports"), "ports")).anySatisfy(p -> assertThat(Yaml.map(p, "port"))
                .containsEntry("name", "metrics").containsEntry("containerPort", Integer.valueOf(Expectations.PROMETHEUS_PORT)));
        assertThat(Yaml.mapAt(job.deployment(), "spec.podTemplate.metadata.annotations"))
                .containsEntry("prometheus.io/port", Expectations.PROMETHEUS_PORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void podsRunAsTheFlinkUserWithoutPrivileges(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        Map<String, Object> pod = Yaml.mapAt(job.deployment(), "spec.podTemplate.spec.securityContext");
        assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", (int) Expectations.FLINK_UID);
        for (Map<String, Object> container : job.containers()) {
            if (container.containsKey("securityContext")) {
                assertThat(Yaml.mapAt(container, "securityContext")).as("container %s", container.get("name"))
                        .containsEntry("allowPrivilegeEscalation", false);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void everyContainerHasResourceRequestsAndLimits(String overlay) {
        K8sJob job = K8sJob.of(overlay);
        // The operator turns these into the Flink containers' requests and limits.
        for (String role : List.of("jobManager", "taskManager")) {
            Map<String, Object> resource = Yaml.mapAt(job.deployment(), "spec." + role + ".resource");
            assertThat(resource).as(role).containsKeys("cpu", "memory");
        }
        Object init = Yaml.at(job.deployment(), "spec.podTemplate.spec.initContainers");
        for (Object container : Yaml.list(init, "initContainers")) {
            Map<String, Object> resources = Yaml.mapAt(Yaml.map(container, "init container"), "resources");
            assertThat(Yaml.mapAt(resources, "requests")).containsKeys("cpu", "memory");
            assertThat(Yaml.mapAt(resources, "limits")).containsKeys("cpu", "memory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void secretsAreReferencedNeverCommitted(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        assertThat(rendered.ofKind("Secret")).isEmpty();
        String kafka = Yaml.stringAt(rendered.single("Kafka"), "metadata.name");
        String user = Yaml.stringAt(rendered.single("KafkaUser"), "metadata.name");
        // Strimzi creates the first two; the S3 credentials are the user's, documented in docs/deploy.md.
        Set<String> allowed = Set.of(user, kafka + "-cluster-ca-cert", "streamrec-s3");
        assertThat(referencedSecrets(rendered)).isNotEmpty().isSubsetOf(allowed);
        assertThat(Repo.read("docs/deploy.md")).contains("streamrec-s3");
        for (Map<String, Object> container : K8sJob.of(overlay).containers()) {
            Object env = container.get("env");
            for (Object item : env == null ? List.of() : Yaml.list(env, "env")) {
                Map<String, Object> var = Yaml.map(item, "env var");
                if (String.valueOf(var.get("name")).matches("(?i).*(password|secret|token|key|jaas).*")) {
                    assertThat(var).as("env %s", var.get("name")).doesNotContainKey("value").containsKey("valueFrom");
                }
            }
        }
    }

    @Test
    void gpuOverlayOffersOneGpuPerTaskManagerToTheEncoder() {
        K8sJob job = K8sJob.of(Kustomize.GPU);
        assertThat(job.flinkConfiguration())
                .containsEntry("external-resources", "gpu")
                .containsEntry("external-resource.gpu.amount", "1")
                .containsEntry("external-resource.gpu.driver-factory.class", Expectations.GPU_DRIVER_FACTORY)
                .containsEntry("external-resource.gpu.param.discovery-script.path", Expectations.GPU_DISCOVERY_SCRIPT)
                .containsEntry("external-resource.gpu.kubernetes.config-key", "nvidia.com/gpu");
        Map<String, Object> tmPod = Yaml.mapAt(job.deployment(), "spec.taskManager.podTemplate.spec");
        assertThat(Yaml.mapAt(tmPod, "nodeSelector")).isNotEmpty();
        assertThat(Yaml.list(tmPod.get("tolerations"), "tolerations"))
                .anySatisfy(t -> assertThat(Yaml.map(t, "toleration")).containsEntry("key", "nvidia.com/gpu"));
        Map<String, Object> main = mainContainer(job, "spec.taskManager.podTemplate");
        assertThat(Yaml.mapAt(main, "resources.limits")).containsEntry("nvidia.com/gpu", 1);
        assertThat(encoderProvider(job)).isEqualTo("CUDA");
        // ONNX Runtime loads its CUDA libraries where the gpu image unpacked them.
        assertThat(job.flinkConfiguration().get("env.java.opts.taskmanager"))
                .contains("-Donnxruntime.native.path=/opt/streamrec/onnxruntime/lib");
        assertThat(DockerfileModel.load().createdPaths("gpu")).contains("/opt/streamrec/onnxruntime/lib");
    }

    @Test
    void cpuOverlayKeepsTheEncoderOnTheCpu() {
        K8sJob job = K8sJob.of(Kustomize.CPU);
        assertThat(encoderProvider(job)).isEqualTo("CPU");
        assertThat(job.flinkConfiguration()).doesNotContainKey("external-resources");
    }

    static String encoderProvider(K8sJob job) {
        var option = ProductOptions.declared().get("encoder.provider");
        assertThat(option).as("encoder.provider is declared").isNotNull();
        return String.valueOf(ProductOptions.effective(job.programArgs(), option));
    }

    static Map<String, Object> mainContainer(K8sJob job, String podTemplatePath) {
        for (Object c : Yaml.list(Yaml.at(job.deployment(), podTemplatePath + ".spec.containers"), "containers")) {
            Map<String, Object> container = Yaml.map(c, "container");
            if ("flink-main-container".equals(container.get("name"))) {
                return container;
            }
        }
        throw new AssertionError("No flink-main-container in " + podTemplatePath);
    }

    private static Map<String, Object> secretEnv(K8sJob job) {
        Map<String, Object> found = new java.util.LinkedHashMap<>();
        for (Object item : Yaml.list(mainContainer(job, "spec.podTemplate").get("env"), "env")) {
            Map<String, Object> var = Yaml.map(item, "env var");
            if (Yaml.at(var, "valueFrom.secretKeyRef") != null) {
                found.put(String.valueOf(var.get("name")), var.get("valueFrom"));
            }
        }
        return found;
    }

    /** Names in every secretKeyRef, secretRef and secret volume of the rendered objects. */
    static Set<String> referencedSecrets(Kustomize.Rendered rendered) {
        Set<String> names = new TreeSet<>();
        rendered.documents().forEach(doc -> collectSecretNames(doc, names));
        return names;
    }

    private static void collectSecretNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = e.getKey();
                if (e.getValue() instanceof Map<?, ?> value) {
                    if (key.equals("secretKeyRef") || key.equals("secretRef")) {
                        names.add(String.valueOf(value.get("name")));
                    } else if (key.equals("secret") && value.containsKey("secretName")) {
                        names.add(String.valueOf(value.get("secretName")));
                    }
                }
                collectSecretNames(e.getValue(), names);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSecretNames(item, names));
        }
    }
}
