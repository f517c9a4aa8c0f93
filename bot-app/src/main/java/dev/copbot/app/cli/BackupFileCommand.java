package dev.copbot.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What {@code backup} and {@code restore} both take: the usual options and the backup file. */
abstract class BackupFileCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE",
            description = "The backup: written by 'copbot backup' (which never overwrites one), read by 'copbot restore'.")
    Path file;
}
