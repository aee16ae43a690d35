package io.streamrec.eval.report;

import java.time.Instant;

/**
 * Where a report comes from, for the reader to reproduce it.
 *
 * @param datasetPath the folder replayed
 * @param commit the project's commit (short hash), or "unknown"
 * @param command the command line as run
 * @param finishedAt when the replay finished
 * @param limit the event limit (0: none)
 */
public record RunInfo(String datasetPath, String commit, String command, Instant finishedAt, long limit) {}
