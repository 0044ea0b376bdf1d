package io.ganeticonfd.loadgen;

import java.nio.file.Path;
import java.util.List;

import io.ganeticonfd.client.ConfdClientBuilder;
import io.ganeticonfd.client.HmacKeyFile;

/**
 * The parsed {@code bench} command line. {@code window} is per socket: the requests kept in flight
 * (closed loop) or the cap on them (open loop, {@code rate > 0}, requests per second in total).
 */
record BenchOptions(boolean help, String target, Path keyFile, boolean demo, int window, double rate,
        double durationSeconds, double warmupSeconds, int threads, BenchMix mix, int timeoutMillis, boolean json) {

    static final String DEFAULT_TARGET = "127.0.0.1:" + ConfdClientBuilder.DEFAULT_PORT;
    static final int DEFAULT_WINDOW = 16;
    static final int DEFAULT_OPEN_LOOP_CAP = 4096;
    static final int MAX_WINDOW = 65_536;

    private static final List<String> VALUED = List.of("--target", "--hmac-key-file", "--window", "--rate",
            "--duration", "--warmup", "--threads", "--mix", "--timeout-ms");

    /** Whether this is an open-loop run. */
    boolean openLoop() {
        return rate > 0;
    }

    /** Parses the arguments that follow {@code bench}. */
    static BenchOptions parse(String[] args) {
        boolean help = false;
        boolean json = false;
        boolean demo = false;
        String target = DEFAULT_TARGET;
        Path keyFile = null;
        Integer window = null;
        double rate = 0;
        double duration = 5;
        double warmup = 1;
        int threads = 1;
        String mix = BenchMix.DEFAULT;
        int timeout = 1000;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            boolean inline = a.startsWith("--") && eq > 0;
            String name = inline ? a.substring(0, eq) : a;
            if (List.of("-h", "--help", "--json", "--demo").contains(name)) {
                if (inline) {
                    throw new IllegalArgumentException("option " + name + " takes no value");
                }
                help |= name.equals("-h") || name.equals("--help");
                json |= name.equals("--json");
                demo |= name.equals("--demo");
                continue;
            }
            if (!name.startsWith("-")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            String value;
            if (inline) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            switch (name) {
                case "--target" -> target = value;
                case "--hmac-key-file" -> keyFile = Path.of(value);
                case "--window" -> window = (int) number(name, value, 1, MAX_WINDOW, true);
                case "--rate" -> rate = number(name, value, 0.001, 1e8, false);
                case "--duration" -> duration = number(name, value, 0.001, 86_400, false);
                case "--warmup" -> warmup = number(name, value, 0, 86_400, false);
                case "--threads" -> threads = (int) number(name, value, 1, 256, true);
                case "--mix" -> mix = value;
                case "--timeout-ms" -> timeout = (int) number(name, value, 1, 600_000, true);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (demo && keyFile != null) {
            throw new IllegalArgumentException("--demo and --hmac-key-file cannot be combined");
        }
        if (!demo && keyFile == null) {
            keyFile = HmacKeyFile.GANETI_PATH;
        }
        int w = window != null ? window : rate > 0 ? DEFAULT_OPEN_LOOP_CAP : DEFAULT_WINDOW;
        return new BenchOptions(help, target, keyFile, demo, w, rate, duration, warmup, threads,
                help ? null : BenchMix.parse(mix), timeout, json);
    }

    private static double number(String name, String text, double min, double max, boolean integer) {
        try {
            double v = integer ? Integer.parseInt(text.strip()) : Double.parseDouble(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + name + ": expected " + (integer ? "a whole number" : "a number")
                + " from " + BenchMix.weightText(min) + " to " + BenchMix.weightText(max) + ", got '" + text + "'");
    }
}
