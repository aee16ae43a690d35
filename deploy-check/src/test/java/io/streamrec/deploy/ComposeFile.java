package io.streamrec.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as the compose CLI would see it: {@code ${VAR:-default}} interpolated with the
 * defaults (every variable must have one, so that the demo runs without a .env file) and {@code $$}
 * unescaped; anchors and aliases resolved.
 */
final class ComposeFile {
    static final String PATH = "docker-compose.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile load() {
        return parse(Repo.read(PATH));
    }

    static ComposeFile parse(String text) {
        return new ComposeFile(Yaml.load(interpolate(text)));
    }

    static String interpolate(String text) {
        String escaped = text.replace("$$", "\u0000");
        Matcher m = VARIABLE.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(2) == null) {
                throw new AssertionError("Compose variable ${" + m.group(1) + "} has no default; write ${"
                        + m.group(1) + ":-value} so that `docker compose up` needs no .env file");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
        }
        m.appendTail(out);
        return out.toString().replace("\u0000", "$");
    }

    Map<String, Object> services() {
        return Yaml.mapAt(root, "services");
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service '" + name + "'");
        }
        return Yaml.map(service, "service " + name);
    }

    static List<String> words(Object commandOrEntrypoint) {
        if (commandOrEntrypoint == null) {
            return List.of();
        }
        if (commandOrEntrypoint instanceof String s) {
            return List.of(s.trim().split("\\s+"));
        }
        List<String> words = new ArrayList<>();
        for (Object word : Yaml.list(commandOrEntrypoint, "command")) {
            words.add(String.valueOf(word));
        }
        return words;
    }

    List<String> command(String service) {
        return words(service(service).get("command"));
    }

    List<String> entrypoint(String service) {
        return words(service(service).get("entrypoint"));
    }

    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    /** FLINK_PROPERTIES of a Flink service: `key: value` lines the image's entrypoint adds to its config. */
    Map<String, String> flinkProperties(String service) {
        String properties = environment(service).get("FLINK_PROPERTIES");
        if (properties == null) {
            throw new AssertionError("Service " + service + " sets no FLINK_PROPERTIES");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : properties.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new AssertionError("FLINK_PROPERTIES line without 'key: value' in " + service + ": " + line);
            }
            result.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return result;
    }

    /** Container paths of a service's volumes (named volumes and bind mounts). */
    List<String> volumeTargets(String service) {
        List<String> targets = new ArrayList<>();
        Object volumes = service(service).get("volumes");
        if (volumes == null) {
            return targets;
        }
        for (Object volume : Yaml.list(volumes, service + ".volumes")) {
            if (volume instanceof String s) {
                String[] parts = s.split(":");
                targets.add(parts.length >= 2 ? parts[1] : parts[0]);
            } else {
                targets.add(String.valueOf(Yaml.map(volume, "volume").get("target")));
            }
        }
        return targets;
    }

    List<String> volumeSources(String service) {
        List<String> sources = new ArrayList<>();
        Object volumes = service(service).get("volumes");
        if (volumes != null) {
            for (Object volume : Yaml.list(volumes, service + ".volumes")) {
                sources.add(volume instanceof String s ? s.split(":")[0]
                        : String.valueOf(Yaml.map(volume, "volume").get("source")));
            }
        }
        return sources;
    }
}
