package io.streamrec.text.flink;

import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CUDA device of a subtask: the first GPU of Flink's "gpu" external resource, else the configured id. */
final class GpuAssignment {

    static final String RESOURCE_NAME = "gpu";

    private static final Logger LOG = LoggerFactory.getLogger(GpuAssignment.class);

    private GpuAssignment() {}

    static int deviceId(RuntimeContext context, int configuredId) {
        Set<ExternalResourceInfo> gpus;
        try {
            gpus = context.getExternalResourceInfos(RESOURCE_NAME);
        } catch (RuntimeException e) {
            LOG.debug("No external resource information ({}); using encoder.cuda.device-id", e.toString());
            return configuredId;
        }
        Optional<Integer> index = gpus.stream()
                .map(info -> info.getProperty("index"))
                .flatMap(Optional::stream)
                .map(String::trim)
                .map(Integer::parseInt)
                .sorted()
                .findFirst();
        index.ifPresent(id -> LOG.info("Flink external resource '{}' assigns CUDA device {}", RESOURCE_NAME, id));
        return index.orElse(configuredId);
    }
}
