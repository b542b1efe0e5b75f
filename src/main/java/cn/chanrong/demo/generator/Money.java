package cn.chanrong.demo.generator;

/**
 * Amounts are {@code long} fen (0.01 yuan) throughout the generator, written as yuan with two
 * decimals. Random shapes (growth, margins) are drawn as doubles and each amount is rounded once to
 * whole fen; sums and differences of amounts (equity = assets − liabilities) are exact in fen.
 */
final class Money {

    static final long YUAN = 100;
    static final long WAN = 10_000 * YUAN;
    static final long MILLION = 1_000_000 * YUAN;

    private Money() {
    }

    /** Rounds a yuan figure half up to whole fen. */
    static long fen(double yuan) {
        return (long) StrictMath.floor(yuan * 100.0 + 0.5);
    }

    /** Rounds to a multiple of {@code step} fen (half up), e.g. whole yuan or 10,000 yuan. */
    static long roundTo(long fen, long step) {
        return Math.floorDiv(fen + step / 2, step) * step;
    }

    static void append(StringBuilder b, long fen) {
        long v = fen;
        if (v < 0) {
            b.append('-');
            v = -v;
        }
        b.append(v / 100).append('.');
        long cents = v % 100;
        if (cents < 10) {
            b.append('0');
        }
        b.append(cents);
    }

    static String format(long fen) {
        StringBuilder b = new StringBuilder(24);
        append(b, fen);
        return b.toString();
    }
}
