package dev.copbot.slack.http;

import java.util.List;
import java.util.Map;

/** An HTTP request as the host's server received it (header names in any case), for Slack's HTTP mode. */
public record WebRequest(String path, String query, Map<String, List<String>> headers, String body,
                         String remoteAddress) {}
