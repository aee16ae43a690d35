package io.streamrec.bench.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamrec.text.runtime.TextTokenizer;
import io.streamrec.text.runtime.TokenizedText;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the same batches straight through ONNX Runtime in a loop (tokenise, sort the batch by length,
 * pad to its longest, run, mean-pool), with nothing of the operator path in between.
 */
final class BareOrtLoop implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final TextTokenizer tokenizer;

    BareOrtLoop(OrtSession session, TextTokenizer tokenizer) {
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** Encodes all texts in consecutive batches of {@code batchSize}; returns a checksum to keep the JIT honest. */
    double run(List<String> texts, int batchSize) throws OrtException {
        double checksum = 0;
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<TokenizedText> batch = new ArrayList<>();
            for (String text : texts.subList(start, Math.min(texts.size(), start + batchSize))) {
                batch.add(tokenizer.tokenize(text));
            }
            batch.sort(Comparator.comparingInt(TokenizedText::length));
            checksum += runBatch(batch);
        }
        return checksum;
    }

    private double runBatch(List<TokenizedText> batch) throws OrtException {
        int rows = batch.size();
        int len = batch.get(rows - 1).length();
        long[] ids = new long[rows * len];
        long[] mask = new long[rows * len];
        long[] types = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            TokenizedText t = batch.get(r);
            System.arraycopy(t.ids(), 0, ids, r * len, t.length());
            System.arraycopy(t.typeIds(), 0, types, r * len, t.length());
            for (int i = 0; i < t.length(); i++) {
                mask[r * len + i] = 1;
            }
        }
        long[] shape = {rows, len};
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(
                        Map.of("input_ids", idsT, "attention_mask", maskT, "token_type_ids", typesT))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            int dim = hidden.capacity() / (rows * len);
            double checksum = 0;
            for (int r = 0; r < rows; r++) {
                float[] sum = new float[dim];
                int n = batch.get(r).length();
                for (int t = 0; t < n; t++) {
                    int offset = (r * len + t) * dim;
                    for (int d = 0; d < dim; d++) {
                        sum[d] += hidden.get(offset + d);
                    }
                }
                double norm = 0;
                for (float v : sum) {
                    norm += (double) v * v;
                }
                checksum += sum[0] / Math.sqrt(norm);
            }
            return checksum;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
        tokenizer.close();
    }
}
