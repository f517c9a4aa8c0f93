package dev.copbot.core.home;

import dev.copbot.core.CopBot;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.expertise.SkillStore;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's own page (Slack's App Home tab): their communities and declared skills, with buttons to the commands
 * that change them. Platform-neutral; each adapter renders it like any other reply.
 * TODO(events): add "upcoming events you are going to" when the events feature lands.
 */
public final class HomeView {
    private final CommunityStore communities;
    private final SkillStore skills;

    public HomeView(CommunityStore communities, SkillStore skills) {
        this.communities = communities;
        this.skills = skills;
    }

    public Reply of(UserId user) {
        List<String> mine = communities.communitiesOf(user);
        List<String> declared = skills.of(user);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Section.of("Your communities", mine.isEmpty()
                ? "You have not joined a community yet. `/cop communities` lists them; `/cop join <name>` joins one."
                : String.join(", ", mine)));
        blocks.add(Block.Section.of("Your skills", declared.isEmpty()
                ? "You have not declared any skills. `/cop skills add <skill>` tells colleagues what you know."
                : String.join(", ", declared)));
        blocks.add(new Block.Actions(List.of(
                new Button(CopBot.RUN_COMMAND_ACTION, "Browse communities", "communities", Button.Style.PRIMARY, "communities"),
                new Button(CopBot.RUN_COMMAND_ACTION, "My skills", "skills list", Button.Style.DEFAULT, "skills list"),
                new Button(CopBot.RUN_COMMAND_ACTION, "Help", "help", Button.Style.DEFAULT, "help"))));
        String text = "Your communities: " + (mine.isEmpty() ? "none yet" : String.join(", ", mine))
                + "\nYour skills: " + (declared.isEmpty() ? "none declared" : String.join(", ", declared));
        return Reply.ok(text).withCommand("home").withBlocks(blocks)
                .withData("communities", mine).withData("skills", declared);
    }
}
