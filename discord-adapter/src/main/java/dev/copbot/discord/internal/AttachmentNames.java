package dev.copbot.discord.internal;

import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * File names an embed can point at with {@code attachment://}: Discord rewrites unusual characters in uploaded names
 * (which would break the reference), tells the type by the extension, and the files of one message need distinct names.
 */
final class AttachmentNames {
    private AttachmentNames() {}

    static String unique(String fileName, List<FileUpload> taken) {
        String name = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name : name + ".png";
        String candidate = name;
        for (int n = 2; isTaken(candidate, taken); n++) {
            candidate = n + "-" + name;
        }
        return candidate;
    }

    private static boolean isTaken(String name, List<FileUpload> taken) {
        return taken.stream().anyMatch(f -> f.getName().equals(name));
    }
}
