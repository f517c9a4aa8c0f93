package dev.copbot.core.home;

import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.event.Events;
import dev.copbot.core.expertise.SkillStore;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A person's own page (Slack's App Home tab): their communities and declared skills, with buttons to the commands
 * that change them. Platform-neutral; each adapter renders it like any other reply.
 * Upcoming events they are going to come first: what a person most likely opened the tab for.
 */
public record HomeView(CommunityStore communities, SkillStore skills, Events events) {
    static final int DAYS_AHEAD = 30;

    public Reply of(UserId user) {
        List<String> mine = communities.communitiesOf(user);
        List<String> declared = skills.of(user);
        List<Events.Going> going = events.goingFor(user, DAYS_AHEAD);
        List<String> goingLines = going.stream().map(g -> TimeText.mark(g.start(), g.start().toString().replace('T', ' ')
                .replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC")) + " — " + g.title() + " (" + g.community() + ", event " + g.eventId() + ")")
                .toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Section.of("Events you are going to", goingLines.isEmpty()
                ? "Nothing in the next " + DAYS_AHEAD + " days. `/cop events` lists what is coming up."
                : String.join("\n", goingLines)));
        blocks.add(Block.Section.of("Your communities", mine.isEmpty()
                ? "You have not joined a community yet. `/cop communities` lists them; `/cop join <name>` joins one."
                : String.join(", ", mine)));
        blocks.add(Block.Section.of("Your skills", declared.isEmpty()
                ? "You have not declared any skills. `/cop skills add <skill>` tells colleagues what you know."
                : String.join(", ", declared)));
        blocks.add(new Block.Actions(List.of(
                Button.runs("Browse communities", "communities", Button.Style.PRIMARY),
                Button.runs("My skills", "skills list", Button.Style.DEFAULT),
                Button.runs("Help", "help", Button.Style.DEFAULT))));
        String text = "Events you are going to: " + (going.isEmpty() ? "none in the next " + DAYS_AHEAD + " days"
                : String.join("; ", going.stream().map(g -> g.title() + " (" + g.start() + ")").toList()))
                + "\nYour communities: " + (mine.isEmpty() ? "none yet" : String.join(", ", mine))
                + "\nYour skills: " + (declared.isEmpty() ? "none declared" : String.join(", ", declared));
        return Reply.ok(text).withCommand("home").withBlocks(blocks)
                .withData("communities", mine).withData("skills", declared)
                .withData("going", going.stream().map(g -> Map.of("id", g.eventId(), "title", g.title(),
                        "community", g.community(), "start", g.start().toString())).toList());
    }
}
