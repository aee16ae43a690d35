package io.streamrec.job;

import java.time.Duration;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

/** The time-to-live of per-user state: dropped after {@code user.ttl} without a write, never served expired. */
public final class UserStateTtl {
    private UserStateTtl() {}

    /** Enables the TTL on {@code descriptor}; a non-positive TTL keeps users forever. */
    public static <D extends StateDescriptor<?, ?>> D applyTo(D descriptor, long ttlMillis) {
        if (ttlMillis > 0) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        return descriptor;
    }
}
