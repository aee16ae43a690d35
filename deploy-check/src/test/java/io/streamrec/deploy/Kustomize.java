package io.streamrec.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the same code path as {@code kubectl apply -k}.
 * Works offline; without kubectl the checks fail (they never skip), saying how to get it.
 */
final class Kustomize {
    static final String CPU = "deploy/k8s/overlays/cpu";
    static final String GPU = "deploy/k8s/overlays/gpu";

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    /** The output as text (for text scans) and as documents. */
    record Rendered(String text, List<Map<String, Object>> documents) {
        List<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> single(String kind) {
            List<Map<String, Object>> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("Expected one " + kind + ", found " + found.size());
            }
            return found.get(0);
        }
    }

    private Kustomize() {}

    static Rendered render(String kustomizationDir) {
        return CACHE.computeIfAbsent(kustomizationDir, Kustomize::run);
    }

    private static Rendered run(String kustomizationDir) {
        String kubectl = kubectl();
        ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize", Repo.path(kustomizationDir).toString());
        builder.redirectErrorStream(false);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = readAsync(process.getInputStream());
            CompletableFuture<String> err = readAsync(process.getErrorStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomizationDir + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomizationDir + " failed (exit " + process.exitValue()
                        + "):\n" + err.join());
            }
            String text = out.join();
            return new Rendered(text, Yaml.loadAll(text));
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + kustomizationDir, e);
        }
    }

    private static CompletableFuture<String> readAsync(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }

    /** kubectl from -Dstreamrec.kubectl, else the PATH. */
    static String kubectl() {
        String configured = System.getProperty("streamrec.kubectl");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl is needed to render deploy/k8s (it runs `kubectl kustomize`, offline) but"
                + " it is not on the PATH. Install kubectl 1.27 or later, or pass -Dstreamrec.kubectl=/path/to/kubectl.");
    }
}
