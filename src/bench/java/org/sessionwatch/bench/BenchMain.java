package org.sessionwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs the whole benchmark suite ({@code mvn -Pbench verify}), writes {@code results.json} and prints a table.
 *
 * <p>Arguments: the output directory, then optionally {@code only=fanout,decode,...} to run some figures (by
 * {@link Step#key()}). A figure that fails is recorded as failed with the reason; the others still run.
 */
public final class BenchMain {

    /** One figure group: a key to select it by and the code that measures it. */
    record Step(String key, String title, StepBody body) {
    }

    @FunctionalInterface
    interface StepBody {
        List<Figure> run() throws Exception;
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: BenchMain <output directory> [only=key,key]");
        }
        Path out = Path.of(args[0]);
        Set<String> only = Arrays.stream(args).skip(1).filter(a -> a.startsWith("only="))
                .flatMap(a -> Arrays.stream(a.substring(5).split(","))).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equals("all")).collect(Collectors.toSet());
        Files.createDirectories(out);

        Instant started = Instant.now();
        Map<String, Object> machine = Machine.describe();
        System.out.println("SessionWatch benchmarks on " + machine);
        List<Figure> figures = new ArrayList<>();
        Map<String, Double> stepSeconds = new LinkedHashMap<>();
        for (Step step : Suite.steps()) {
            if (!only.isEmpty() && !only.contains(step.key())) {
                continue;
            }
            System.out.println();
            System.out.println("=== " + step.title() + " (" + step.key() + ")");
            long t0 = System.nanoTime();
            try {
                figures.addAll(step.body().run());
            } catch (Exception | Error e) {
                System.out.println("    FAILED: " + e);
                figures.add(Figure.plain(step.key() + ".failed", Double.NaN, "", null, false,
                        "the benchmark failed: " + e));
            }
            stepSeconds.put(step.key(), Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        }
        machine.put("loadAverageAtEnd", Machine.loadAverage());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", started.toString());
        report.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        report.put("machine", machine);
        report.put("stepSeconds", stepSeconds);
        report.put("figures", figures);
        Path json = out.resolve("results.json");
        FigureOutput.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);

        Files.writeString(out.resolve("results.md"), String.format(Locale.ROOT,
                "Measured %s by `mvn -Pbench verify` (%s s for the benchmarks; steps in s: %s) on %s CPUs (%s),"
                        + " %s GiB RAM, %s, %s; load average (1, 5, 15 min) %s at the start, %s at the end.%n%n",
                started, report.get("durationSeconds"), stepSeconds, machine.get("nproc"), machine.get("cpu"),
                machine.get("ramGiB"), machine.get("jdk"), machine.get("os"), machine.get("loadAverageAtStart"),
                machine.get("loadAverageAtEnd")) + ResultTable.markdown(figures));

        System.out.println();
        System.out.println(ResultTable.render(figures));
        System.out.println("Machine: " + machine);
        System.out.println("Step times (s): " + stepSeconds);
        System.out.println("Written: " + json.toAbsolutePath());
        long failed = figures.stream().filter(f -> Boolean.FALSE.equals(f.pass())).count();
        System.out.printf(Locale.ROOT, "%d figures, %d meet their target, %d miss it%n", figures.size(),
                figures.stream().filter(f -> Boolean.TRUE.equals(f.pass())).count(), failed);
    }
}
