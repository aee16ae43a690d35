package io.streamrec.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as plain maps and lists (anchors and aliases resolved), plus typed navigation. */
final class Yaml {
    private Yaml() {}

    static Map<String, Object> load(String text) {
        return map(newLoader().load(text), "document");
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : newLoader().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc, "document"));
            }
        }
        return docs;
    }

    private static org.yaml.snakeyaml.Yaml newLoader() {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (!(value instanceof List)) {
            throw new AssertionError(what + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    /** The value at a dotted path of map keys, or null where the path ends early. */
    static Object at(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String dottedPath) {
        return map(at(root, dottedPath), dottedPath);
    }

    static String stringAt(Map<String, Object> root, String dottedPath) {
        Object value = at(root, dottedPath);
        return value == null ? null : value.toString();
    }
}
