package io.streamrec.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;

/** Which model class each kind of the rendered manifests binds to, and the binding of a whole render. */
final class KubernetesModels {
    /** Strimzi's current API version; v1beta2 is deprecated since 0.49 (the model classes say so). */
    static final String STRIMZI_API = "kafka.strimzi.io/v1";

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "FlinkDeployment", FlinkDeployment.class,
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class,
            "ServiceAccount", ServiceAccount.class,
            "Role", Role.class,
            "RoleBinding", RoleBinding.class);

    private KubernetesModels() {}

    /** Problems binding every object of a render, by kind and name. */
    static List<String> bindingProblems(Kustomize.Rendered rendered) {
        ModelBinder binder = new ModelBinder();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : rendered.documents()) {
            String kind = String.valueOf(doc.get("kind"));
            String name = Yaml.stringAt(doc, "metadata.name");
            Class<? extends HasMetadata> type = KINDS.get(kind);
            if (type == null) {
                problems.add(kind + "/" + name + ": no model class known for this kind; add it to KubernetesModels.KINDS");
                continue;
            }
            String expectedApi = type.getName().startsWith("io.strimzi.") ? STRIMZI_API : HasMetadata.getApiVersion(type);
            if (!expectedApi.equals(doc.get("apiVersion"))) {
                problems.add(kind + "/" + name + ": apiVersion " + doc.get("apiVersion") + ", expected " + expectedApi);
            }
            Map<String, Object> bindable = kind.equals("FlinkDeployment") ? withModelFlinkVersion(doc) : doc;
            for (String problem : binder.bind(bindable, type).problems()) {
                problems.add(kind + "/" + name + ": " + problem);
            }
        }
        return problems;
    }

    /**
     * The operator API on Maven Central (1.10.0) predates Flink 2 and rejects v2_x; the field is
     * checked on its own (FlinkDeploymentTest) and replaced here so that the rest binds strictly.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withModelFlinkVersion(Map<String, Object> doc) {
        Map<String, Object> copy = deepCopy(doc);
        Map<String, Object> spec = (Map<String, Object>) copy.get("spec");
        if (spec != null && spec.containsKey("flinkVersion")) {
            FlinkVersion[] known = FlinkVersion.values();
            spec.put("flinkVersion", known[known.length - 1].name());
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
