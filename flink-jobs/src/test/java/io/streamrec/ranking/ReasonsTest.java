package io.streamrec.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    private static ItemVector item(String id, String title, float... text) {
        ItemVector v = new ItemVector();
        v.itemId = id;
        v.title = title;
        v.category = "Kitchen";
        v.text = text;
        return v;
    }

    @Test
    void aReasonNeverCitesTheItemItselfNorAnItemOfTheSameTitle() {
        ItemVector board = item("board-1", "Saltspoon nonstick cutting board", 1f, 0f);
        ItemVector twin = item("board-2", "Saltspoon nonstick cutting board", 1f, 0f); // same title, other id
        ItemVector knife = item("knife", "Copperleaf chef knife", 0.8f, 0.6f);
        Map<String, ItemVector> items = Map.of(board.itemId, board, twin.itemId, twin, knife.itemId, knife);
        UserProfile profile = new UserProfile();
        profile.history.add("knife", EventType.PURCHASE, 1L, 50);
        profile.history.add("board-2", EventType.VIEW, 2L, 50);
        profile.history.add("board-1", EventType.VIEW, 3L, 50);

        for (Feature driver : new Feature[] {Feature.INTEREST, Feature.CO_OCCURRENCE, Feature.IMAGE}) {
            String reason = Reasons.of(new RankedItem(board, 0.9f, 2f, driver), profile, items::get);
            assertThat(reason).as(driver.name()).doesNotContain("cutting board").contains("Copperleaf chef knife");
        }
        assertThat(Reasons.of(new RankedItem(board, 0.9f, 2f, Feature.INTEREST), profile, items::get))
                .isEqualTo("similar to Copperleaf chef knife you bought");
    }
}
