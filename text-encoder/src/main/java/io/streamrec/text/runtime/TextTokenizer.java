package io.streamrec.text.runtime;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.streamrec.text.model.ModelFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * HuggingFace tokenizer read from a local tokenizer.json. Padding is off: the batch pads to its longest text
 * instead of the fixed length some tokenizer.json files ask for. Thread-safe.
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    public TextTokenizer(Path tokenizerJson, int maxLength) {
        OfflineNativeLibraries.prepare();
        this.maxLength = maxLength;
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(maxLength)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException("Cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    public TokenizedText tokenize(String text) {
        Encoding encoding = tokenizer.encode(text);
        return new TokenizedText(encoding.getIds(), encoding.getTypeIds());
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
