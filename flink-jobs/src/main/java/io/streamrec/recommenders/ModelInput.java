package io.streamrec.recommenders;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.state.ItemVector;

/**
 * What every ranking subtask receives as broadcast: a catalogue change (an encoded item, or a removal)
 * or a model update from the model-updates topic. One stream, so updates keep the topic's order.
 */
public class ModelInput {
    public ItemVector item;
    public String removedItemId;
    public ModelUpdate update;

    public ModelInput() {}

    public static ModelInput item(ItemVector item) {
        ModelInput in = new ModelInput();
        in.item = item;
        return in;
    }

    public static ModelInput removal(String itemId) {
        ModelInput in = new ModelInput();
        in.removedItemId = itemId;
        return in;
    }

    public static ModelInput update(ModelUpdate update) {
        ModelInput in = new ModelInput();
        in.update = update;
        return in;
    }
}
