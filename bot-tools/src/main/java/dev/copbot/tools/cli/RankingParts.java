package dev.copbot.tools.cli;

import dev.copbot.core.discussion.Ranking;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --without PART,...} of eval and bench: the default ranking less those parts, or a usage error naming them. */
final class RankingParts {
    private RankingParts() {}

    static Ranking without(CommandSpec spec, List<String> parts) {
        try {
            return Ranking.defaults().without(parts);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--without: " + e.getMessage());
        }
    }
}
