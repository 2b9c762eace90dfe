package org.sessionwatch.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs JMH benchmarks with the suite's budget: one fork, 3 warm-up and 5 measured iterations of one second each.
 * That is modest on purpose (the whole suite must finish in minutes on two shared cores); the reported error is the
 * 99.9 % confidence interval JMH computes from those five iterations.
 */
final class Jmh {

    /** A benchmark method's score and error, in its own unit. */
    record Score(double value, double error, String unit) {
        String describe() {
            return String.format(Locale.ROOT, "%.0f ± %.0f %s (JMH, 1 fork, 3x1 s warm-up, 5x1 s measured)",
                    value, error, unit);
        }
    }

    private Jmh() {
    }

    /** Runs every benchmark whose name matches {@code includeRegex}; keyed by simple class name + "." + method. */
    static Map<String, Score> run(String includeRegex) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(includeRegex)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Score> scores = new HashMap<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            String[] parts = benchmark.split("\\.");
            String key = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Result<?> primary = run.getPrimaryResult();
            scores.put(key, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return scores;
    }

    static Score require(Map<String, Score> scores, String key) {
        Score score = scores.get(key);
        if (score == null) {
            throw new IllegalStateException("JMH produced no result for " + key + "; it has " + scores.keySet());
        }
        return score;
    }
}
