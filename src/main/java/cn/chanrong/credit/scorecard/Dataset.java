package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of characteristics with a binary label ({@code 1} = bad, i.e. default). Numeric columns hold
 * {@code NaN} for a missing value; categorical columns hold {@code null}.
 */
public record Dataset(List<Column> columns, int[] bad) {

    public Dataset {
        columns = List.copyOf(columns);
        Objects.requireNonNull(bad);
        for (Column c : columns) {
            if (c.size() != bad.length) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " values, label has " + bad.length);
            }
        }
    }

    /** One characteristic's values, numeric or categorical. */
    public sealed interface Column permits Numeric, Categorical {
        String name();

        int size();

        boolean missing(int row);

        Column rows(int[] index);
    }

    public record Numeric(String name, double[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean missing(int row) {
            return Double.isNaN(values[row]);
        }

        @Override
        public Numeric rows(int[] index) {
            double[] v = new double[index.length];
            for (int i = 0; i < index.length; i++) {
                v[i] = values[index[i]];
            }
            return new Numeric(name, v);
        }
    }

    public record Categorical(String name, String[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean missing(int row) {
            return values[row] == null;
        }

        @Override
        public Categorical rows(int[] index) {
            String[] v = new String[index.length];
            for (int i = 0; i < index.length; i++) {
                v[i] = values[index[i]];
            }
            return new Categorical(name, v);
        }
    }

    public int size() {
        return bad.length;
    }

    public int bads() {
        int n = 0;
        for (int b : bad) {
            n += b;
        }
        return n;
    }

    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** The rows at {@code index}, in that order. */
    public Dataset rows(int[] index) {
        List<Column> cs = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cs.add(c.rows(index));
        }
        int[] b = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            b[i] = bad[index[i]];
        }
        return new Dataset(cs, b);
    }
}
