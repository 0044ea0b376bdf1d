package io.ganeticonfd.config;

import java.util.function.Consumer;

/**
 * Runs the parser a few times over a generated mid-sized config shaped like a real one
 * ({@link WarmUpConfig}), on a low-priority thread after start-up, so that the first large reload
 * runs compiled code instead of the interpreter (a cold JVM takes several times longer for its
 * first 18 MB config).
 */
final class ParserWarmUp {

    private static final int ROUNDS = 12;

    private ParserWarmUp() {
    }

    /**
     * Parses the generated config {@link #ROUNDS} times, hands each snapshot to {@code prepare} (as a
     * reload does before the swap) and finishes it as the cache does after the swap.
     */
    static void run(ConfigParser parser, Consumer<ClusterSnapshot> prepare) {
        byte[] config = WarmUpConfig.generate();
        for (int i = 0; i < ROUNDS; i++) {
            try {
                ClusterSnapshot s = parser.parse(config);
                prepare.accept(s);
                s.finish();
            } catch (ConfigException e) {
                throw new IllegalStateException("the warm-up config does not parse: " + e.getMessage());
            }
        }
    }
}
