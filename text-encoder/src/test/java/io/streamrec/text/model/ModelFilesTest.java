package io.streamrec.text.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.TestModels;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder is used only when its files are the ones the manifest names. */
class ModelFilesTest {

    @TempDir
    Path temp;

    @Test
    void bundledModelsVerify() {
        ModelFiles files = ModelFiles.load(TestModels.dir(TestModels.INT8));
        assertThat(files.manifest().verified()).isTrue();
        assertThat(files.manifest().dimension()).isEqualTo(384);
        assertThat(files.manifest().inputs()).containsExactly("input_ids", "attention_mask", "token_type_ids");
    }

    @Test
    void changedFileFailsNamingFileAndBothChecksums() throws IOException {
        Path dir = copyOf(TestModels.INT8, true);
        Files.writeString(dir.resolve("tokenizer.json"), " ", StandardOpenOption.APPEND);
        String actual = ModelFiles.sha256(dir.resolve("tokenizer.json"));

        assertThatThrownBy(() -> ModelFiles.load(dir))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(dir.resolve("tokenizer.json").toString())
                .hasMessageContaining("da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0")
                .hasMessageContaining(actual);
    }

    @Test
    void missingFileFailsNamingIt() throws IOException {
        Path dir = copyOf(TestModels.INT8, true);
        Files.delete(dir.resolve("model.onnx"));

        assertThatThrownBy(() -> ModelFiles.load(dir))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("Model file missing: " + dir.resolve("model.onnx"));
    }

    @Test
    void missingFolderFailsNamingIt() {
        Path dir = temp.resolve("nowhere");
        assertThatThrownBy(() -> ModelFiles.load(dir)).hasMessageContaining(dir + " does not exist");
    }

    @Test
    void folderWithoutManifestWorksWithDimensionFromTheModel() throws Exception {
        Path dir = copyOf(TestModels.INT8, false);
        ModelFiles files = ModelFiles.load(dir);
        assertThat(files.manifest().verified()).isFalse();

        SessionSpec spec = SessionSpec.of(dir, EncoderSettings.defaults(), 0);
        try (Lease<SentenceEncoder> encoder = EncoderRegistry.encoder(spec)) {
            assertThat(encoder.get().dimension()).isEqualTo(384);
            assertThat(encoder.get().encodeTexts(java.util.List.of("hello"), 1)[0]).hasSize(384);
        }
    }

    private Path copyOf(String model, boolean withManifest) throws IOException {
        Path source = TestModels.dir(model);
        Path dir = Files.createDirectories(temp.resolve(model));
        Files.copy(source.resolve("model.onnx"), dir.resolve("model.onnx"));
        Files.copy(source.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        if (withManifest) {
            Files.copy(source.resolve("manifest.json"), dir.resolve("manifest.json"));
        }
        return dir;
    }
}
