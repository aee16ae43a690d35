package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every container path of ours that compose, the Kubernetes manifests or the docs mention exists:
 * the Dockerfile creates it, or a volume is mounted there. Flink plugin paths must be ones the
 * Dockerfile checks at build time.
 */
class ContainerPathsTest {
    private static final Pattern OUR_PATH = Pattern.compile("/opt/(?:flink/usrlib|streamrec)(?:/[A-Za-z0-9._*-]+)*");
    private static final Pattern PLUGIN_PATH = Pattern.compile("/opt/flink/(plugins/[A-Za-z0-9._/-]+)");

    @Test
    void pathsUsedByComposeKubernetesAndDocsExistInTheImageOrAreMounted() {
        DockerfileModel dockerfile = DockerfileModel.load();
        Set<String> created = new LinkedHashSet<>(dockerfile.createdPaths("cpu"));
        created.addAll(dockerfile.createdPaths("gpu"));
        Set<String> copiedFolders = new LinkedHashSet<>();
        dockerfile.stages.values().forEach(s -> s.copies.stream().filter(c -> c.destination().endsWith("/"))
                .forEach(c -> copiedFolders.add(DockerfileModel.stripSlash(c.destination()))));
        Set<String> mounted = mountPoints();

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> source : sources().entrySet()) {
            for (String path : find(OUR_PATH, source.getValue())) {
                String p = path.endsWith("/*") ? path.substring(0, path.length() - 2) : DockerfileModel.stripSlash(path);
                boolean ok = created.contains(p)
                        || created.stream().anyMatch(c -> c.startsWith(p + "/"))
                        || copiedFolders.stream().anyMatch(c -> p.startsWith(c + "/"))
                        || mounted.stream().anyMatch(m -> p.equals(m) || p.startsWith(m + "/"));
                if (!ok) {
                    missing.add(source.getKey() + ": " + path);
                }
            }
            for (String plugin : find(PLUGIN_PATH, source.getValue())) {
                if (!Repo.read(DockerfileModel.PATH).contains(plugin.substring("/opt/flink/".length()))) {
                    missing.add(source.getKey() + ": " + plugin + " (not checked by the Dockerfile)");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theJobJarPathIsTheSameEverywhere() {
        assertThat(DockerfileModel.load().createdPaths("cpu")).contains(Expectations.IMAGE_JOB_JAR);
        assertThat(Repo.read("docs/deploy.md")).contains(Expectations.IMAGE_JOB_JAR);
    }

    /** The text of every file that names container paths, by name. */
    private static Map<String, String> sources() {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put(ComposeFile.PATH, ComposeFile.interpolate(Repo.read(ComposeFile.PATH)));
        sources.put(Kustomize.CPU, Kustomize.render(Kustomize.CPU).text());
        sources.put(Kustomize.GPU, Kustomize.render(Kustomize.GPU).text());
        sources.put("docs/deploy.md", Repo.read("docs/deploy.md"));
        return sources;
    }

    private static Set<String> mountPoints() {
        Set<String> mounts = new TreeSet<>();
        ComposeFile compose = ComposeFile.load();
        compose.services().keySet().forEach(service -> mounts.addAll(compose.volumeTargets(service)));
        for (String overlay : List.of(Kustomize.CPU, Kustomize.GPU)) {
            for (Map<String, Object> container : K8sJob.of(overlay).containers()) {
                Object volumeMounts = container.get("volumeMounts");
                if (volumeMounts != null) {
                    Yaml.list(volumeMounts, "volumeMounts")
                            .forEach(m -> mounts.add(String.valueOf(Yaml.map(m, "mount").get("mountPath"))));
                }
            }
        }
        // Commands in the docs that mount a folder themselves (docker compose run -v "host:container").
        Matcher m = Pattern.compile("-v \"[^\"]*:(/opt/[^:\" ]+)").matcher(Repo.read("docs/deploy.md"));
        while (m.find()) {
            mounts.add(m.group(1));
        }
        return mounts;
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
