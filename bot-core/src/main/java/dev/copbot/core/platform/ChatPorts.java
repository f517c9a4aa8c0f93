package dev.copbot.core.platform;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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

    public ChatPort require(Platform platform) {
        return of(platform).orElseThrow(() -> new PlatformException(platform.key() + " is not connected"));
    }
}
