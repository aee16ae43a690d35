package io.streamrec.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding (2-byte marker, 8-byte schema fingerprint, body) for one record class.
 *
 * <p>The decoder knows the current schema and every earlier version listed under {@code
 * io/streamrec/avro/history/}, so a newer reader resolves records of older writers. An unknown
 * fingerprint is reported as {@link UndecodableRecordException.Reason#UNKNOWN_SCHEMA} with the
 * fingerprint in the message. Instances are serializable (for Flink functions) and thread-safe.
 */
public final class AvroCodec<T extends SpecificRecordBase> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String HISTORY = "/io/streamrec/avro/history/";

    /** Per-thread output buffer of {@link #encode}; one that grew past {@link EncodeBuffer#KEEP} is dropped. */
    private static final ThreadLocal<EncodeBuffer> ENCODE_BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);

    private final Class<T> type;
    private transient BinaryMessageEncoder<T> encoder;
    private transient BinaryMessageDecoder<T> decoder;

    private AvroCodec(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
        return new AvroCodec<>(type);
    }

    public Class<T> type() {
        return type;
    }

    public Schema schema() {
        return SpecificData.get().getSchema(type);
    }

    /** Single-object encoded bytes of {@code record}. */
    public byte[] encode(T record) {
        // Straight into a per-thread buffer and copied out once (the ByteBuffer API copies twice and
        // grows a fresh buffer per record; this runs once per output record).
        EncodeBuffer out = ENCODE_BUFFERS.get();
        out.reset();
        try {
            encoder().encode(record, out);
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes single-object encoded bytes, resolving older writer schemas to the current one. */
    public T decode(byte[] bytes) throws UndecodableRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.EMPTY, "empty record value", null);
        }
        try {
            return decoder().decode(bytes);
        } catch (MissingSchemaException e) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.UNKNOWN_SCHEMA,
                    "unknown schema fingerprint " + fingerprintHex(bytes) + " for "
                            + type.getSimpleName() + " (not the current schema nor a known earlier version)",
                    e);
        } catch (BadHeaderException e) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.BAD_HEADER,
                    "not Avro single-object encoding: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.MALFORMED,
                    "corrupt or truncated " + type.getSimpleName() + " body: " + e, e);
        }
    }

    /** The 64-bit CRC fingerprint that single-object headers carry for the current schema. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema());
    }

    /** A growable byte sink without ByteArrayOutputStream's locking (used by one thread at a time). */
    private static final class EncodeBuffer extends OutputStream {
        static final int KEEP = 1 << 20;
        private byte[] buf = new byte[4096];
        private int count;

        void reset() {
            if (buf.length > KEEP) {
                buf = new byte[4096];
            }
            count = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }

    private BinaryMessageEncoder<T> encoder() {
        if (encoder == null) {
            encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema());
        }
        return encoder;
    }

    private BinaryMessageDecoder<T> decoder() {
        if (decoder == null) {
            SchemaStore.Cache store = new SchemaStore.Cache();
            for (Schema old : historicSchemas(schema().getFullName())) {
                store.addSchema(old);
            }
            decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema(), store);
        }
        return decoder;
    }

    /** Earlier versions of the schema named {@code fullName}, from the history resources. */
    static List<Schema> historicSchemas(String fullName) {
        List<Schema> result = new ArrayList<>();
        for (String file : historyIndex()) {
            try (InputStream in = AvroCodec.class.getResourceAsStream(HISTORY + file)) {
                if (in == null) {
                    throw new IllegalStateException("schema history lists missing file " + file);
                }
                Schema schema = new Schema.Parser().parse(in);
                if (schema.getFullName().equals(fullName)) {
                    result.add(schema);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read schema history file " + file, e);
            }
        }
        return result;
    }

    private static List<String> historyIndex() {
        List<String> files = new ArrayList<>();
        try (InputStream in = AvroCodec.class.getResourceAsStream(HISTORY + "index.txt")) {
            if (in == null) {
                return files;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    files.add(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema history index", e);
        }
        return files;
    }

    private static String fingerprintHex(byte[] bytes) {
        if (bytes.length < 10) {
            return "(header truncated)";
        }
        // Single-object fingerprints are little-endian after the 2-byte marker.
        long fp = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return String.format("0x%016x", fp);
    }
}
