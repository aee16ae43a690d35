package io.streamrec.bench.encoder;

import io.streamrec.local.HelpOption;
import io.streamrec.text.ExecutionProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@link EncoderBenchmark} measures; from its command line, {@link CommandLine}. */
record BenchArgs(Path out, boolean quick, ExecutionProvider provider, int deviceId, List<String> models,
        List<Integer> threads, List<String> texts, List<Integer> batches, double secondsPerRep, int reps) {

    /** The options of {@code scripts/bench.sh encoder}; running it runs the benchmark. */
    @Command(name = "bench.sh encoder", showDefaultValues = true, sortOptions = false,
            description = "Text encoder throughput: the operator path (async function + micro-batcher) against a "
                    + "bare ONNX Runtime loop over the same batches. Writes DIR/encoder.json.")
    static final class CommandLine implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Option(names = "--out", paramLabel = "DIR", description = "Where encoder.json goes.")
        Path out = Path.of("target", "bench");

        @Option(names = "--quick", description = "Threads 2 only, batches 1 and 32, 3 repeats.")
        boolean quick;

        @Option(names = "--provider", paramLabel = "cpu|cuda", description = "ONNX Runtime execution provider.")
        ExecutionProvider provider = ExecutionProvider.CPU;

        @Option(names = "--device-id", paramLabel = "N", description = "CUDA device.")
        int deviceId = 0;

        @Option(names = "--models", paramLabel = "MODEL", split = ",", defaultValue = "fp32,int8",
                description = "Models: fp32, int8 or a model folder's name.")
        List<String> models;

        @Option(names = "--threads", paramLabel = "N", split = ",", showDefaultValue = Visibility.NEVER,
                description = "Intra-op threads (default 1,2; quick 2).")
        List<Integer> threads;

        @Option(names = "--texts", paramLabel = "KIND", split = ",", defaultValue = "short,medium",
                description = "Text lengths: short, medium.")
        List<String> texts;

        @Option(names = "--batches", paramLabel = "N", split = ",", showDefaultValue = Visibility.NEVER,
                description = "Batch sizes (default 1,8,32,128; quick 1,32).")
        List<Integer> batches;

        @Option(names = "--seconds", paramLabel = "S", description = "Length of each measured repeat.")
        double seconds = 0.8;

        @Option(names = "--reps", paramLabel = "N", showDefaultValue = Visibility.NEVER,
                description = "Repeats (default 4; quick 3).")
        Integer reps;

        BenchArgs toArgs() {
            return new BenchArgs(out, quick, provider, deviceId, List.copyOf(models),
                    threads != null ? List.copyOf(threads) : quick ? List.of(2) : List.of(1, 2), List.copyOf(texts),
                    batches != null ? List.copyOf(batches) : quick ? List.of(1, 32) : List.of(1, 8, 32, 128),
                    seconds, reps != null ? reps : quick ? 3 : 4);
        }

        @Override
        public Integer call() throws Exception {
            long started = System.nanoTime();
            new EncoderBenchmark(toArgs()).runAll();
            System.out.printf("%nDone in %.0f s%n", (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
