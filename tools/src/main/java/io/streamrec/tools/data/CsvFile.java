package io.streamrec.tools.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a delimited text file to a handler, one at a time, and turns every problem
 * (syntax, missing columns, unparsable values) into a {@link MalformedDatasetException} naming the
 * file and the line the row starts on.
 */
final class CsvFile {
    /** Receives one row; throws {@link Row#error} for values it cannot use. */
    interface RowHandler {
        void accept(Row row) throws MalformedDatasetException;
    }

    private CsvFile() {}

    /** A file with a header line that must name {@code requiredColumns} (in any order). */
    static void readWithHeader(Path file, List<String> requiredColumns, RowHandler handler) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        read(file, format, java.nio.charset.StandardCharsets.UTF_8, requiredColumns, requiredColumns.size(), handler);
    }

    /** A file without a header whose rows have at least {@code minFields} fields. */
    static void readPlain(Path file, char delimiter, Charset charset, int minFields, RowHandler handler)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(null).setTrim(true).build();
        read(file, format, charset, List.of(), minFields, handler);
    }

    private static void read(Path file, CSVFormat format, Charset charset, List<String> requiredColumns,
            int minFields, RowHandler handler) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, charset);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : requiredColumns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new MalformedDatasetException(file, 1, "header lacks column '" + column + "' (expected "
                            + String.join(",", requiredColumns) + ", found " + String.join(",", parser.getHeaderNames())
                            + ")");
                }
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedDatasetException(file, line, "not valid delimited text: " + rootMessage(e), e);
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (record.size() < minFields) {
                    throw new MalformedDatasetException(file, line, "expected at least " + minFields
                            + " fields, found " + record.size());
                }
                handler.accept(new Row(file, line, record));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** One row with typed accessors whose failures name the file, line and column. */
    static final class Row {
        private final Path file;
        private final long line;
        private final CSVRecord record;

        Row(Path file, long line, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.record = record;
        }

        long line() {
            return line;
        }

        String text(String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
        }

        String text(int index) {
            return index < record.size() ? record.get(index) : "";
        }

        String required(String column) throws MalformedDatasetException {
            String value = text(column);
            if (value.isEmpty()) {
                throw error(column + " is empty");
            }
            return value;
        }

        long wholeNumber(String column, String value) throws MalformedDatasetException {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw error(column + " '" + value + "' is not a whole number");
            }
        }

        float number(String column, String value) throws MalformedDatasetException {
            try {
                float f = Float.parseFloat(value);
                if (!Float.isFinite(f)) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                throw error(column + " '" + value + "' is not a number");
            }
        }

        MalformedDatasetException error(String problem) {
            return new MalformedDatasetException(file, line, problem);
        }
    }
}
