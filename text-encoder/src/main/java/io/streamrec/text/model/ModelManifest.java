package io.streamrec.text.model;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code manifest.json} says about a model folder: checksums of its files, model inputs and output, and how
 * token vectors become one sentence vector.
 *
 * @param files file name to expected sha256 (hex); empty when the folder has no manifest
 * @param dimension size of the sentence vector; 0 until known for a model without manifest
 */
public record ModelManifest(
        String name,
        String precision,
        String source,
        Map<String, String> files,
        List<String> inputs,
        String output,
        int maxSequenceLength,
        String pooling,
        boolean normalize,
        int dimension) {

    public static final String FILE_NAME = "manifest.json";

    /** The BERT defaults assumed for a model folder without manifest; nothing is checksummed. */
    public static ModelManifest assumedFor(Path dir) {
        return new ModelManifest(
                String.valueOf(dir.getFileName()),
                "unknown",
                dir.toString(),
                Map.of(),
                List.of("input_ids", "attention_mask", "token_type_ids"),
                "last_hidden_state",
                256,
                "mean",
                true,
                0);
    }

    public static ModelManifest read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            ModelManifest manifest = new Gson().fromJson(reader, ModelManifest.class);
            if (manifest == null) {
                throw new ModelFileException("Model manifest " + file + " is empty");
            }
            return manifest.validated(file);
        } catch (IOException | JsonParseException e) {
            throw new ModelFileException("Cannot read model manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private ModelManifest validated(Path file) {
        if (files == null || inputs == null || output == null || maxSequenceLength <= 0) {
            throw new ModelFileException(
                    "Model manifest " + file + " lacks files, inputs, output or maxSequenceLength");
        }
        if (!"mean".equals(pooling)) {
            throw new ModelFileException(
                    "Model manifest " + file + " asks for pooling '" + pooling + "'; only 'mean' is supported");
        }
        return this;
    }

    public ModelManifest withDimension(int dim) {
        return new ModelManifest(
                name, precision, source, files, inputs, output, maxSequenceLength, pooling, normalize, dim);
    }

    /** Whether the model files were checked against checksums. */
    public boolean verified() {
        return !files.isEmpty();
    }
}
