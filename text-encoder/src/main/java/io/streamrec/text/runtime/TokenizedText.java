package io.streamrec.text.runtime;

/** Token ids of one text, special tokens included, truncated to the model's max sequence length. */
public record TokenizedText(long[] ids, long[] typeIds) {

    public int length() {
        return ids.length;
    }
}
