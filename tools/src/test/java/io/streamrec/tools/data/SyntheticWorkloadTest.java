package io.streamrec.tools.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticWorkloadTest {
    private static final SyntheticWorkload WORKLOAD = new SyntheticWorkload(42);
    private static final List<UserEvent> EVENTS = WORKLOAD.events(20_000);

    @Test
    void defaultsAreTwoThousandItemsFiveHundredUsersTenCategories() {
        assertThat(WORKLOAD.items()).hasSize(2000);
        assertThat(WORKLOAD.users()).hasSize(500);
        assertThat(WORKLOAD.items().stream().map(CatalogueGenerator::categoryOf).distinct()).hasSize(10);
        assertThat(WORKLOAD.items()).allSatisfy(item -> {
            assertThat(item.getPrice()).isPositive();
            assertThat(item.getUpdatedAt()).isBefore(SyntheticWorkload.DEFAULT_START);
        });
        assertThat(WORKLOAD.items().stream().map(Item::getItemId).distinct()).hasSize(2000);
    }

    @Test
    void sameSeedSameWorkloadOtherSeedOtherWorkload() {
        SyntheticWorkload again = new SyntheticWorkload(42);
        assertThat(again.items()).isEqualTo(WORKLOAD.items());
        assertThat(again.likedCategories()).isEqualTo(WORKLOAD.likedCategories());
        assertThat(again.events(2000)).isEqualTo(EVENTS.subList(0, 2000));

        SyntheticWorkload other = new SyntheticWorkload(43);
        assertThat(other.items()).isNotEqualTo(WORKLOAD.items());
        assertThat(other.events(200)).isNotEqualTo(EVENTS.subList(0, 200));
    }

    @Test
    void itemTextUsesOnlyItsOwnCategorysNouns() {
        for (Item item : WORKLOAD.items()) {
            Category own = Categories.byName(CatalogueGenerator.categoryOf(item)).orElseThrow();
            String text = item.getTitle() + " " + item.getDescription();
            assertThat(countNouns(own, text)).as(text).isPositive();
            for (Category other : Categories.ALL) {
                if (other != own) {
                    assertThat(countNouns(other, text)).as(other.name() + " in: " + text).isZero();
                }
            }
        }
    }

    @Test
    void viewsDominateThenClicksThenPurchasesAndFiveToTenPercentText() {
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        EVENTS.forEach(e -> counts.merge(e.getType(), 1, Integer::sum));
        int views = counts.get(EventType.VIEW);
        int clicks = counts.get(EventType.CLICK);
        int purchases = counts.get(EventType.PURCHASE);
        double text = (counts.get(EventType.SEARCH) + counts.get(EventType.REVIEW)) / (double) EVENTS.size();
        assertThat(views).isGreaterThan(3 * clicks);
        assertThat(clicks).isGreaterThan(purchases);
        assertThat(purchases).isPositive();
        assertThat(text).isBetween(0.05, 0.10);
        assertThat(counts).doesNotContainKey(EventType.UNKNOWN);
    }

    @Test
    void idsAreUniqueTimesStrictlyIncreaseFromTheFixedStart() {
        assertThat(EVENTS.stream().map(UserEvent::getEventId).distinct()).hasSize(EVENTS.size());
        assertThat(EVENTS.get(0).getEventTime()).isAfter(SyntheticWorkload.DEFAULT_START)
                .isBefore(SyntheticWorkload.DEFAULT_START.plusSeconds(60));
        for (int i = 1; i < EVENTS.size(); i++) {
            assertThat(EVENTS.get(i).getEventTime()).isAfter(EVENTS.get(i - 1).getEventTime());
        }
        // Realistic pace: a mean gap of about 1.5 s.
        double meanGapMillis = (EVENTS.get(EVENTS.size() - 1).getEventTime().toEpochMilli()
                - EVENTS.get(0).getEventTime().toEpochMilli()) / (double) (EVENTS.size() - 1);
        assertThat(meanGapMillis).isBetween(1200.0, 1800.0);
    }

    @Test
    void eventsCarryWhatTheirTypeNeedsAndContextOnlySometimes() {
        Set<String> itemIds = new HashSet<>();
        WORKLOAD.items().forEach(i -> itemIds.add(i.getItemId()));
        long withContext = 0;
        for (UserEvent e : EVENTS) {
            switch (e.getType()) {
                case SEARCH -> assertThat(e.getItemId()).isNull();
                case REVIEW -> {
                    assertThat(e.getText()).isNotBlank();
                    assertThat(e.getRating()).isBetween(1f, 5f);
                    assertThat(itemIds).contains(e.getItemId());
                }
                default -> {
                    assertThat(itemIds).contains(e.getItemId());
                    assertThat(e.getText()).isNull();
                }
            }
            if (e.getContext() != null) {
                withContext++;
                assertThat(e.getContext().getSessionId()).startsWith("s-" + e.getUserId() + "-");
            }
        }
        assertThat(withContext / (double) EVENTS.size()).isBetween(0.4, 0.8);
    }

    @Test
    void plantedTastesDominateEachUsersItemEvents() {
        Map<String, Item> items = new HashMap<>();
        WORKLOAD.items().forEach(i -> items.put(i.getItemId(), i));
        Map<String, List<String>> tastes = WORKLOAD.likedCategories();
        assertThat(tastes.values()).allSatisfy(liked -> assertThat(liked).hasSizeBetween(1, 3).doesNotHaveDuplicates());
        Map<String, int[]> likedAndTotal = new HashMap<>();
        for (UserEvent e : EVENTS) {
            if (e.getItemId() != null && e.getType() != EventType.REVIEW) {
                boolean liked = tastes.get(e.getUserId()).contains(CatalogueGenerator.categoryOf(items.get(e.getItemId())));
                int[] counts = likedAndTotal.computeIfAbsent(e.getUserId(), u -> new int[2]);
                counts[0] += liked ? 1 : 0;
                counts[1]++;
            }
        }
        int liked = 0;
        int total = 0;
        double lowest = 1;
        for (int[] counts : likedAndTotal.values()) {
            liked += counts[0];
            total += counts[1];
            if (counts[1] >= 30) {
                lowest = Math.min(lowest, counts[0] / (double) counts[1]);
            }
        }
        assertThat(lowest).as("lowest share of a user with 30+ item events").isGreaterThan(0.5);
        assertThat(liked / (double) total).isGreaterThan(0.8);
    }

    @Test
    void searchesUseALikedCategoryAndReviewsFollowTheTaste() {
        Map<String, Item> items = new HashMap<>();
        WORKLOAD.items().forEach(i -> items.put(i.getItemId(), i));
        Map<String, List<String>> tastes = WORKLOAD.likedCategories();
        int positive = 0;
        int negative = 0;
        for (UserEvent e : EVENTS) {
            List<String> liked = tastes.get(e.getUserId());
            if (e.getType() == EventType.SEARCH) {
                assertThat(liked.stream().map(n -> Categories.byName(n).orElseThrow())
                        .anyMatch(c -> countWords(c, e.getText()) > 0)).as(e.getText()).isTrue();
            } else if (e.getType() == EventType.REVIEW) {
                boolean likes = liked.contains(CatalogueGenerator.categoryOf(items.get(e.getItemId())));
                if (likes) {
                    assertThat(e.getRating()).isGreaterThanOrEqualTo(4f);
                    assertThat(e.getText()).containsAnyOf("Love", "Excellent", "Fantastic", "happy");
                    positive++;
                } else {
                    assertThat(e.getRating()).isLessThanOrEqualTo(2f);
                    assertThat(e.getText()).containsAnyOf("Disappointed", "Poor", "Returned", "Terrible");
                    negative++;
                }
            }
        }
        assertThat(positive).isGreaterThan(negative);
        assertThat(negative).isPositive();
    }

    @Test
    void asDatasetYieldsExactlyTheFirstEvents() {
        Dataset dataset = new SyntheticWorkload(5, 50, 20, Instant.parse("2020-01-01T00:00:00Z")).asDataset(30);
        assertThat(dataset.eventCount()).isEqualTo(30);
        List<UserEvent> events = new java.util.ArrayList<>();
        dataset.events().forEachRemaining(events::add);
        assertThat(events).isEqualTo(new SyntheticWorkload(5, 50, 20, Instant.parse("2020-01-01T00:00:00Z")).events(30));
        assertThat(dataset.items()).hasSize(50).isSortedAccordingTo(java.util.Comparator.comparing(Item::getUpdatedAt));
    }

    private static long countNouns(Category category, String text) {
        return category.nouns().stream().filter(n -> containsWord(text, n)).count();
    }

    private static long countWords(Category category, String text) {
        return java.util.stream.Stream.of(category.nouns(), category.adjectives(), category.brands())
                .flatMap(List::stream).filter(w -> containsWord(text, w)).count();
    }

    private static boolean containsWord(String text, String phrase) {
        return Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(phrase) + "(?![\\w-])").matcher(text).find();
    }
}
