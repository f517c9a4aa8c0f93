package dev.copbot.tools.cli;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.cli.CommandGroup;
import dev.copbot.app.cli.CommonOptions;
import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.app.cli.NowOption;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.tools.eval.Beir;
import dev.copbot.tools.eval.ExpertEvaluation;
import dev.copbot.tools.eval.FlatBm25Baseline;
import dev.copbot.tools.eval.SearchEvaluation;
import dev.copbot.tools.eval.TrecRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure search quality on a BEIR collection.",
        subcommands = {EvalCommand.Search.class, EvalCommand.Score.class, EvalCommand.Experts.class})
public final class EvalCommand extends CommandGroup {
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Index a BEIR corpus and run its queries through the bot's search path; write a TREC run.",
                    "A hit whose doc id equals its query id is left out. With --qrels, also print nDCG@10 and recall@100."})
    static final class Search implements Callable<Integer> {
        @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "corpus.jsonl")
        Path corpus;
        @Option(names = "--queries", required = true, paramLabel = "FILE", description = "queries.jsonl")
        Path queries;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the TREC run file to write")
        Path out;
        @Option(names = "--k", defaultValue = "100", description = "results per query (default ${DEFAULT-VALUE})")
        int k;
        @Option(names = "--qrels", paramLabel = "FILE", description = "qrels/test.tsv: print the scores too")
        Path qrels;
        @Option(names = "--baseline", description = "run plain Lucene BM25 (flat) instead of the bot's search")
        boolean baseline;
        @Option(names = "--without", split = ",", paramLabel = "PART", description = "leave parts of the bot's ranking out, "
                + "to measure what they are worth: feedback, proximity, fields, solved (comma-separated)")
        List<String> without = List.of();
        @picocli.CommandLine.Mixin
        BackendOptions backend;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                backend.openSearch();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            for (Path p : qrels == null ? List.of(corpus, queries) : List.of(corpus, queries, qrels)) {
                if (!Files.isRegularFile(p)) {
                    throw new ParameterException(spec.commandLine(), "no such file: " + p);
                }
            }
            if (k < 1) {
                throw new ParameterException(spec.commandLine(), "--k must be at least 1");
            }
            if (baseline && !without.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--without applies to the bot's ranking, not to --baseline");
            }
            Ranking ranking = RankingParts.without(spec, without);
            List<Beir.Doc> docs = Beir.corpus(corpus);
            List<Beir.Query> qs = Beir.queries(queries);
            Map<String, List<TrecRun.Ranked>> run;
            if (baseline) {
                run = FlatBm25Baseline.run(docs, qs, k);
            } else {
                var index = backend.scratch("eval", ranking);
                try {
                    System.out.println("search backend: " + backend.describe());
                    run = SearchEvaluation.run(docs, qs, k, ranking, index);
                } finally {
                    BackendOptions.dispose(index);
                }
            }
            TrecRun.write(out, run, baseline ? "lucene-bm25-flat" : "copbot");
            System.out.printf(Locale.ROOT, "%d documents, %d queries -> %s%n", docs.size(), qs.size(), out);
            if (qrels != null) {
                Score.print(TrecRun.score(Beir.qrels(qrels), run));
            }
            return 0;
        }
    }

    @Command(name = "experts", mixinStandardHelpOptions = true,
            description = {"Ask for experts on each held-out question of a Stack Exchange fold, in a data directory where",
                    "its Slack export was imported; print MRR and hit@5 of the accepted answerer beside popularity."})
    static final class Experts implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CommonOptions common;
        @Option(names = "--heldout", required = true, paramLabel = "FILE", description = "heldout.tsv from se2slack.py")
        Path heldout;
        @Option(names = "--as", defaultValue = "slack:T0STACKEX:UEVALUATOR", paramLabel = "IDENTITY",
                description = "who asks (someone of the imported workspace; default ${DEFAULT-VALUE})")
        String as;
        @picocli.CommandLine.Mixin
        NowOption now;
        @Option(names = "--ranks", paramLabel = "FILE",
                description = "also write each question's rank of the accepted answerer (bot, popularity; 0 = not ranked)")
        Path ranks;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(heldout)) {
                throw new ParameterException(spec.commandLine(), "no such file: " + heldout);
            }
            ConsoleCommand.quietLogs();
            var questions = ExpertEvaluation.heldout(heldout);
            if (questions.isEmpty()) {
                System.err.println("warning: " + heldout + " holds no question with an accepted answer: nothing to score");
            }
            Clock clock = now.clock();
            try (var runtime = BotRuntime.start(common.settings(), clock)) {
                var s = ExpertEvaluation.run(runtime.bot(), questions,
                        ConsoleCommand.parseIdentity(as), clock.instant(), ranks);
                System.out.printf(Locale.ROOT, "%d questions  MRR %.4f  hit@5 %.4f   popularity MRR %.4f  hit@5 %.4f   "
                        + "MRR ratio %.2f%n", s.questions(), s.mrr(), s.hitAt5(), s.popularityMrr(), s.popularityHitAt5(),
                        s.popularityMrr() == 0 ? 0 : s.mrr() / s.popularityMrr());
            }
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true, description = "nDCG@10 and recall@100 of a TREC run.")
    static final class Score implements Callable<Integer> {
        @Option(names = "--qrels", required = true, paramLabel = "FILE")
        Path qrels;
        @Option(names = "--run", required = true, paramLabel = "FILE")
        Path run;

        @Override
        public Integer call() throws Exception {
            print(TrecRun.score(Beir.qrels(qrels), TrecRun.read(run)));
            return 0;
        }

        static void print(TrecRun.Scores s) {
            System.out.printf(Locale.ROOT, "nDCG@10 %.4f  recall@100 %.4f  (%d queries with judgements)%n",
                    s.ndcg10(), s.recall100(), s.queries());
        }
    }
}
