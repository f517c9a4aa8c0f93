package dev.copbot.slack.internal;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import java.time.Clock;
import java.util.List;

/**
 * Bolt's app with its request verification reading our clock instead of the system's, so signatures and the
 * five-minute replay window are checked by Bolt against a time tests can fix. Everything else is Bolt's default.
 */
final class ClockedApp extends App {
    private final Clock clock;

    ClockedApp(AppConfig config, Clock clock) {
        super(config);
        this.clock = clock;
    }

    @Override
    protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
        List<Middleware> middleware = super.buildDefaultMiddlewareList(config);
        middleware.replaceAll(m -> m instanceof RequestVerification
                ? new RequestVerification(new ClockedVerifier(config.getSigningSecret(), clock)) : m);
        return middleware;
    }

    /** Bolt's verifier; only "now" comes from the clock. */
    static final class ClockedVerifier extends SlackSignature.Verifier {
        private final Clock clock;

        ClockedVerifier(String signingSecret, Clock clock) {
            super(new SlackSignature.Generator(signingSecret == null || signingSecret.isBlank() ? "-" : signingSecret));
            this.clock = clock;
        }

        @Override
        public boolean isValid(String timestamp, String body, String signature, long ignoredSystemMillis) {
            return super.isValid(timestamp, body, signature, clock.millis());
        }
    }
}
