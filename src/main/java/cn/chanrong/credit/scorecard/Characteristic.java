package cn.chanrong.credit.scorecard;

import java.util.List;

/** A binned characteristic with its information value; the missing bin is always the last. */
public record Characteristic(String name, boolean numeric, List<Bin> bins, double iv) {

    public Characteristic {
        bins = List.copyOf(bins);
        if (bins.isEmpty() || !bins.getLast().missing()) {
            throw new IllegalArgumentException(name + ": the last bin must be the missing bin");
        }
    }

    /** The bin index of a numeric value ({@code NaN} = missing). */
    public int binOf(double value) {
        if (Double.isNaN(value)) {
            return bins.size() - 1;
        }
        int last = bins.size() - 2;
        for (int i = 0; i < last; i++) {
            if (value <= bins.get(i).upper()) {
                return i;
            }
        }
        return Math.max(last, 0);
    }

    /** The bin index of a category; unseen categories and {@code null} fall in the missing bin. */
    public int binOf(String value) {
        if (value != null) {
            for (int i = 0; i < bins.size() - 1; i++) {
                if (bins.get(i).categories().contains(value)) {
                    return i;
                }
            }
        }
        return bins.size() - 1;
    }

    /** The bin of one row of a column of the same kind. */
    public int binOf(Dataset.Column column, int row) {
        return switch (column) {
            case Dataset.Numeric n -> numeric ? binOf(n.values()[row]) : binOf(Bin.fmt(n.values()[row]));
            case Dataset.Categorical c -> numeric ? binOf(parse(c.values()[row])) : binOf(c.values()[row]);
        };
    }

    private static double parse(String s) {
        Double d = s == null ? null : Tokens.number(s);
        return d == null ? Double.NaN : d;
    }

    /** The WoE of each row of a column. */
    public double[] woe(Dataset.Column column) {
        double[] out = new double[column.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = bins.get(binOf(column, r)).woe();
        }
        return out;
    }
}
