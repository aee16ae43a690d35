package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.Test;

/** The strict binding catches what the API server would reject, at every depth. */
class ModelBinderTest {
    private final ModelBinder binder = new ModelBinder();

    private static final String DEPLOYMENT = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: d}
            spec:
              flinkVersion: v1_20
              flinkConfiguration:
                taskmanager.numberOfTaskSlots: "2"
              podTemplate:
                spec:
                  containers:
                    - name: flink-main-container
                      imagePullPolicy: Always
              job:
                jarURI: local:///job.jar
                parallelism: 2
            """;

    @Test
    void aValidDeploymentBinds() {
        assertThat(binder.bind(Yaml.load(DEPLOYMENT), FlinkDeployment.class).problems()).isEmpty();
    }

    @Test
    void unknownFieldOfAnOperatorClassIsRejected() {
        String doc = DEPLOYMENT.replace("    parallelism: 2", "    parallelism: 2\n    paralellism: 3");
        assertThat(binder.bind(Yaml.load(doc), FlinkDeployment.class).problems()).singleElement().asString()
                .contains("paralellism");
    }

    @Test
    void unknownFieldInsideAPodTemplateIsRejected() {
        String doc = DEPLOYMENT.replace("imagePullPolicy: Always", "imagePullPolcy: Always");
        assertThat(binder.bind(Yaml.load(doc), FlinkDeployment.class).problems()).singleElement().asString()
                .contains("imagePullPolcy").contains("containers[0]");
    }

    @Test
    void nonStringFlinkConfigurationValueIsRejected() {
        String doc = DEPLOYMENT.replace("taskmanager.numberOfTaskSlots: \"2\"", "taskmanager.numberOfTaskSlots: 2");
        assertThat(binder.bind(Yaml.load(doc), FlinkDeployment.class).problems()).isNotEmpty();
    }

    @Test
    void unknownStrimziFieldsAndWronglyTypedScalarsAreRejected() {
        String kafka = """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    version: 4.2.0
                    listners: []
                """;
        assertThat(binder.bind(Yaml.load(kafka), Kafka.class).problems()).singleElement().asString().contains("listners");

        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  partitions: "4"
                """;
        assertThat(binder.bind(Yaml.load(topic), KafkaTopic.class).problems()).isNotEmpty();
    }
}
