package dev.copbot.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Where a benchmark builds its store and index: the folder given (which must be empty), or a temporary one, removed after. */
final class ScratchDir {
    interface Work {
        void run(Path dir) throws Exception;
    }

    private ScratchDir() {}

    static void use(Path given, String option, CommandSpec spec, Work work) throws Exception {
        if (given != null && Files.isDirectory(given)) {
            try (Stream<Path> inside = Files.list(given)) {
                if (inside.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), option + " " + given
                            + " is not empty; the benchmark needs a fresh directory");
                }
            }
        }
        Path dir = given != null ? given : Files.createTempDirectory("copbot-bench");
        try {
            work.run(dir);
        } finally {
            if (given == null) {
                delete(dir);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
