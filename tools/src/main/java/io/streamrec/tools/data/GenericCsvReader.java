package io.streamrec.tools.data;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the generic pair of CSV files (RFC 4180, UTF-8, header line, columns in any order):
 *
 * <ul>
 *   <li>{@code events.csv}: {@code user_id,item_id,event_type,timestamp[,text][,rating]}; event_type is one
 *       of view, click, purchase, search, review; timestamp in epoch seconds; item_id required except for
 *       search; text required for search and review; rating optional (1-5). Event ids are
 *       {@code ev-<line>}, the line of events.csv the event was read from.</li>
 *   <li>{@code items.csv}: {@code item_id,title[,description][,category][,created_at]}; category may list
 *       several separated by '|'; created_at (epoch seconds) is when the item enters the catalogue and
 *       becomes its {@code updated_at}; without it the item is there from the first event on. A repeated
 *       item_id is a newer version of the item.</li>
 * </ul>
 */
public final class GenericCsvReader {
    private static final List<String> EVENT_COLUMNS = List.of("user_id", "item_id", "event_type", "timestamp");
    private static final List<String> ITEM_COLUMNS = List.of("item_id", "title");

    private GenericCsvReader() {}

    public static boolean recognises(Path dir) {
        return Files.isRegularFile(dir.resolve("events.csv"));
    }

    public static Dataset read(Path dir) throws IOException {
        Path itemsFile = dir.resolve("items.csv");
        if (!Files.isRegularFile(itemsFile)) {
            throw new IOException("found " + dir.resolve("events.csv") + " but no items.csv next to it; the generic "
                    + "format needs both (items.csv header: item_id,title,description,category,created_at)");
        }
        EventLog events = new EventLog();
        CsvFile.readWithHeader(dir.resolve("events.csv"), EVENT_COLUMNS, row -> {
            String user = row.required("user_id");
            EventType type = eventType(row);
            String item = row.text("item_id");
            String text = row.text("text");
            if (item.isEmpty() && type != EventType.SEARCH) {
                throw row.error("item_id is empty, but a " + type.name().toLowerCase(Locale.ROOT) + " names an item");
            }
            if (text.isEmpty() && (type == EventType.SEARCH || type == EventType.REVIEW)) {
                throw row.error("text is empty, but a " + type.name().toLowerCase(Locale.ROOT) + " needs one");
            }
            long seconds = row.wholeNumber("timestamp", row.required("timestamp"));
            String rating = row.text("rating");
            events.add("ev-" + row.line(), user, type, item.isEmpty() ? null : item, seconds * 1000,
                    text.isEmpty() ? null : text, rating.isEmpty() ? null : row.number("rating", rating));
        });
        events.sortByTime();
        long start = events.firstTime(0);
        List<Item> items = new ArrayList<>();
        CsvFile.readWithHeader(itemsFile, ITEM_COLUMNS, row -> {
            String created = row.text("created_at");
            long createdMillis = created.isEmpty() ? start : row.wholeNumber("created_at", created) * 1000;
            String description = row.text("description");
            String category = row.text("category");
            items.add(Item.newBuilder()
                    .setItemId(row.required("item_id"))
                    .setTitle(row.required("title"))
                    .setDescription(description.isEmpty() ? null : description)
                    .setCategories(category.isEmpty() ? List.of()
                            : List.of(category.split("\\|")).stream().map(String::trim).filter(c -> !c.isEmpty())
                                    .toList())
                    .setPrice(null)
                    .setImageVector(null)
                    .setUpdatedAt(Instant.ofEpochMilli(createdMillis))
                    .build());
        });
        return new FileDataset("generic-csv " + dir, items, events);
    }

    private static EventType eventType(CsvFile.Row row) throws MalformedDatasetException {
        String value = row.required("event_type");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "view" -> EventType.VIEW;
            case "click" -> EventType.CLICK;
            case "purchase" -> EventType.PURCHASE;
            case "search" -> EventType.SEARCH;
            case "review" -> EventType.REVIEW;
            default -> throw row.error("event_type '" + value + "' is not one of view, click, purchase, search, review");
        };
    }
}
