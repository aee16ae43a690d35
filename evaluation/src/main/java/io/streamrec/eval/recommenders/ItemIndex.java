package io.streamrec.eval.recommenders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense int ids for item ids, so the baselines can keep their numbers in arrays. */
final class ItemIndex {
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int indexOf(String itemId) {
        Integer index = indexes.get(itemId);
        if (index == null) {
            index = ids.size();
            indexes.put(itemId, index);
            ids.add(itemId);
        }
        return index;
    }

    /** The index, or -1 for an item never seen. */
    int find(String itemId) {
        Integer index = indexes.get(itemId);
        return index == null ? -1 : index;
    }

    String idOf(int index) {
        return ids.get(index);
    }

    int size() {
        return ids.size();
    }
}
