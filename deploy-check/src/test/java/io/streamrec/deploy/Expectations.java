package io.streamrec.deploy;

import io.streamrec.job.RecommendationJob;
import java.util.List;

/** Facts about the images and the job that several checks share; each says where it comes from. */
final class Expectations {
    private Expectations() {}

    /** Where the Dockerfile puts the shaded job jar; jarURI and the compose JobManager use it. */
    static final String IMAGE_JOB_JAR = "/opt/flink/usrlib/streamrec-flink-jobs.jar";

    /** The official Flink image's non-root user (`useradd --uid=9999 flink` in its Dockerfile). */
    static final long FLINK_UID = 9999;

    static final String JOB_MAIN_CLASS = RecommendationJob.class.getName();

    /** Run from the job image with `java -cp '/opt/streamrec/tools/*'` (module tools). */
    static final List<String> TOOL_MAIN_CLASSES =
            List.of("io.streamrec.tools.ReplayProducer", "io.streamrec.tools.RecommendationPrinter");

    static final String TOOLS_CLASSPATH = "/opt/streamrec/tools/*";

    static final String CPU_IMAGE = "streamrec/flink-job";
    static final String GPU_IMAGE = "streamrec/flink-job-gpu";

    static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    static final String PROMETHEUS_PORT = "9249";
    /** The JVM option that gives the model's dot products SIMD (io.streamrec.vectors.Vectors). */
    static final String VECTOR_MODULE_OPTION = "--add-modules=jdk.incubator.vector";

    /** Flink's GPU driver and discovery script (plugins/external-resource-gpu of the distribution). */
    static final String GPU_DRIVER_FACTORY = "org.apache.flink.externalresource.gpu.GPUDriverFactory";
    static final String GPU_DISCOVERY_SCRIPT = "/opt/flink/plugins/external-resource-gpu/nvidia-gpu-discovery.sh";

    /** The image tag every StreamRec image carries: the Maven project version. */
    static String imageTag() {
        return BuildVersions.project();
    }
}
