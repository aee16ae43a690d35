package io.streamrec.recommenders;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;

/** Where a recommender's results go: recommendations to users, updates to the model's log. */
public interface Outputs {
    void recommendation(Recommendation recommendation);

    void modelUpdate(ModelUpdate update);
}
