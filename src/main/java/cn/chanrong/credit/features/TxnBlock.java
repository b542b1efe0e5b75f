package cn.chanrong.credit.features;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Transactions of many enterprises in columns, grouped by enterprise and sorted by day within each:
 * enterprise {@code e} owns rows {@code start[e]} to {@code start[e + 1]}. Amounts are signed fen
 * (money in positive); {@code counterparty} is an interned id (−1 unknown); {@code weight} is the
 * trust in the row's statement source. Built with {@link Builder}.
 */
public final class TxnBlock {

    public static final byte ROUND_TRIP = 1;
    public static final byte RETURNED = 2;

    final int[] start;
    final int[] day;
    final long[] fen;
    final byte[] category;
    final int[] counterparty;
    final byte[] flags;
    final float[] weight;

    private TxnBlock(int[] start, int[] day, long[] fen, byte[] category, int[] counterparty, byte[] flags, float[] weight) {
        this.start = start;
        this.day = day;
        this.fen = fen;
        this.category = category;
        this.counterparty = counterparty;
        this.flags = flags;
        this.weight = weight;
    }

    public int enterprises() {
        return start.length - 1;
    }

    public int rows() {
        return start[start.length - 1];
    }

    /** Appends rows enterprise by enterprise; call {@link #next()} after each enterprise's rows. */
    public static final class Builder {
        private int[] start = new int[16];
        private int enterprises;
        private int n;
        private int[] day = new int[1024];
        private long[] fen = new long[1024];
        private byte[] category = new byte[1024];
        private int[] counterparty = new int[1024];
        private byte[] flags = new byte[1024];
        private float[] weight = new float[1024];
        private int lastDay = Integer.MIN_VALUE;

        public Builder add(LocalDate date, long amountFen, CounterpartyCategory cat, int counterpartyId, byte flag, float w) {
            return add((int) date.toEpochDay(), amountFen, cat, counterpartyId, flag, w);
        }

        public Builder add(int epochDay, long amountFen, CounterpartyCategory cat, int counterpartyId, byte flag, float w) {
            if (epochDay < lastDay) {
                throw new IllegalArgumentException("rows of an enterprise must come in day order");
            }
            lastDay = epochDay;
            if (n == day.length) {
                int size = n * 2;
                day = Arrays.copyOf(day, size);
                fen = Arrays.copyOf(fen, size);
                category = Arrays.copyOf(category, size);
                counterparty = Arrays.copyOf(counterparty, size);
                flags = Arrays.copyOf(flags, size);
                weight = Arrays.copyOf(weight, size);
            }
            day[n] = epochDay;
            fen[n] = amountFen;
            category[n] = (byte) cat.ordinal();
            counterparty[n] = counterpartyId;
            flags[n] = flag;
            weight[n] = w;
            n++;
            return this;
        }

        /** Closes the current enterprise's rows. */
        public Builder next() {
            enterprises++;
            if (enterprises + 1 > start.length) {
                start = Arrays.copyOf(start, start.length * 2);
            }
            start[enterprises] = n;
            lastDay = Integer.MIN_VALUE;
            return this;
        }

        public TxnBlock build() {
            return new TxnBlock(Arrays.copyOf(start, enterprises + 1), day, fen, category, counterparty, flags, weight);
        }
    }
}
