package dev.copbot.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copbot.core.history.ExportReader.BadFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/** Streaming JSON for exports: files are checked whole, then read one message at a time, never held at once. */
final class Json {
    // Callers own their streams (the scan reads on after the parser to finish the checksum).
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Json() {}

    /** A message array somewhere in a file: the whole file ({@code field} null) or a top-level field of an object. */
    public interface Elements {
        void each(long index, JsonNode element) throws BadFile;
    }

    /**
     * Reads the whole file, checking it is well-formed JSON of the expected shape; returns its fingerprint and the
     * number of elements of the message array.
     */
    public static ExportReader.Scan scan(InputStream raw, String field, String version)
            throws IOException, BadFile {
        CRC32 crc = new CRC32();
        long[] count = {0};
        long size;
        try (CheckedInputStream in = new CheckedInputStream(raw, crc); CountingStream counted = new CountingStream(in)) {
            walk(counted, field, 0, (i, node) -> count[0]++, false);
            counted.transferTo(OutputStream.nullOutputStream());
            size = counted.count();
        }
        return new ExportReader.Scan(version + ":" + size + ":" + Long.toHexString(crc.getValue()),
                count[0]);
    }

    /** Calls {@code each} for the elements of the message array from {@code from} on (earlier ones are skipped unread). */
    public static void read(InputStream in, String field, long from, Elements each) throws IOException, BadFile {
        walk(in, field, from, each, true);
    }

    /** The fields of an object file before its message array (e.g. Discord's guild and channel). */
    public static JsonNode header(InputStream in, String field) throws IOException, BadFile {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadFile("expected a JSON object");
            }
            ObjectNode head = MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(field)) {
                    return head;
                }
                head.set(name, MAPPER.readTree(p));
            }
            return head;
        } catch (JsonProcessingException e) {
            throw new BadFile(malformed(e));
        }
    }

    private static void walk(InputStream in, String field, long from, Elements each, boolean materialise)
            throws IOException, BadFile {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (field == null) {
                if (first != JsonToken.START_ARRAY) {
                    throw new BadFile("expected a JSON array of messages");
                }
                elements(p, from, each, materialise);
            } else {
                if (first != JsonToken.START_OBJECT) {
                    throw new BadFile("expected a JSON object with a \"" + field + "\" array");
                }
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals(field)) {
                        if (value != JsonToken.START_ARRAY) {
                            throw new BadFile("\"" + field + "\" is not an array");
                        }
                        elements(p, from, each, materialise);
                        found = true;
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    throw new BadFile("it has no \"" + field + "\" array");
                }
            }
            if (p.nextToken() != null) {
                throw new BadFile("unexpected content after the end of the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw new BadFile(malformed(e));
        }
    }

    private static void elements(JsonParser p, long from, Elements each, boolean materialise) throws IOException, BadFile {
        long i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new BadFile("the file ends inside the message array (cut short?)");
            }
            if (materialise && i >= from) {
                each.each(i, MAPPER.readTree(p));
            } else {
                p.skipChildren();
                if (!materialise) {
                    each.each(i, null);
                }
            }
            i++;
        }
    }

    static String malformed(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static Optional<String> nonBlank(JsonNode node, String field) {
        return Optional.ofNullable(text(node, field)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Counts bytes read, for the fingerprint. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
