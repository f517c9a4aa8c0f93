package dev.copbot.tools.bench;

import dev.copbot.core.CopBot;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Feeds a {@link SyntheticWorkspace} to a bot as its platform would: channels enabled, messages posted in batches
 * (durable store write and index), and, on request, the asker's check mark on the first reply of every third thread
 * answered, so expert finding has accepted answers to weigh.
 */
final class BotIngest {
    private static final int BATCH = 5_000;

    private BotIngest() {}

    static void enableChannels(CopBot bot) {
        for (int c = 0; c < SyntheticWorkspace.CHANNELS; c++) {
            Channel ch = channel("C" + (100 + c));
            bot.discussions().store().channels().upsert(ch, Instant.now());
            bot.discussions().store().channels().setIndexed(ch.id(), true);
        }
    }

    static Channel channel(String id) {
        return new Channel(ChannelId.parse("slack:" + SyntheticWorkspace.TEAM + ":" + id), id.toLowerCase(Locale.ROOT),
                Visibility.PUBLIC);
    }

    static UserId user(String id) {
        return UserId.parse("slack:" + SyntheticWorkspace.TEAM + ":" + id);
    }

    static Inbound.MessagePosted posted(SyntheticWorkspace.Msg m) {
        Channel ch = channel(m.channel());
        Optional<MessageId> parent = m.ts().equals(m.threadTs()) ? Optional.empty()
                : Optional.of(new MessageId(ch.id(), m.threadTs()));
        return new Inbound.MessagePosted(new Message(new MessageId(ch.id(), m.ts()), user(m.user()), m.text(),
                Instant.ofEpochMilli(m.epochMillis()), parent), ch);
    }

    /** Posts {@code messages} messages (with check marks when {@code accept}); returns messages per second. */
    static double ingest(CopBot bot, SyntheticWorkspace workspace, int messages, boolean accept) {
        long start = System.nanoTime();
        List<Inbound.MessagePosted> batch = new ArrayList<>(BATCH);
        List<Inbound.ReactionAdded> marks = new ArrayList<>();
        int[] threads = {0};
        String[] asker = {null};
        workspace.generate(messages, m -> {
            Inbound.MessagePosted p = posted(m);
            batch.add(p);
            if (m.ts().equals(m.threadTs())) {
                threads[0]++;
                asker[0] = m.user();
            } else if (accept && asker[0] != null && threads[0] % 3 == 0) {
                marks.add(new Inbound.ReactionAdded(new Reaction(p.message().id(), user(asker[0]), "white_check_mark"),
                        p.message().postedAt().plusSeconds(60)));
                asker[0] = null; // only the first reply of the thread
            }
            if (batch.size() == BATCH) {
                bot.discussions().ingest(List.copyOf(batch), List.of(), List.copyOf(marks), () -> { });
                batch.clear();
                marks.clear();
            }
        });
        bot.discussions().ingest(batch, List.of(), marks, () -> { });
        bot.discussions().flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = bot.discussions().store().messageCount();
        if (stored != messages) {
            throw new IllegalStateException("stored " + stored + " of " + messages + " messages");
        }
        return messages / seconds;
    }
}
