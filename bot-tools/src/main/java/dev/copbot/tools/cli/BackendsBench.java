package dev.copbot.tools.cli;

import dev.copbot.tools.bench.BackendsBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"Feed N generated messages to two bots, one on the embedded index and one with OpenSearch as its",
                "search backend, and time the same /cop search commands on both: ingest rate and p50/p99 of each."})
final class BackendsBench implements Callable<Integer> {
    @Mixin
    GeneratedRun run;
    @Mixin
    BackendOptions backend;

    @Override
    public Integer call() throws Exception {
        run.run(dir -> {
            System.out.println(run.header("backends", ", OpenSearch at " + backend.url() + ",", dir));
            new BackendsBenchmark(System.out, backend.url(), BackendOptions.credentials()).run(run.messages, dir);
        });
        return 0;
    }
}
