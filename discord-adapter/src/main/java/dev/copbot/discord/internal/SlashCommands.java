package dev.copbot.discord.internal;

import dev.copbot.discord.internal.CommandCatalog.Entry;
import dev.copbot.discord.internal.CommandCatalog.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/** Builds the one {@code /cop} command, with its subcommands, groups and typed options, from the catalog. */
public final class SlashCommands {
    private SlashCommands() {}

    public static SlashCommandData cop(CommandCatalog catalog) {
        SlashCommandData cop = Commands.slash(CommandCatalog.ROOT, "CoP Bot: communities of practice, experts, search, events");
        Map<String, SubcommandGroupData> groups = new LinkedHashMap<>();
        for (Entry entry : catalog.entries()) {
            SubcommandData sub = new SubcommandData(entry.name(), description(entry));
            // Discord wants required options first; the core's optional parameters already come after required ones.
            entry.slots().stream().filter(Slot::required).forEach(s -> sub.addOptions(option(s)));
            entry.slots().stream().filter(s -> !s.required()).forEach(s -> sub.addOptions(option(s)));
            if (entry.group().isPresent()) {
                String g = entry.group().get();
                groups.computeIfAbsent(g, k -> new SubcommandGroupData(k, "/cop " + k + " …")).addSubcommands(sub);
            } else {
                cop.addSubcommands(sub);
            }
        }
        cop.addSubcommandGroups(groups.values());
        return cop;
    }

    private static String description(Entry entry) {
        String s = entry.spec().summary().isBlank() ? "/cop " + entry.spec().path() : entry.spec().summary();
        return s.length() <= 100 ? s : s.substring(0, 99) + "…";
    }

    private static OptionData option(Slot slot) {
        OptionType type = switch (slot.kind()) {
            case USER -> OptionType.USER;
            case CHANNEL -> OptionType.CHANNEL;
            default -> OptionType.STRING;
        };
        OptionData option = new OptionData(type, slot.name(), slot.description(), slot.required());
        switch (slot.kind()) {
            case COMMUNITY, EVENT -> option.setAutoComplete(true);
            case DATE -> option.setMinLength(10).setMaxLength(10);
            case CHANNEL -> option.setChannelTypes(ChannelType.TEXT, ChannelType.NEWS, ChannelType.FORUM);
            default -> { }
        }
        return option;
    }
}
