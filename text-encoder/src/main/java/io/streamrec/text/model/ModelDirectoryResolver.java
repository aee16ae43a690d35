package io.streamrec.text.model;

import io.streamrec.text.EncoderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the model folder when {@code encoder.model-dir} is not set; see {@code EncoderOptions.MODEL_DIR}. */
public final class ModelDirectoryResolver {

    public static final String MODEL_DIR_PROPERTY = "streamrec.encoder.model-dir";
    public static final String MODEL_DIR_ENV = "STREAMREC_ENCODER_MODEL_DIR";
    public static final String MODELS_ROOT_PROPERTY = "streamrec.models.root";
    public static final String MODELS_ROOT_ENV = "STREAMREC_MODELS_ROOT";
    public static final Path BUILD_MODELS = Path.of("onnx-models", "target", "models");
    public static final Path CONTAINER_MODELS = Path.of("/opt/flink/usrlib/models");

    private ModelDirectoryResolver() {}

    public static Path resolve(EncoderSettings settings) {
        if (!settings.modelDir().isEmpty()) {
            return Path.of(settings.modelDir());
        }
        Optional<String> explicit = setting(MODEL_DIR_PROPERTY, MODEL_DIR_ENV);
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        String name = settings.model();
        List<Path> candidates = new ArrayList<>();
        setting(MODELS_ROOT_PROPERTY, MODELS_ROOT_ENV).ifPresent(root -> candidates.add(Path.of(root, name)));
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(BUILD_MODELS).resolve(name));
        }
        candidates.add(CONTAINER_MODELS.resolve(name));
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve(ModelFiles.MODEL_FILE)))
                .findFirst()
                .orElseThrow(() -> new ModelFileException("No folder with " + ModelFiles.MODEL_FILE
                        + " for model '" + name + "'; looked in " + candidates + ". Set encoder.model-dir, or"
                        + " build the bundled models with: mvn install -pl onnx-models"));
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
