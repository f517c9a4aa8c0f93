package dev.copbot.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

public record HttpResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain; charset=utf-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, "application/json; charset=utf-8", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }
}
