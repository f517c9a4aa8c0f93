package dev.copbot.app.web;

import dev.copbot.app.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every dashboard answer carries the same protection: a Content-Security-Policy that allows our own stylesheet and
 * nothing else (no script at all, no inline style, no framing, forms only to us), no caching of pages that show what
 * only their viewer may see, and no Referer to other sites (a sign-in
 * link is in one).
 */
final class WebResponses {
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private WebResponses() {}

    static HttpResponse html(int status, String html) {
        return html(status, html, Map.of());
    }

    static HttpResponse html(int status, String html, Map<String, String> extra) {
        return new HttpResponse(status, "text/html; charset=utf-8", headers(extra), html.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a form, the browser GETs the page (a reload does not post again). */
    static HttpResponse redirect(String location, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(headers(extra));
        headers.put("Location", location);
        return new HttpResponse(303, "text/plain; charset=utf-8", headers, new byte[0]);
    }

    static HttpResponse css(byte[] body) {
        return new HttpResponse(200, "text/css; charset=utf-8", Map.of("Cache-Control", "public, max-age=3600",
                "Content-Security-Policy", CSP), body);
    }

    private static Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("Cache-Control", "no-store");
        h.put("Referrer-Policy", "same-origin");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.putAll(extra);
        return h;
    }
}
