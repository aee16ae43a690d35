package io.streamrec.eval.recommenders;

/** Builds a fresh recommender for one replay. */
@FunctionalInterface
public interface RecommenderFactory {
    Recommender create(RecommenderContext context) throws Exception;
}
