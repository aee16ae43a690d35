package io.streamrec.bench.encoder;

import io.streamrec.text.ExecutionProvider;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Command line of {@link EncoderBenchmark}. */
record BenchArgs(Path out, boolean quick, ExecutionProvider provider, int deviceId, List<String> models,
        List<Integer> threads, List<String> texts, List<Integer> batches, double secondsPerRep, int reps) {

    static final String USAGE = "EncoderBenchmark [--out DIR] [--quick] [--provider cpu|cuda] [--device-id N]"
            + " [--models fp32,int8] [--threads 1,2] [--texts short,medium] [--batches 1,8,32,128]"
            + " [--seconds S] [--reps N]";

    static BenchArgs parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path out = Path.of("target", "bench");
        ExecutionProvider provider = ExecutionProvider.CPU;
        int deviceId = 0;
        List<String> models = List.of("fp32", "int8");
        List<Integer> threads = quick ? List.of(2) : List.of(1, 2);
        List<String> texts = List.of("short", "medium");
        List<Integer> batches = quick ? List.of(1, 32) : List.of(1, 8, 32, 128);
        double seconds = 0.8;
        int reps = quick ? 3 : 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--out" -> out = Path.of(value(args, ++i));
                case "--provider" -> provider = ExecutionProvider.valueOf(value(args, ++i).toUpperCase());
                case "--device-id" -> deviceId = Integer.parseInt(value(args, ++i));
                case "--models" -> models = List.of(value(args, ++i).split(","));
                case "--threads" -> threads = ints(value(args, ++i));
                case "--texts" -> texts = List.of(value(args, ++i).split(","));
                case "--batches" -> batches = ints(value(args, ++i));
                case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                case "--reps" -> reps = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchArgs(out, quick, provider, deviceId, models, threads, texts, batches, seconds, reps);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
