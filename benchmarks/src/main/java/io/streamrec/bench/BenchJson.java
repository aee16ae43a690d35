package io.streamrec.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' JSON files (bench.json, ranking.json, sentiment.json, encoder.json) through Jackson: maps keep
 * their insertion order, objects one entry a line as {@code "key": value}, lists on one line, and a figure that
 * could not be measured (NaN, infinite) is {@code null}.
 */
public final class BenchJson {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(Float.class, new FiniteFloat()))
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private BenchJson() {}

    /** {@code value} as pretty JSON, with a final newline. */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** Writes {@code value} to {@code file} as pretty JSON. */
    public static void write(Path file, Object value) {
        try {
            Files.writeString(file, write(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A JSON object with the given names and values, in that order: {@code object("p50", 3, "max", 12)}. */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** {@code value} rounded to {@code decimals} places, as the files show their figures. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Double.isFinite(value) ? Math.round(value * scale) / scale : value;
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class FiniteFloat extends StdSerializer<Float> {
        FiniteFloat() {
            super(Float.class);
        }

        @Override
        public void serialize(Float value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Float.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }
}
