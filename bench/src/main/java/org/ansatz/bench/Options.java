package org.ansatz.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line of the suite.
 *
 * @param quick      fewer repeats and sizes; the time-to-accuracy case is skipped
 * @param out        directory for results.csv and results.md
 * @param repeats    timed repeats per measurement (after warm-up); 0 means the mode's default
 * @param cases      case ids to run, in suite order
 * @param threads    intra-op threads on both sides (inter-op is always 1)
 * @param ttaSettings extra {@code --set} arguments for the time-to-accuracy run
 * @param ttaRepeats  end-to-end runs for time to accuracy
 * @param problems    problems of the accuracy case (empty: its whole table)
 * @param seeds       seeds of the accuracy case
 */
public record Options(boolean quick, Path out, int repeats, Set<String> cases, int threads, List<String> ttaSettings,
        int ttaRepeats, List<String> problems, List<Integer> seeds) {

    /** Every case, in the order the suite runs them. */
    public static final List<String> CASES = List.of("steps", "order", "laplacian", "memory", "startup", "tta",
            "accuracy");

    /** What runs without {@code --cases}: everything but the accuracy table, which takes hours. */
    public static final List<String> DEFAULT_CASES = CASES.subList(0, CASES.size() - 1);

    static final String USAGE = "bench/run [--quick] [--out DIR] [--repeats N] [--threads N] [--cases "
            + String.join(",", CASES) + "] [--tta-set key=value]... [--tta-repeats N] [--problems a,b] [--seeds 0,1,2]"
            + "   (or bench/run --jmh [JMH args])";

    public Options {
        cases = Set.copyOf(cases);
        ttaSettings = List.copyOf(ttaSettings);
        problems = List.copyOf(problems);
        seeds = List.copyOf(seeds);
    }

    /** @param repo the repository root, under which the default output directory lies */
    public static Options parse(List<String> args, Path repo) {
        boolean quick = false;
        Path out = null;
        int repeats = 0;
        Set<String> cases = new LinkedHashSet<>(DEFAULT_CASES);
        List<String> problems = new ArrayList<>();
        List<Integer> seeds = new ArrayList<>(List.of(0, 1, 2));
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> tta = new ArrayList<>();
        int ttaRepeats = 1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> quick = true;
                case "--out" -> out = Paths.get(value(args, ++i, a));
                case "--repeats" -> repeats = positive(value(args, ++i, a), a);
                case "--threads" -> threads = positive(value(args, ++i, a), a);
                case "--tta-repeats" -> ttaRepeats = positive(value(args, ++i, a), a);
                case "--tta-set" -> {
                    String kv = value(args, ++i, a);
                    if (!kv.contains("=")) {
                        throw new IllegalArgumentException("--tta-set needs key=value, got '" + kv + "'");
                    }
                    tta.add(kv);
                }
                case "--problems" -> {
                    problems.clear();
                    for (String p : value(args, ++i, a).split(",")) {
                        if (!p.isBlank()) {
                            problems.add(p.strip());
                        }
                    }
                }
                case "--seeds" -> {
                    seeds.clear();
                    for (String p : value(args, ++i, a).split(",")) {
                        try {
                            seeds.add(Integer.parseInt(p.strip()));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seeds needs integers, got '" + p + "'");
                        }
                    }
                }
                case "--cases" -> {
                    cases.clear();
                    for (String c : value(args, ++i, a).split(",")) {
                        if (!CASES.contains(c.strip())) {
                            throw new IllegalArgumentException("unknown case '" + c + "'; cases: " + CASES);
                        }
                        cases.add(c.strip());
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'; usage: " + USAGE);
            }
        }
        if (out == null) {
            out = repo.resolve("runs").resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                    "yyyyMMdd-HHmmss")));
        }
        return new Options(quick, out, repeats, cases, threads, tta, ttaRepeats, problems, seeds);
    }

    /** Timed repeats per micro measurement: never fewer than 5 unless asked for explicitly. */
    public int stepRepeats() {
        return repeats > 0 ? repeats : quick ? 10 : 30;
    }

    /** Repeats of measurements that start a process each (memory, start-up): 3 in quick mode, else 5. */
    public int processRepeats() {
        return repeats > 0 ? Math.min(repeats, 5) : quick ? 3 : 5;
    }

    public boolean runs(String id) {
        return cases.contains(id);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String v, String option) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive integer, got '" + v + "'");
    }
}
