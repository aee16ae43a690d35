package io.streamrec.text.flink;

/** Test output: the text and its vector, or the reason it was not encoded. */
record EncodedDoc(String text, float[] vector, String failure) {

    static EncodedDoc ok(String text, float[] vector) {
        return new EncodedDoc(text, vector, null);
    }

    static EncodedDoc failed(String text, String reason) {
        return new EncodedDoc(text, null, reason);
    }
}
