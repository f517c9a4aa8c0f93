package dev.copbot.app.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of a query string or an {@code application/x-www-form-urlencoded} body; the first value of each wins. */
record FormData(Map<String, String> values) {

    static FormData parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                out.putIfAbsent(key, value);
            }
        }
        return new FormData(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ""; // a broken %-escape reads as empty, and the page says what is missing
        }
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    String getOr(String key, String fallback) {
        return get(key).orElse(fallback);
    }
}
