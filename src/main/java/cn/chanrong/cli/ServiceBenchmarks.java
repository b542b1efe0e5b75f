package cn.chanrong.cli;

import java.util.List;

/** What the service benchmarks share: percentiles, a context without automatic rebuilds, a registry of the right size. */
final class ServiceBenchmarks {

    private ServiceBenchmarks() {
    }

    /** p50, p99 and max of latencies in nanoseconds, in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }


    /**
     * A batch context for benchmarks: the figures are rebuilt only when the benchmark asks ({@link Chanrong.Batch}
     * turns the automatic rebuild off; giving the property twice made it "false,false", which no boolean reads).
     */
    static org.springframework.context.ConfigurableApplicationContext context(String dataDir, List<String> springArgs) {
        return Chanrong.Batch.context(dataDir, springArgs);
    }

    /** Tops the registry up to {@code enterprises} with synthetic ones. */
    static void enterprises(org.springframework.context.ConfigurableApplicationContext ctx, int enterprises, long seed,
                            java.util.function.LongConsumer progress) {
        long have = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("SELECT count(*) FROM enterprise")
                .query(Long.class).single();
        if (have < enterprises) {
            ctx.getBean(cn.chanrong.enterprise.SyntheticRegistry.class).generate((int) (enterprises - have), seed, progress);
        }
    }
}
