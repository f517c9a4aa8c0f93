package dev.copbot.discord.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/** The parts of a {@code multipart/form-data} body, as JDA sends messages with files (JSON in {@code payload_json}). */
public final class Multipart {
    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile(";\\s*filename=\"([^\"]*)\"");

    /** One part: its form name, the file name if it is a file, and its bytes exactly as sent. */
    public record Part(String name, Optional<String> fileName, String contentType, byte[] bytes) {}

    private Multipart() {}

    /** The parts, or none when the body is not multipart. */
    public static List<Part> parts(String contentType, ByteString body) {
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        if (type == null || !type.type().equals("multipart") || body == null) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(body), type.parameter("boundary"))) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                parts.add(new Part(group(NAME, disposition).orElse(""), group(FILE_NAME, disposition),
                        part.headers().get("Content-Type"), part.body().readByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static Optional<String> group(Pattern pattern, String header) {
        Matcher m = pattern.matcher(header == null ? "" : header);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
