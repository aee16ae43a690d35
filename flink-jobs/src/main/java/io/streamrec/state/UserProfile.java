package io.streamrec.state;

/**
 * Everything the model knows of one user, one compact value in RocksDB: the bounded history, the
 * long-term interest, session and search-intent vectors, what the user's own reviews say, category and
 * time-of-day affinities, and the serving gate's list beside the last one served (for labelling feedback).
 */
public class UserProfile {
    /** Day parts (night, morning, afternoon, evening) times weekday/weekend. */
    public static final int TIME_SLOTS = 8;
    public static final int MAX_CATEGORIES = 32;

    public UserHistory history = new UserHistory();
    public float[] interest;
    public long interestAt;
    public float[] session;
    public long sessionAt;
    public float[] intent;
    public long intentAt;
    /** Sum of reviewed items' vectors weighted by the review's sentiment (-1..1). */
    public float[] sentiment;
    public float[] image;
    public String[] categories = new String[0];
    /** Per category, weights per time slot: categories.length x TIME_SLOTS. */
    public float[] categorySlots = new float[0];
    public String likedItem;
    /**
     * The list the other weights made when the last list ({@link UserHistory#servedItems}) was served (the
     * serving gate's shadow); empty without a gate.
     */
    public String[] shadowItems = new String[0];
    /**
     * For a user in the shadow baseline's sample: the top of the model's and of the baseline's list at the
     * last recommendation (one of them served); empty otherwise.
     */
    public String[] modelList = new String[0];
    public String[] baselineList = new String[0];
    /** Whether the last served list came from the learned weights (and the shadow from the prior ones). */
    public boolean shownLearned = true;

    public UserProfile() {}

    /** Time slot of an event: day part and weekday/weekend, from epoch millis (UTC). */
    public static int timeSlot(long time) {
        long hour = Math.floorMod(time / 3_600_000L, 24L);
        long day = Math.floorMod(time / 86_400_000L + 3, 7L); // 0 = Monday
        int part = (int) (hour / 6);
        return part + (day >= 5 ? 4 : 0);
    }

    /** Adds {@code weight} to {@code category} in time slot {@code slot}. */
    public void addCategory(String category, int slot, float weight) {
        if (category == null) {
            return;
        }
        int index = indexOf(category);
        if (index < 0) {
            if (categories.length >= MAX_CATEGORIES) {
                index = weakestCategory();
                java.util.Arrays.fill(categorySlots, index * TIME_SLOTS, (index + 1) * TIME_SLOTS, 0f);
                categories[index] = category;
            } else {
                index = categories.length;
                categories = java.util.Arrays.copyOf(categories, index + 1);
                categories[index] = category;
                categorySlots = java.util.Arrays.copyOf(categorySlots, (index + 1) * TIME_SLOTS);
            }
        }
        categorySlots[index * TIME_SLOTS + slot] += weight;
    }

    /** Share of the user's weight that falls on {@code category} (any time). */
    public float categoryShare(String category) {
        int index = category == null ? -1 : indexOf(category);
        if (index < 0) {
            return 0f;
        }
        float mine = 0f;
        float total = 0f;
        for (int i = 0; i < categorySlots.length; i++) {
            total += categorySlots[i];
            if (i / TIME_SLOTS == index) {
                mine += categorySlots[i];
            }
        }
        return total == 0f ? 0f : mine / total;
    }

    /** Share of the user's weight in time slot {@code slot} that falls on {@code category}. */
    public float categoryShareInSlot(String category, int slot) {
        int index = category == null ? -1 : indexOf(category);
        if (index < 0) {
            return 0f;
        }
        float total = 0f;
        for (int c = 0; c < categories.length; c++) {
            total += categorySlots[c * TIME_SLOTS + slot];
        }
        return total == 0f ? 0f : categorySlots[index * TIME_SLOTS + slot] / total;
    }

    private int indexOf(String category) {
        for (int i = 0; i < categories.length; i++) {
            if (categories[i].equals(category)) {
                return i;
            }
        }
        return -1;
    }

    private int weakestCategory() {
        int weakest = 0;
        float min = Float.MAX_VALUE;
        for (int c = 0; c < categories.length; c++) {
            float sum = 0f;
            for (int s = 0; s < TIME_SLOTS; s++) {
                sum += categorySlots[c * TIME_SLOTS + s];
            }
            if (sum < min) {
                min = sum;
                weakest = c;
            }
        }
        return weakest;
    }
}
