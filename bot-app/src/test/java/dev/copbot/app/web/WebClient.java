package dev.copbot.app.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's worth of HTTP for the plain tests: one session cookie, redirects not followed, forms posted. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{32})\"");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    String cookie = "";

    WebClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return r;
    }

    /** Opens the sign-in link and continues, as a person would. */
    HttpResponse<String> signIn(String link) throws Exception {
        HttpResponse<String> confirm = get(link);
        String token = link.substring(link.lastIndexOf('/') + 1);
        if (confirm.statusCode() != 200) {
            return confirm;
        }
        return post("/dashboard/sign-in", Map.of("token", token));
    }

    /** The CSRF token the page's forms carry. */
    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
