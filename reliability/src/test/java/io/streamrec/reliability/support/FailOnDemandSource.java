package io.streamrec.reliability.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The job's own source, wrapped so that a test can fail one task without killing its TaskManager: the
 * first reader that finds the trigger file deletes it and throws. The TaskManagers run on this machine,
 * so a file is the simplest channel from the test into a running task. Everything else is delegated, so
 * state and offsets are the real source's.
 */
public final class FailOnDemandSource<T, S extends SourceSplit, E> implements Source<T, S, E>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;
    private final Source<T, S, E> delegate;
    private final String trigger;

    /** Wraps {@code delegate}; a static factory so that wildcard-typed sources can be passed. */
    public static <T, S extends SourceSplit, E> FailOnDemandSource<T, S, E> wrap(Source<T, S, E> delegate, Path trigger) {
        return new FailOnDemandSource<>(delegate, trigger);
    }

    public FailOnDemandSource(Source<T, S, E> delegate, Path trigger) {
        this.delegate = delegate;
        this.trigger = trigger.toString();
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
        return delegate.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint) throws Exception {
        return delegate.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<S> getSplitSerializer() {
        return delegate.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
        return delegate.getEnumeratorCheckpointSerializer();
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        return ((ResultTypeQueryable<T>) delegate).getProducedType();
    }

    @Override
    public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
        SourceReader<T, S> reader = delegate.createReader(context);
        Path file = Path.of(trigger);
        return new SourceReader<>() {
            @Override
            public void start() {
                reader.start();
            }

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
                if (Files.deleteIfExists(file)) {
                    throw new IllegalStateException("failure injected by the test (" + file + ")");
                }
                return reader.pollNext(output);
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                return reader.isAvailable();
            }

            @Override
            public void addSplits(List<S> splits) {
                reader.addSplits(splits);
            }

            @Override
            public void notifyNoMoreSplits() {
                reader.notifyNoMoreSplits();
            }

            @Override
            public void handleSourceEvents(SourceEvent event) {
                reader.handleSourceEvents(event);
            }

            @Override
            public List<S> snapshotState(long checkpointId) {
                return reader.snapshotState(checkpointId);
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) throws Exception {
                reader.notifyCheckpointComplete(checkpointId);
            }

            @Override
            public void notifyCheckpointAborted(long checkpointId) throws Exception {
                reader.notifyCheckpointAborted(checkpointId);
            }

            @Override
            public void pauseOrResumeSplits(java.util.Collection<String> pause, java.util.Collection<String> resume) {
                reader.pauseOrResumeSplits(pause, resume);
            }

            @Override
            public void close() throws Exception {
                reader.close();
            }
        };
    }
}
