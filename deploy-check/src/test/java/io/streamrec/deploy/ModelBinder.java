package io.streamrec.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a rendered Kubernetes object to an operator's own model class, as strictly as the API server's
 * schema would: unknown fields and scalars of the wrong type are errors.
 *
 * <p>FAIL_ON_UNKNOWN_PROPERTIES alone is not enough: the fabric8 and Strimzi classes keep unknown
 * fields in an {@code additionalProperties} map instead of failing, and a class may ignore unknown
 * fields outright. So after binding, the object graph is searched for non-empty
 * {@code additionalProperties}, and the object is written back and compared with the input: a field of
 * the input that is missing from the output was dropped.
 */
final class ModelBinder {
    private static final List<String> MODEL_PACKAGES =
            List.of("io.fabric8.", "io.strimzi.", "org.apache.flink.kubernetes.operator.");

    private final ObjectMapper mapper;

    ModelBinder() {
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // "true" for a boolean or "2" for an integer: the API server rejects those.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // And the other way round: 2 or true where a string is declared (e.g. a flinkConfiguration value).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** The bound object, or the reasons it does not bind. */
    record Result<T>(T value, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    <T> Result<T> bind(Map<String, Object> document, Class<T> type) {
        T value;
        try {
            value = mapper.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            return new Result<>(null, List.of(firstLine(e.getMessage())));
        }
        List<String> problems = new ArrayList<>();
        collectAdditionalProperties(value, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        collectDroppedFields(mapper.valueToTree(document), mapper.valueToTree(value), value, new ArrayList<>(), problems);
        return new Result<>(value, problems);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void collectAdditionalProperties(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive()) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                collectAdditionalProperties(e.getValue(), path + "." + e.getKey(), problems, seen);
            }
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectAdditionalProperties(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                collectAdditionalProperties(Array.get(value, i), path + "[" + i + "]", problems, seen);
            }
            return;
        }
        if (MODEL_PACKAGES.stream().noneMatch(value.getClass().getName()::startsWith) || !seen.add(value)) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "." : path)
                                + " (" + type.getSimpleName() + ")");
                    }
                } else {
                    collectAdditionalProperties(fieldValue, path + "." + field.getName(), problems, seen);
                }
            }
        }
    }

    /**
     * Fields of the input that the model wrote back neither as given nor at all. A field missing from
     * the output is fine when its class declares the property (a default value such as
     * {@code deleteClaim: false} is not written back); otherwise it was silently dropped.
     */
    private void collectDroppedFields(JsonNode input, JsonNode output, Object bound, List<Object> path,
            List<String> problems) {
        if (input.isObject()) {
            if (!output.isObject()) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(field.getKey());
                JsonNode written = output.get(field.getKey());
                if (written != null) {
                    collectDroppedFields(field.getValue(), written, bound, child, problems);
                } else if (!declaresProperty(bound, path, field.getKey())) {
                    problems.add("field dropped by the model: " + render(child));
                }
            }
        } else if (input.isArray() && output.isArray()) {
            for (int i = 0; i < input.size() && i < output.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                collectDroppedFields(input.get(i), output.get(i), bound, child, problems);
            }
        }
    }

    private boolean declaresProperty(Object root, List<Object> parentPath, String key) {
        Object current = root;
        for (Object segment : parentPath) {
            if (current == null) {
                return false;
            }
            if (segment instanceof Integer i) {
                current = current instanceof List<?> list ? (i < list.size() ? list.get(i) : null)
                        : current.getClass().isArray() ? Array.get(current, i) : null;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else {
                current = propertyValue(current, (String) segment);
            }
        }
        if (current == null) {
            return false;
        }
        if (current instanceof Map<?, ?>) {
            return true;
        }
        return mapper.getDeserializationConfig().introspect(mapper.constructType(current.getClass()))
                .findProperties().stream().anyMatch(p -> p.getName().equals(key));
    }

    private Object propertyValue(Object bean, String name) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(bean.getClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getName().equals(name)) {
                AnnotatedMember accessor = property.getAccessor() != null ? property.getAccessor() : property.getField();
                if (accessor == null) {
                    return null;
                }
                accessor.fixAccess(true);
                return accessor.getValue(bean);
            }
        }
        return null;
    }

    private static String render(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            out.append(segment instanceof Integer ? "[" + segment + "]" : "." + segment);
        }
        return out.toString();
    }
}
