package dev.copbot.discord.internal;

import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA's session controller (identify queue, global rate limit), with the gateway address replaced when
 * {@code DISCORD_GATEWAY_URL} is set: a single shard asks {@link #getGateway()}, a sharded start asks REST
 * {@code gateway/bot} for the shard count and the address, and both then use ours.
 */
public final class GatewaySessionController extends SessionControllerAdapter {
    private final Optional<String> gatewayUrl;

    public GatewaySessionController(Optional<String> gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl.orElseGet(super::getGateway);
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway recommended = super.getShardedGateway(api);
        return gatewayUrl.map(url -> new ShardedGateway(url, recommended.getShardTotal(), recommended.getConcurrency()))
                .orElse(recommended);
    }
}
