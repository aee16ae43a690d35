package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.deploy.DockerfileModel.Copy;
import io.streamrec.deploy.DockerfileModel.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The job image: base image versions, what it copies from the Maven build, and how it runs. */
class DockerfileTest {
    private final DockerfileModel dockerfile = DockerfileModel.load();

    @Test
    void flinkBaseImageMatchesTheBuildsFlinkVersionOnJava17() {
        assertThat(dockerfile.stage("base").baseImage)
                .isEqualTo("flink:" + BuildVersions.flink() + "-scala_2.12-java17");
    }

    @Test
    void versionArgumentMatchesTheProjectVersion() {
        assertThat(dockerfile.globalArgs).containsEntry("STREAMREC_VERSION", BuildVersions.project());
    }

    @Test
    void gpuLibrariesComeFromCuda12WithCudnn9ForOnnxRuntime() {
        // ONNX Runtime 1.19 and later are built for CUDA 12.x and cuDNN 9.x (onnxruntime.ai, CUDA EP requirements).
        assertThat(BuildVersions.onnxRuntime()).matches("1\\.(19|[2-9]\\d)\\..*");
        String cuda = dockerfile.stage("cuda-libs").baseImage;
        assertThat(cuda).matches("nvidia/cuda:12\\.\\d+\\.\\d+-cudnn-runtime-ubuntu24\\.04");
        assertThat(dockerfile.stage("cuda-libs").runs).anySatisfy(run -> assertThat(run)
                .contains("libcublasLt.so.12", "libcudart.so.12", "libcufft.so.11", "libcurand.so.10", "libcudnn"));
    }

    @Test
    void everyBaseImageIsPinnedToATag() {
        for (Stage stage : dockerfile.stages.values()) {
            if (dockerfile.stages.containsKey(stage.baseImage)) {
                continue;
            }
            assertThat(stage.baseImage).as("FROM of stage %s", stage.name)
                    .matches("[a-z0-9./-]+:[A-Za-z0-9._-]+").doesNotEndWith(":latest");
        }
    }

    @Test
    void bothTargetsRunAsTheFlinkUserWithDjlOffline() {
        for (String target : List.of("cpu", "gpu")) {
            Stage stage = dockerfile.stage(target);
            assertThat(stage.user).as(target).isEqualTo("flink");
            assertThat(stage.env).as(target).containsEntry("OPT_OUT_TRACKING", "true");
            // DJL copies its native library there, so it must be a folder the flink user owns.
            String djlCache = stage.env.get("DJL_CACHE_DIR");
            assertThat(djlCache).as(target).isNotBlank();
            assertThat(dockerfile.lineage(target)).anySatisfy(s -> assertThat(s.runs).anySatisfy(run ->
                    assertThat(run).containsPattern("chown -R flink:flink [^;]*" + Pattern.quote(parentOf(djlCache)))));
        }
    }

    @Test
    void jobJarIsTheShadedJarOfFlinkJobs() {
        Copy jar = copyTo("base", Expectations.IMAGE_JOB_JAR);
        String artifactId = BuildVersions.Poms.childText(
                BuildVersions.Poms.parse("flink-jobs/pom.xml").getDocumentElement(), "artifactId");
        assertThat(jar.sources()).containsExactly("flink-jobs/target/" + artifactId + "-" + BuildVersions.project() + ".jar");
        assertThat(Repo.read("flink-jobs/pom.xml")).contains("maven-shade-plugin").doesNotContain("shadedArtifactAttached");
    }

    @Test
    void everyModelOfTheOnnxModelsModuleIsShippedWhereTheEncoderLooks() throws Exception {
        Set<String> built = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(Repo.path("onnx-models/manifests"))) {
            dirs.filter(Files::isDirectory).forEach(d -> built.add(d.getFileName().toString()));
        }
        assertThat(built).isNotEmpty();
        String modelsRoot = containerModelsRoot();
        for (String model : built) {
            Copy copy = copyTo("base", modelsRoot + "/" + model + "/");
            assertThat(copy.sources()).containsExactly("onnx-models/target/models/" + model + "/");
        }
        String modelsRootVariable = (String) Class.forName("io.streamrec.text.model.ModelDirectoryResolver")
                .getField("MODELS_ROOT_ENV").get(null);
        assertThat(dockerfile.stage("cpu").env).containsEntry(modelsRootVariable, modelsRoot);
        // The encoder's default model must be one of them.
        Object defaultModel = Class.forName("io.streamrec.text.EncoderOptions").getField("MODEL").get(null);
        assertThat(built).contains(((org.apache.flink.configuration.ConfigOption<?>) defaultModel).defaultValue().toString());
    }

    @Test
    void toolsAreTheClasspathThisModuleStages() {
        Copy tools = copyTo("base", "/opt/streamrec/tools/");
        assertThat(tools.sources()).containsExactly("deploy-check/target/docker/tools/");
        assertThat(Repo.read("deploy-check/pom.xml"))
                .contains("<outputDirectory>${project.build.directory}/docker/tools</outputDirectory>");
        for (String mainClass : Expectations.TOOL_MAIN_CLASSES) {
            assertThat(classExists(mainClass)).as("tool main class %s", mainClass).isTrue();
        }
    }

    @Test
    void gpuTargetHasTheCudaLibrariesAndUnpackedOnnxRuntime() {
        Stage gpu = dockerfile.stage("gpu");
        assertThat(gpu.copies).anySatisfy(c -> assertThat(c.fromStage()).isEqualTo("cuda-libs"));
        assertThat(gpu.copies).anySatisfy(c -> assertThat(c.fromStage()).isEqualTo("ort-native"));
        assertThat(gpu.env.get("LD_LIBRARY_PATH")).isEqualTo("/opt/cuda/lib");
        assertThat(gpu.env).containsEntry("NVIDIA_DRIVER_CAPABILITIES", "compute,utility").doesNotContainKey("NVIDIA_VISIBLE_DEVICES");
        // The check that the job jar is the -Pgpu build (onnxruntime_gpu).
        assertThat(dockerfile.stage("ort-native").runs).anySatisfy(run -> assertThat(run)
                .contains("libonnxruntime_providers_cuda.so", "exit 1"));
        // The CPU image is the default (last) stage.
        assertThat(new ArrayList<>(dockerfile.stages.keySet())).last().isEqualTo("cpu");
    }

    @Test
    void pluginsThePrometheusReporterAndGpuDriverNeedAreCheckedAndS3IsEnabled() {
        String setup = String.join("\n", dockerfile.stage("base").runs);
        assertThat(setup).contains("plugins/metrics-prometheus/flink-metrics-prometheus-",
                "plugins/external-resource-gpu/nvidia-gpu-discovery.sh", "cp opt/flink-s3-fs-hadoop-");
    }

    @Test
    void theBuildContextLetsThroughExactlyWhatIsCopied() throws IOException {
        List<String> allowed = Files.readAllLines(Repo.path("deploy/docker/Dockerfile.dockerignore")).stream()
                .map(String::strip).filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        assertThat(Repo.read("deploy/docker/Dockerfile.dockerignore")).containsPattern("(?m)^\\*$");
        for (Stage stage : dockerfile.stages.values()) {
            for (Copy copy : stage.copies) {
                if (copy.fromStage() != null) {
                    continue;
                }
                for (String source : copy.sources()) {
                    assertThat(allowed).as("a !pattern in Dockerfile.dockerignore for %s", source)
                            .anyMatch(pattern -> globMatches(pattern, source));
                }
            }
        }
    }

    private Copy copyTo(String stage, String destination) {
        return dockerfile.stage(stage).copies.stream()
                .filter(c -> c.destination().equals(destination)).findFirst()
                .orElseThrow(() -> new AssertionError("No COPY to " + destination + " in stage " + stage));
    }

    private static String containerModelsRoot() throws Exception {
        Object root = Class.forName("io.streamrec.text.model.ModelDirectoryResolver").getField("CONTAINER_MODELS").get(null);
        return root.toString();
    }

    private static String parentOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    static boolean classExists(String name) {
        try {
            Class.forName(name, false, DockerfileTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean globMatches(String pattern, String path) {
        String regex = Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q");
        return path.matches(regex) || (pattern.endsWith("/") && path.startsWith(pattern));
    }
}
