package dev.copbot.core.discussion;

import static dev.copbot.core.command.CommandSpec.Param.repeated;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Cost;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.Token;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.CommunityChannels;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.people.Mentions;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /cop search}: past threads the asker may read, best first, five at a time. */
public final class SearchCommands implements Feature {
    public static final int PAGE_SIZE = 5;
    private static final int MAX_PAGE = 50;
    private static final Pattern CHANNEL_ESCAPED = Pattern.compile("<#([A-Za-z0-9]+)(?:\\|([^>]*))?>");

    private final Discussions discussions;
    private final Privacy privacy;
    private final Mentions mentions;
    private final Permalinks permalinks;

    public SearchCommands(Discussions discussions, Privacy privacy, UserDirectory users, Permalinks permalinks) {
        this.discussions = discussions;
        this.privacy = privacy;
        this.mentions = new Mentions(users);
        this.permalinks = permalinks;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("search").param(repeated("words")).access(Access.MEMBER).cost(Cost.SEARCH)
                .option("in", "#channel").option("from", "@user").option("before", "YYYY-MM-DD")
                .option("after", "YYYY-MM-DD").option("is", "solved|unsolved").option("community", "name")
                .option("page", "2")
                .summary("Search past threads you can read: \"exact phrase\" ranks exact matches first, -word excludes, "
                        + "a OR b takes either.")
                .example("/cop search rotate tls cert in:#sre after:2025-01-01")
                .example("/cop search \"consumer lag\" -spark is:solved community:kafka")
                .handler(this::search));
    }

    private Reply search(CommandContext ctx) {
        UserId asker = ctx.actor().id();
        ZoneId zone = ctx.actor().zone().orElse(ZoneOffset.UTC);
        String words = String.join(" ", ctx.args().stream().map(Token::display).toList());
        if (ctx.option("in").isPresent() && ctx.option("community").isPresent()) {
            throw new UserError("Use in: or community:, not both: a community's channels are already a list of channels.");
        }
        List<ChannelId> channels = new ArrayList<>();
        ctx.option("in").ifPresent(c -> channels.add(channel(asker, c)));
        ctx.option("community").ifPresent(name ->
                channels.addAll(CommunityChannels.of(privacy, asker, name, "there is nothing to search in it")));
        Optional<UserId> from = ctx.option("from").map(u -> mentions.resolve(asker, u));
        Optional<Instant> before = ctx.option("before").map(d -> day(d, "before", zone));
        Optional<Instant> after = ctx.option("after").map(d -> day(d, "after", zone));
        if (before.isPresent() && after.isPresent() && !after.get().isBefore(before.get())) {
            throw new UserError("after: must be earlier than before:, or nothing can match.");
        }
        Optional<Boolean> solved = ctx.option("is").map(SearchCommands::solved);
        int page = ctx.option("page").map(SearchCommands::page).orElse(1);

        SearchRequest request = QuerySyntax.fromTokens(words, ctx.args())
                .withFilters(channels, from, before, after, solved);
        if (request.clauses().isEmpty()) {
            throw new UserError("Give at least one word to search for; -word only excludes.");
        }
        SearchEngine.Results found = discussions.search(asker, request, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        if (!found.searchable()) {
            throw new UserError("Every word of '" + words + "' is too common to search for. Add a more specific word.");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int rank = (page - 1) * PAGE_SIZE;
        Map<ChannelId, Optional<Channel>> channelNames = new HashMap<>();
        for (SearchEngine.Result r : found.results()) {
            SearchIndex.Hit hit = r.hit();
            MessageId best = new MessageId(hit.key().channel(), r.message());
            String link = permalinks.of(best);
            String title = Markup.defuse(hit.title().isBlank() ? "(untitled thread)" : hit.title());
            Channel channel = channelNames.computeIfAbsent(hit.key().channel(), discussions.store().channels()::find).orElse(null);
            String channelName = channel == null ? hit.key().channel().id() : "#" + channel.name();
            String date = hit.postedAt().atZone(zone).toLocalDate().toString();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ++rank);
            row.put("channel", hit.key().channel().id());
            row.put("channel_name", channelName);
            row.put("thread", hit.key().root());
            row.put("message", best.id());
            row.put("permalink", link);
            row.put("score", Math.round(hit.score() * 1000) / 1000.0);
            row.put("title", title);
            row.put("snippet", r.snippet());
            row.put("solved", hit.solved());
            row.put("replies", hit.replies());
            row.put("date", date);
            results.add(row);
            blocks.add(new Block.Section((hit.solved() ? "✅ " : "") + title, r.snippet(), List.of(
                    new Field("Channel", channelName), new Field("Started", date),
                    new Field("Replies", Integer.toString(hit.replies())), new Field("Link", link))));
        }
        long total = found.total();
        String count = (found.totalIsExact() ? "" : "more than ") + Plural.count(total, "thread");
        String text;
        if (results.isEmpty()) {
            text = page > 1 && total > 0 ? "No more results: " + (total == 1 ? "the only thread is" : "all " + count + " are") + " on earlier pages."
                    : "No threads you can read match '" + words + "'" + (hasFilters(request) ? " with these filters" : "")
                    + ". Try fewer or other words" + (hasFilters(request) ? ", or drop a filter" : "") + ".";
        } else {
            String verb = Plural.word(found.totalIsExact() ? total : 2, "matches", "match");
            text = count + " " + verb + " '" + words + "'; showing " + ((page - 1) * PAGE_SIZE + 1) + "–" + rank + ".";
        }
        Reply reply = Reply.ok(text).withBlocks(blocks).withData("query", words).withData("total", total)
                .withData("page", page).withData("results", results);
        if (rank < total && page < MAX_PAGE) {
            String next = "search " + words + options(ctx) + " page:" + (page + 1);
            reply = reply.with(new Block.Actions(List.of(Button.runs("More results", next, Button.Style.DEFAULT))));
        }
        return reply;
    }

    /**
     * The channel of {@code in:}. One answer for a channel the bot does not know, one of another workspace, and one
     * the asker may not read, so the answer never tells that a private channel exists.
     */
    private ChannelId channel(UserId asker, String typed) {
        Matcher m = CHANNEL_ESCAPED.matcher(typed.strip());
        Optional<ChannelId> found;
        String label;
        if (m.matches()) {
            label = m.group(2) == null || m.group(2).isBlank() ? m.group(1) : m.group(2);
            ChannelId id = asker.channel(m.group(1));
            found = discussions.store().channels().find(id).map(Channel::id);
        } else {
            label = typed.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            found = discussions.store().channels().named(asker, label).stream().map(Channel::id)
                    .filter(id -> discussions.access().mayRead(asker, id)).findFirst();
        }
        return found.filter(id -> discussions.access().mayRead(asker, id)).orElseThrow(() -> new UserError(
                "I have no channel #" + label + " to search in your workspace. Type # and pick the "
                        + "channel from the list, e.g. in:#sre."));
    }

    private static Instant day(String typed, String option, ZoneId zone) {
        try {
            return LocalDate.parse(typed.strip()).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("'" + typed + "' is not a date for " + option + ": write YYYY-MM-DD, e.g. "
                    + option + ":2025-01-31.");
        }
    }

    private static boolean solved(String typed) {
        return switch (typed.toLowerCase(Locale.ROOT)) {
            case "solved", "answered" -> true;
            case "unsolved", "open", "unanswered" -> false;
            default -> throw new UserError("is: takes solved or unsolved, not '" + typed + "'."
                    + Suggestions.didYouMean(typed, List.of("solved", "unsolved")));
        };
    }

    private static int page(String typed) {
        try {
            int p = Integer.parseInt(typed.strip());
            if (p >= 1 && p <= MAX_PAGE) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // explained below
        }
        throw new UserError("page: takes a number from 1 to " + MAX_PAGE + ", not '" + typed + "'.");
    }

    private static boolean hasFilters(SearchRequest r) {
        return !r.channels().isEmpty() || r.from().isPresent() || r.before().isPresent() || r.after().isPresent()
                || r.solved().isPresent();
    }

    private static String options(CommandContext ctx) {
        StringBuilder out = new StringBuilder();
        ctx.options().entrySet().stream().filter(e -> !e.getKey().equals("page")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(' ').append(new Token(e.getKey(), e.getValue(), e.getValue().contains(" ")).display()));
        return out.toString();
    }
}
