package io.streamrec.text.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checked model folder: {@code model.onnx}, {@code tokenizer.json} and, when present, {@code manifest.json}
 * whose sha256 checksums the files must match.
 */
public record ModelFiles(Path dir, Path model, Path tokenizer, ModelManifest manifest) {

    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelFiles.class);

    /** Opens a model folder, verifying every checksum its manifest lists. */
    public static ModelFiles load(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new ModelFileException("Model folder " + folder + " does not exist (set encoder.model-dir,"
                    + " or build the bundled models with: mvn install -pl onnx-models)");
        }
        Path model = requireFile(folder, MODEL_FILE);
        Path tokenizer = requireFile(folder, TOKENIZER_FILE);
        Path manifestFile = folder.resolve(ModelManifest.FILE_NAME);
        ModelManifest manifest;
        if (Files.exists(manifestFile)) {
            manifest = ModelManifest.read(manifestFile);
            for (Map.Entry<String, String> expected : manifest.files().entrySet()) {
                verifyChecksum(requireFile(folder, expected.getKey()), expected.getValue());
            }
        } else {
            LOG.warn("Model folder {} has no {}: checksums are NOT verified; BERT inputs, mean pooling and L2"
                    + " normalisation are assumed and the dimension is read from the model", folder,
                    ModelManifest.FILE_NAME);
            manifest = ModelManifest.assumedFor(folder);
        }
        return new ModelFiles(folder, model, tokenizer, manifest);
    }

    static void verifyChecksum(Path file, String expectedSha256) {
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new ModelFileException("Checksum mismatch for " + file + ": expected sha256 " + expectedSha256
                    + " but the file has " + actual + " (a damaged or different file; rebuild onnx-models or fix"
                    + " the manifest)");
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ModelFileException("Cannot read " + file + " to verify its checksum: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    private static Path requireFile(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException("Model file missing: " + file + " (a model folder holds " + MODEL_FILE
                    + " and " + TOKENIZER_FILE + "; for the bundled models run: mvn install -pl onnx-models)");
        }
        return file;
    }
}
