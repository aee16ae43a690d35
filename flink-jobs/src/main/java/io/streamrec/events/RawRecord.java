package io.streamrec.events;

/**
 * A Kafka record exactly as read, with where it came from. Decoding happens in the job (not in the
 * source) so that a record that cannot be decoded still reaches the dead-letter topic, bytes intact.
 */
public class RawRecord {
    public String topic;
    public int partition;
    public long offset;
    public byte[] key;
    public byte[] value;

    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.value = value;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
