package io.streamrec.events;

import io.streamrec.schemas.UndecodableRecordException;

/** Maps decoding failures to rejections. */
final class Rejections {
    private Rejections() {}

    static Rejection fromDecodeFailure(UndecodableRecordException e) {
        String code = e.reason() == UndecodableRecordException.Reason.UNKNOWN_SCHEMA
                ? Rejection.UNKNOWN_SCHEMA
                : Rejection.UNDECODABLE;
        return Rejection.of(code, e.getMessage());
    }
}
