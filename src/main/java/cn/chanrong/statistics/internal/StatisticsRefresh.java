package cn.chanrong.statistics.internal;

import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.ProductCatalogue;
import cn.chanrong.reference.BusinessDate;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the figures in one transaction: the periods as of the business date, every figure set-wise
 * ({@link StatisticsStore}), the copy of the institutions' plans against their books, and the refresh
 * row. Readers see the previous figures until the rebuild commits.
 */
@Component
class StatisticsRefresh {

    /** Months of history kept as periods, besides year to date. */
    static final int MONTHS = 24;

    private final StatisticsStore store;
    private final BusinessDate businessDate;
    private final Institutions institutions;
    private final ProductCatalogue products;
    private final cn.chanrong.lending.CreditPlans plans;

    StatisticsRefresh(StatisticsStore store, BusinessDate businessDate, Institutions institutions, ProductCatalogue products,
                      cn.chanrong.lending.CreditPlans plans) {
        this.plans = plans;
        this.store = store;
        this.businessDate = businessDate;
        this.institutions = institutions;
        this.products = products;
    }

    /** One period: its range, the date its balance is read, and the same range a year earlier. */
    record Period(String name, LocalDate start, LocalDate end, LocalDate lyStart, LocalDate lyEnd) {
    }

    static List<Period> periods(LocalDate asOf) {
        List<Period> out = new ArrayList<>();
        out.add(new Period("YTD", asOf.withDayOfYear(1), asOf, asOf.minusYears(1).withDayOfYear(1), asOf.minusYears(1)));
        YearMonth m = YearMonth.from(asOf);
        for (int i = 0; i < MONTHS; i++) {
            YearMonth ym = m.minusMonths(i);
            LocalDate end = ym.atEndOfMonth().isAfter(asOf) ? asOf : ym.atEndOfMonth();
            out.add(new Period(ym.toString(), ym.atDay(1), end, ym.minusYears(1).atDay(1), end.minusYears(1)));
        }
        return out;
    }

    @Transactional
    public long refresh() {
        long t0 = System.nanoTime();
        store.lockForRebuild();
        LocalDate asOf = businessDate.today();
        store.rebuildFigures(asOf, periods(asOf));
        // plans against the book: the loan core computes them; the dashboard reads this copy
        store.deletePlans();
        for (var rep : plans.reports(cn.chanrong.identity.Caller.system("statistics"), asOf.getYear())) {
            if (rep.plan() == null) {
                continue;
            }
            store.insertPlan(rep);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        store.markRefreshed(asOf, ms, institutions.list().size(), products.live().size());
        return ms;
    }
}
