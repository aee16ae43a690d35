package io.streamrec.state;

import java.util.List;

/**
 * Per-subtask state kept in checkpoints beside the keyed and broadcast state (item statistics, gradients
 * not yet published), as opaque shares.
 */
public interface SubtaskState {
    /** The state's name in checkpoints and savepoints. */
    String name();

    /** True when every subtask gets every share back on restore (so shares can be redistributed on rescaling). */
    boolean union();

    byte[] snapshot();

    /** Called once on restore, with the shares this subtask gets. */
    void restore(List<byte[]> shares);
}
