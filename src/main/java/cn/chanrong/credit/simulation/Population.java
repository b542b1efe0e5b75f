package cn.chanrong.credit.simulation;

import cn.chanrong.credit.features.CreditInputs;
import cn.chanrong.credit.features.FeatureEngine;
import cn.chanrong.credit.features.TxnBlock;
import cn.chanrong.credit.scorecard.Dataset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A panel of simulated firms observed at several year-ends: their model inputs (what a bank sees),
 * whether each defaulted within the next 12 months, and — kept apart from the inputs — the year,
 * ownership, industry segment and growth stage each row belongs to.
 */
public record Population(Dataset data, int[] year, String[] ownership, String[] segment, String[] stage, Firm[] firms) {

    /** {@code firms} firms, each observed at every date in {@code asOfs} (year-ends), with 24 months of flows. */
    public static Population generate(int firms, List<LocalDate> asOfs, long seed) {
        int rows = firms * asOfs.size();
        List<String> names = new ArrayList<>(List.of(FeatureEngine.NAMES));
        names.addAll(List.of(CreditInputs.OUTSIDE_NAMES));
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (String n : names) {
            if (CreditInputs.categorical(n)) {
                text.put(n, new String[rows]);
            } else {
                numeric.put(n, new double[rows]);
            }
        }
        int[] bad = new int[rows];
        int[] year = new int[rows];
        String[] ownership = new String[rows];
        String[] segment = new String[rows];
        String[] stage = new String[rows];
        Firm[] who = new Firm[rows];
        int row = 0;
        for (LocalDate asOf : asOfs) {
            FeatureEngine engine = new FeatureEngine(asOf);
            double[] f = new double[FeatureEngine.NAMES.length];
            for (int i = 0; i < firms; i++) {
                Firm firm = Firm.sample(i, new SplittableRandom(seed * 31 + i));
                SplittableRandom r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L) ^ asOf.toEpochDay());
                TxnBlock.Builder b = new TxnBlock.Builder();
                CashFlowSimulator.Extras x = CashFlowSimulator.flows(firm, asOf, 24, r,
                        (day, fen, cat, cp, flags) -> b.add(day, fen, cat, cp, flags, 1f));
                engine.compute(b.next().build(), 0, x.balanceFen(), f);
                Map<String, Object> in = CreditInputs.of(f, new CreditInputs.Outside(x.taxGrade(), x.taxPaid12(), x.invoiceSales12(),
                        x.bankDebt(), x.lenders(), x.overdue90Share(), x.maxDaysOverdue24m(), x.everBorrowed()));
                for (var e : in.entrySet()) {
                    if (CreditInputs.categorical(e.getKey())) {
                        text.get(e.getKey())[row] = (String) e.getValue();
                    } else {
                        numeric.get(e.getKey())[row] = e.getValue() == null ? Double.NaN : ((Number) e.getValue()).doubleValue();
                    }
                }
                bad[row] = CashFlowSimulator.defaults(firm, asOf, r) ? 1 : 0;
                year[row] = asOf.getYear();
                ownership[row] = firm.ownership();
                segment[row] = firm.segment();
                stage[row] = firm.stage();
                who[row] = firm;
                row++;
            }
        }
        List<Dataset.Column> columns = new ArrayList<>();
        for (String n : names) {
            columns.add(CreditInputs.categorical(n) ? new Dataset.Categorical(n, text.get(n)) : new Dataset.Numeric(n, numeric.get(n)));
        }
        return new Population(new Dataset(columns, bad), year, ownership, segment, stage, who);
    }

    /** Row indexes matching a test. */
    public int[] where(java.util.function.IntPredicate test) {
        return java.util.stream.IntStream.range(0, year.length).filter(test).toArray();
    }
}
