package dev.copbot.core.platform;

import dev.copbot.core.reply.Reply;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** The ports of the platforms this process is connected to, chosen by the platform of an id. */
public final class ChatPorts {
    private final Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);

    public ChatPorts register(ChatPort port) {
        ports.put(port.platform(), port);
        return this;
    }

    public Optional<ChatPort> of(Platform platform) {
        return Optional.ofNullable(ports.get(platform));
    }

    /**
     * Sends a direct message when the person's platform is connected; a refusal is logged, not thrown, for notices
     * that must never break what caused them (a join, a kudos, a digest). True when it went out.
     */
    public boolean tryDirect(UserId user, Reply reply) {
        Optional<ChatPort> port = of(user.platform());
        if (port.isEmpty()) {
            return false;
        }
        try {
            port.get().sendDirect(user, reply);
            return true;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ChatPorts.class).warn("could not send a direct message to {}: {}", user,
                    e.getMessage());
            return false;
        }
    }

    public ChatPort require(Platform platform) {
        return of(platform).orElseThrow(() -> new PlatformException(platform.key() + " is not connected"));
    }
}
