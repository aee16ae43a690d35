package io.streamrec.tools.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a dataset folder, recognising its format by the files it holds. */
public final class DatasetReader {
    private DatasetReader() {}

    /**
     * Reads the dataset in {@code dir}: MovieLens "latest" (movies.csv + ratings.csv), MovieLens 100K
     * (u.data + u.item) or the generic pair (events.csv + items.csv), checked in that order.
     *
     * @throws MalformedDatasetException for content that does not fit the format, naming file and line
     * @throws IOException when the folder holds none of the formats or cannot be read
     */
    public static Dataset open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("dataset folder " + dir.toAbsolutePath() + " does not exist or is not a folder");
        }
        if (MovieLensReader.recognises(dir)) {
            return MovieLensReader.read(dir);
        }
        if (MovieLens100kReader.recognises(dir)) {
            return MovieLens100kReader.read(dir);
        }
        if (GenericCsvReader.recognises(dir)) {
            return GenericCsvReader.read(dir);
        }
        throw new IOException("no known dataset in " + dir.toAbsolutePath() + ": expected movies.csv + ratings.csv "
                + "(MovieLens latest), u.data + u.item (MovieLens 100K) or events.csv + items.csv (generic)");
    }
}
