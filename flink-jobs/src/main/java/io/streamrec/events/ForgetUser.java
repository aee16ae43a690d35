package io.streamrec.events;

/** A valid request to forget a user, as it travels to the user's keyed state (a Flink POJO). */
public class ForgetUser {
    public String requestId;
    public String userId;
    public long requestedAt;

    public ForgetUser() {}

    public ForgetUser(String requestId, String userId, long requestedAt) {
        this.requestId = requestId;
        this.userId = userId;
        this.requestedAt = requestedAt;
    }
}
