package io.streamrec.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the checks need from a Dockerfile: build arguments, stages with their base image, COPY
 * instructions, RUN commands, environment and user, with {@code ${ARG}} references resolved to the
 * arguments' defaults. Not a general parser: enough for deploy/docker/Dockerfile, and strict where
 * it does not understand something.
 */
final class DockerfileModel {
    static final String PATH = "deploy/docker/Dockerfile";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern MKDIR = Pattern.compile("mkdir\\s+-p\\s+([^;&|]+)");

    record Copy(String fromStage, List<String> sources, String destination) {}

    static final class Stage {
        final String name;
        final String baseImage;
        final List<Copy> copies = new ArrayList<>();
        final List<String> runs = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, String> args = new LinkedHashMap<>();
        String user;

        Stage(String name, String baseImage) {
            this.name = name;
            this.baseImage = baseImage;
        }
    }

    final Map<String, String> globalArgs = new LinkedHashMap<>();
    final Map<String, Stage> stages = new LinkedHashMap<>();

    static DockerfileModel load() {
        return parse(Repo.read(PATH));
    }

    static DockerfileModel parse(String text) {
        DockerfileModel model = new DockerfileModel();
        Stage current = null;
        for (String instruction : instructions(text)) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String rest = parts.length > 1 ? parts[1].trim() : "";
            switch (keyword) {
                case "ARG" -> {
                    String[] kv = rest.split("=", 2);
                    if (current == null) {
                        model.globalArgs.put(kv[0], kv.length > 1 ? kv[1] : "");
                    } else {
                        current.args.put(kv[0], kv.length > 1 ? kv[1] : model.globalArgs.getOrDefault(kv[0], ""));
                    }
                }
                case "FROM" -> {
                    String[] words = rest.split("\\s+");
                    String image = resolve(words[0], model.globalArgs);
                    String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "stage" + model.stages.size();
                    current = new Stage(name, image);
                    Stage parent = model.stages.get(image);
                    if (parent != null) {
                        current.env.putAll(parent.env);
                        current.user = parent.user;
                    }
                    model.stages.put(name, current);
                }
                case "COPY" -> requireStage(current, instruction).copies.add(copy(rest, scope(model, current)));
                case "RUN" -> requireStage(current, instruction).runs.add(resolve(rest, scope(model, current)));
                case "ENV" -> requireStage(current, instruction).env.putAll(env(rest, scope(model, current)));
                case "USER" -> requireStage(current, instruction).user = rest;
                case "LABEL", "WORKDIR", "EXPOSE", "ENTRYPOINT", "CMD" -> { }
                default -> throw new AssertionError("Dockerfile instruction not understood by the checks: " + instruction);
            }
        }
        return model;
    }

    Stage stage(String name) {
        Stage stage = stages.get(name);
        if (stage == null) {
            throw new AssertionError("Dockerfile has no stage '" + name + "'; stages: " + stages.keySet());
        }
        return stage;
    }

    /** The stages an image target is built from, base first (COPY --from stages included). */
    List<Stage> lineage(String target) {
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stage(target); s != null; s = stages.get(s.baseImage)) {
            chain.add(0, s);
        }
        return chain;
    }

    /** Folders and files an image target has: COPY destinations and `mkdir -p` folders. */
    Set<String> createdPaths(String target) {
        Set<String> paths = new LinkedHashSet<>();
        for (Stage stage : lineage(target)) {
            for (Copy copy : stage.copies) {
                paths.add(stripSlash(copy.destination()));
            }
            for (String run : stage.runs) {
                Matcher m = MKDIR.matcher(run);
                while (m.find()) {
                    for (String word : m.group(1).trim().split("\\s+")) {
                        if (word.startsWith("/")) {
                            paths.add(stripSlash(word));
                        }
                    }
                }
            }
        }
        return paths;
    }

    static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Stage requireStage(Stage stage, String instruction) {
        if (stage == null) {
            throw new AssertionError("Instruction before the first FROM: " + instruction);
        }
        return stage;
    }

    private static Map<String, String> scope(DockerfileModel model, Stage stage) {
        Map<String, String> scope = new LinkedHashMap<>(stage.env);
        scope.putAll(stage.args);
        return scope;
    }

    private static Copy copy(String rest, Map<String, String> scope) {
        List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
        String from = null;
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            String flag = words.remove(0);
            if (flag.startsWith("--from=")) {
                from = flag.substring("--from=".length());
            }
        }
        if (words.size() < 2) {
            throw new AssertionError("COPY needs a source and a destination: " + rest);
        }
        List<String> sources = words.subList(0, words.size() - 1).stream().map(s -> resolve(s, scope)).toList();
        return new Copy(from, sources, resolve(words.get(words.size() - 1), scope));
    }

    private static Map<String, String> env(String rest, Map<String, String> scope) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : rest.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new AssertionError("ENV is expected as KEY=VALUE pairs: " + rest);
            }
            env.put(kv[0], resolve(kv[1], scope));
        }
        return env;
    }

    static String resolve(String text, Map<String, String> scope) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = scope.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Instructions with continuation lines joined and comments removed. */
    private static List<String> instructions(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String instruction = current.toString().trim();
                if (!instruction.isEmpty()) {
                    result.add(instruction);
                }
                current.setLength(0);
            }
        }
        return result;
    }
}
