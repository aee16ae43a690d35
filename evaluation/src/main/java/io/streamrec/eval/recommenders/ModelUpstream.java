package io.streamrec.eval.recommenders;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.state.ItemVector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the job's model pipeline does around {@link io.streamrec.recommenders.ModelRecommender}, in-process: item text
 * encoded once per version into the item's vector, search and review text encoded onto the event, and
 * the function's model updates fed straight back as broadcast input, in order (in the job they make a
 * round trip through the model-updates topic, so they arrive a little later there).
 */
public final class ModelUpstream implements JobRecommender.Upstream<ModelInput> {
    private final TextEncoder encoder;

    public ModelUpstream(TextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public List<ModelInput> items(List<Item> items) {
        float[][] vectors = encoder.encode(items.stream().map(ItemVector::textOf).toList());
        List<ModelInput> inputs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            inputs.add(ModelInput.item(ItemVector.of(items.get(i), vectors[i])));
        }
        return inputs;
    }

    @Override
    public SourcedEvent event(SourcedEvent in) {
        EventType type = in.event.getType();
        if ((type == EventType.SEARCH || type == EventType.REVIEW) && in.event.getText() != null) {
            in.textVector = encoder.encode(List.of(in.event.getText()))[0];
        }
        return in;
    }

    @Override
    public Function<ModelUpdate, ModelInput> feedback() {
        return ModelInput::update;
    }
}
