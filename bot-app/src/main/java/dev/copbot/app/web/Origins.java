package dev.copbot.app.web;

import dev.copbot.app.http.HttpRequest;
import java.net.URI;
import java.util.Optional;

/**
 * A second guard on forms, beside the CSRF token: a browser says where a POST comes from (Origin, or Sec-Fetch-Site),
 * and it must be this site. Requests without either (old browsers, tools) rely on the token alone.
 */
final class Origins {
    private Origins() {}

    static boolean sameOrigin(HttpRequest request) {
        Optional<String> site = request.header("sec-fetch-site");
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return false;
        }
        Optional<String> origin = request.header("origin").filter(o -> !o.equals("null"));
        if (origin.isEmpty()) {
            return site.isPresent() || request.header("origin").isEmpty();
        }
        Optional<String> host = request.header("x-forwarded-host").or(() -> request.header("host"));
        try {
            URI uri = URI.create(origin.get());
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.map(authority::equalsIgnoreCase).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
