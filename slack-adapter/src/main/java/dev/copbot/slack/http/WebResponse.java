package dev.copbot.slack.http;

import java.util.List;
import java.util.Map;

/** What the host's server writes back for a {@link WebRequest}. */
public record WebResponse(int status, String contentType, Map<String, List<String>> headers, String body) {}
