package io.streamrec.encode;

import io.streamrec.state.SentimentClassifier;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.model.ModelFileException;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import org.apache.flink.runtime.execution.SuppressRestartsException;

/** Builds the zero-shot {@link SentimentClassifier} with the job's own encoder (the JVM's shared session). */
public final class SentimentPrototypes {
    private SentimentPrototypes() {}

    public static SentimentClassifier classifier(EncoderSettings settings) {
        SessionSpec spec = SessionSpec.of(ModelDirectoryResolver.resolve(settings), settings, settings.cudaDeviceId());
        try (Lease<SentenceEncoder> encoder = EncoderRegistry.encoder(spec)) {
            float[][] positive = encoder.get().encodeTexts(SentimentClassifier.POSITIVE, 8);
            float[][] negative = encoder.get().encodeTexts(SentimentClassifier.NEGATIVE, 8);
            return SentimentClassifier.fromPrototypes(positive, negative);
        } catch (ModelFileException e) {
            throw new SuppressRestartsException(e); // missing files stay missing: no restart loop
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the sentiment prototypes with model "
                    + spec + ": " + e.getMessage(), e);
        }
    }
}
