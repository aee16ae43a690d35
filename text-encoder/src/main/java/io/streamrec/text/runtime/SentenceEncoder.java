package io.streamrec.text.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamrec.text.ExecutionProvider;
import io.streamrec.text.model.ModelFiles;
import io.streamrec.text.model.ModelManifest;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tokenizer plus ONNX Runtime session of one model: texts in, mean-pooled (normalised) float32 vectors out.
 * Thread-safe (ONNX Runtime sessions are); the registry shares one per JVM.
 */
public final class SentenceEncoder implements AutoCloseable {

    private final ModelFiles files;
    private final ModelManifest manifest;
    private final TextTokenizer tokenizer;
    private final OrtSession session;
    private final ExecutionProvider provider;
    private final Set<String> inputNames;

    private SentenceEncoder(ModelFiles files, TextTokenizer tokenizer, SessionFactory.OpenedSession opened)
            throws OrtException {
        this.files = files;
        this.tokenizer = tokenizer;
        this.session = opened.session();
        this.provider = opened.provider();
        this.inputNames = session.getInputNames();
        this.manifest = files.manifest().withDimension(outputDimension(files.manifest()));
    }

    public static SentenceEncoder open(ModelFiles files, SessionSpec spec) {
        TextTokenizer tokenizer = new TextTokenizer(files.tokenizer(), files.manifest().maxSequenceLength());
        try {
            return new SentenceEncoder(files, tokenizer, SessionFactory.open(files.model(), spec));
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            if (e instanceof EncoderUnavailableException unavailable) {
                throw unavailable;
            }
            throw new EncoderUnavailableException("Cannot open model " + files.model() + ": " + e.getMessage(), e);
        }
    }

    public TokenizedText tokenize(String text) {
        return tokenizer.tokenize(text);
    }

    /** Encodes texts in batches of at most {@code batchSize}, sorted by length; results in input order. */
    public float[][] encodeTexts(List<String> texts, int batchSize) throws OrtException {
        List<TokenizedText> tokens = texts.stream().map(this::tokenize).toList();
        Integer[] order = new Integer[tokens.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).length()));
        float[][] out = new float[tokens.size()][];
        for (int start = 0; start < order.length; start += batchSize) {
            List<TokenizedText> batch = new ArrayList<>();
            int end = Math.min(order.length, start + batchSize);
            for (int i = start; i < end; i++) {
                batch.add(tokens.get(order[i]));
            }
            float[][] vectors = encode(batch);
            for (int i = start; i < end; i++) {
                out[order[i]] = vectors[i - start];
            }
        }
        return out;
    }

    /** One model run over the batch, padded to its longest text; results in batch order. */
    public float[][] encode(List<TokenizedText> batch) throws OrtException {
        int rows = batch.size();
        int seqLen = batch.stream().mapToInt(TokenizedText::length).max().orElse(0);
        long[] ids = new long[rows * seqLen];
        long[] mask = new long[rows * seqLen];
        long[] types = new long[rows * seqLen];
        int[] lengths = new int[rows];
        for (int r = 0; r < rows; r++) {
            TokenizedText text = batch.get(r);
            lengths[r] = text.length();
            System.arraycopy(text.ids(), 0, ids, r * seqLen, text.length());
            System.arraycopy(text.typeIds(), 0, types, r * seqLen, text.length());
            Arrays.fill(mask, r * seqLen, r * seqLen + text.length(), 1L);
        }
        long[] shape = {rows, seqLen};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            putInput(inputs, env, "input_ids", ids, shape);
            putInput(inputs, env, "attention_mask", mask, shape);
            putInput(inputs, env, "token_type_ids", types, shape);
            try (OrtSession.Result result = session.run(inputs, Set.of(manifest.output()))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                return MeanPooling.pool(hidden.getFloatBuffer(), lengths, seqLen, manifest.dimension(),
                        manifest.normalize());
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private void putInput(Map<String, OnnxTensor> inputs, OrtEnvironment env, String name, long[] data,
            long[] shape) throws OrtException {
        if (inputNames.contains(name)) {
            inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
        }
    }

    private int outputDimension(ModelManifest declared) throws OrtException {
        NodeInfo output = session.getOutputInfo().get(declared.output());
        if (output == null || !(output.getInfo() instanceof TensorInfo tensor) || tensor.getShape().length != 3) {
            throw new EncoderUnavailableException("Model " + files.model() + " has no [batch, sequence, dim]"
                    + " output named '" + declared.output() + "'; outputs: " + session.getOutputNames(), null);
        }
        long dim = tensor.getShape()[2];
        if (dim <= 0) {
            dim = declared.dimension();
        }
        if (declared.dimension() > 0 && dim != declared.dimension()) {
            throw new EncoderUnavailableException("Model " + files.model() + " outputs " + dim
                    + " dimensions but its manifest says " + declared.dimension(), null);
        }
        if (dim <= 0) {
            throw new EncoderUnavailableException("Cannot tell the output dimension of " + files.model()
                    + "; add a manifest.json with \"dimension\"", null);
        }
        return (int) dim;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public ModelFiles files() {
        return files;
    }

    public ExecutionProvider provider() {
        return provider;
    }

    public int dimension() {
        return manifest.dimension();
    }

    @Override
    public void close() throws OrtException {
        try {
            session.close();
        } finally {
            tokenizer.close();
        }
    }
}
