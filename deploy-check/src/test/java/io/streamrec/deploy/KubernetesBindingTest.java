package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays render, and every object binds to its operator's model class without unknown fields. */
class KubernetesBindingTest {

    @ParameterizedTest
    @ValueSource(strings = {Kustomize.CPU, Kustomize.GPU})
    void rendersAndBindsStrictly(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        assertThat(rendered.documents()).extracting(d -> d.get("kind")).contains(
                "FlinkDeployment", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser");
        assertThat(KubernetesModels.bindingProblems(rendered)).isEmpty();
    }
}
