package io.streamrec.text.runtime;

import java.nio.file.Path;

/**
 * Settings that must be in place before DJL's tokenizers library loads: DJL reports usage to a cloud metadata
 * address unless tracking is opted out, and it copies its native library into a cache folder.
 */
public final class OfflineNativeLibraries {

    public static final String CACHE_DIR = "DJL_CACHE_DIR";

    private OfflineNativeLibraries() {}

    /** Idempotent; called before the first tokenizer is created. */
    public static synchronized void prepare() {
        // DJL reads both as environment variable or system property; the property is ours to set.
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("offline") == null) {
            System.setProperty("offline", "true");
        }
        if (System.getProperty(CACHE_DIR) == null && System.getenv(CACHE_DIR) == null) {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "streamrec-djl-" + System.getProperty("user.name"));
            System.setProperty(CACHE_DIR, dir.toString());
        }
    }
}
