package io.streamrec.text;

/** Where ONNX Runtime runs the model. */
public enum ExecutionProvider {
    /** The CPU execution provider (always available). */
    CPU,
    /** NVIDIA GPUs through the CUDA execution provider (needs the onnxruntime_gpu jar and CUDA 12 libraries). */
    CUDA
}
