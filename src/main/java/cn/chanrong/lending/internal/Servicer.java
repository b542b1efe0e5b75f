package cn.chanrong.lending.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Allocation;
import cn.chanrong.lending.domain.ClassificationRules;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.ProvisionRates;
import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Brings loans to a date and keeps their classification and provision true. Callers hold the loans'
 * row locks (taken in id order) and a transaction; everything here joins it.
 */
@Component
class Servicer {

    /** The unrounded accruals and the classification facts the public {@link Loan} view does not carry. */
    record Exact(BigDecimal interestExact, BigDecimal penaltyExact, LocalDate lastOverdueOn, LocalDate observationFrom,
                 LocalDate observationEnd, boolean nplBeforeRestructure, int restructureCount, BigDecimal divertedAmount,
                 BigDecimal diversionMarkup) {
    }

    /**
     * Penalty over the days after {@code from} up to and including {@code to} (unrounded): on overdue
     * principal and interest, and the diversion uplift on the diverted amount of a confirmed diversion.
     */
    static BigDecimal penaltyBetween(Loan l, Exact x, List<Installment> s, LocalDate from, LocalDate to) {
        BigDecimal p = Accrual.penalty(s, from, to, l.annualRate(), l.penaltyMarkup());
        return x.divertedAmount() == null ? p
                : p.add(Accrual.diversion(s, x.divertedAmount(), from, to, l.annualRate(), x.diversionMarkup()), MathContext.DECIMAL128);
    }

    private final LoanStore store;
    private final AccrualStore accruals;
    private final ClassificationStore classifications;
    private final Postings postings;
    private final ApplicationEventPublisher events;
    private final ClassificationRules rules;
    private final ProvisionStore provisions;

    Servicer(LoanStore store, AccrualStore accruals, ClassificationStore classifications, Postings postings, ApplicationEventPublisher events,
             ProvisionStore provisions, @Value("${chanrong.lending.technical-overdue-days:0}") int technicalOverdueDays) {
        this.provisions = provisions;
        this.store = store;
        this.accruals = accruals;
        this.classifications = classifications;
        this.postings = postings;
        this.events = events;
        this.rules = new ClassificationRules(technicalOverdueDays);
    }

    Exact exact(long loanId) {
        return accruals.exact(loanId);
    }

    /**
     * Accrues interest and penalty from the day after {@code accruedThrough} to the end of {@code date},
     * posts the fen-rounded change of the cumulative figures, and records the loan as brought to
     * {@code date}. A loan already there is left alone.
     */
    Loan bringTo(Loan l, LocalDate date, String actor) {
        if (!l.status().onBook() || l.accruedThrough() == null || !date.isAfter(l.accruedThrough())) {
            return l;
        }
        List<Installment> s = store.installments(l.id());
        Exact x = exact(l.id());
        BigDecimal penaltyExact = x.penaltyExact()
                .add(penaltyBetween(l, x, s, l.accruedThrough(), date), MathContext.DECIMAL128);
        BigDecimal interestExact = Accrual.interestThrough(s, date);
        int dpd = Accrual.daysPastDue(s, date);
        BigDecimal dInterest = Accrual.fen(interestExact).subtract(l.interestAccrued());
        BigDecimal dPenalty = Accrual.fen(penaltyExact).subtract(l.penaltyAccrued());
        BigDecimal total = dInterest.add(dPenalty);
        Long entry = null;
        if (total.signum() != 0) {
            entry = postings.accrual(l.institutionId(), l.id(), date, total, l.nonAccrual(),
                    "loan:" + l.id() + ":accrual:" + date, actor).id();
        }
        if (!accruals.record(l.id(), date, dInterest, dPenalty, l.nonAccrual(), entry)) {
            throw new IllegalStateException("loan " + l.id() + " was already brought to " + date);
        }
        accruals.accrued(l.id(), date, interestExact, penaltyExact, dInterest, dPenalty,
                l.nonAccrual() ? BigDecimal.ZERO : total, l.nonAccrual() ? total : BigDecimal.ZERO, dpd);
        return store.lock(l.id());
    }

    /**
     * After the schedule changed (a payoff split the current period): posts the rounding difference
     * between what the new schedule has earned by {@code date} and what was posted.
     */
    Loan trueUp(Loan l, LocalDate date, String source, String actor) {
        List<Installment> s = store.installments(l.id());
        BigDecimal interestExact = Accrual.interestThrough(s, date);
        BigDecimal d = Accrual.fen(interestExact).subtract(l.interestAccrued());
        if (d.signum() != 0) {
            postings.accrual(l.institutionId(), l.id(), date, d, l.nonAccrual(), source, actor);
            accruals.trueUp(l.id(), interestExact, d, l.nonAccrual() ? BigDecimal.ZERO : d,
                    l.nonAccrual() ? d : BigDecimal.ZERO);
        }
        return store.lock(l.id());
    }

    /**
     * What is due on {@code date} by bucket, and the payoff: principal, interest earned to the day
     * before (including what the current period has accrued but not yet posted) and penalty — the
     * penalty accrued by the end of the day before as well, which a repayment on {@code date} brings
     * the loan to first, so that paying the quoted figures settles exactly what was quoted.
     */
    Loans.Dues dues(Loan l, List<Installment> s, LocalDate date) {
        BigDecimal penaltyAccrued = l.penaltyAccrued();
        LocalDate dayBefore = date.minusDays(1);
        if (l.status().onBook() && l.accruedThrough() != null && dayBefore.isAfter(l.accruedThrough())) {
            Exact x = exact(l.id());
            BigDecimal exact = x.penaltyExact().add(penaltyBetween(l, x, s, l.accruedThrough(), dayBefore), MathContext.DECIMAL128);
            penaltyAccrued = Accrual.fen(exact);
        }
        Map<Allocation.Bucket, BigDecimal> owed = Allocation.owed(penaltyAccrued.subtract(l.penaltyPaid()), s, date);
        BigDecimal dueNow = owed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal accruing = l.accruedThrough() == null ? BigDecimal.ZERO
                : Accrual.fen(Accrual.interestThrough(s, dayBefore)).subtract(l.interestAccrued()).max(BigDecimal.ZERO);
        BigDecimal payoff = l.principalOutstanding().add(l.interestAccrued()).add(accruing).subtract(l.interestPaid())
                .add(owed.get(Allocation.Bucket.PENALTY));
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Loans.Dues(date, owed.get(Allocation.Bucket.PENALTY),
                owed.getOrDefault(Allocation.Bucket.OVERDUE_INTEREST, zero),
                owed.getOrDefault(Allocation.Bucket.OVERDUE_PRINCIPAL, zero),
                owed.getOrDefault(Allocation.Bucket.CURRENT_INTEREST, zero),
                owed.getOrDefault(Allocation.Bucket.CURRENT_PRINCIPAL, zero), dueNow,
                l.status().onBook() ? payoff : zero);
    }

    /** What the rules say about one loan, the obligor-level contagion left to {@link #classifyObligor}. */
    ClassificationRules.Result ruled(Loan l, LocalDate date, BigDecimal nplShare) {
        return ruled(l, exact(l.id()), classifications.facts(l.id()), date, nplShare, null);
    }

    ClassificationRules.Result ruled(Loan l, Exact x, ClassificationStore.Facts f, LocalDate date, BigDecimal nplShare,
                                     BigDecimal marketOverdue90Share) {
        ClassificationRules.Restructuring r = x.observationEnd() != null && !date.isAfter(x.observationEnd())
                ? new ClassificationRules.Restructuring(true, tierBefore(x, f), x.restructureCount() > 1, l.tier())
                : null;
        ClassificationRules.Signals signals = new ClassificationRules.Signals(f.purposeBreach(), f.renewedWhileAbnormal());
        return rules.classify(new ClassificationRules.Facts(l.daysPastDue(), l.manualFloor(), nplShare, marketOverdue90Share,
                r, signals));
    }

    /** The tier before the restructuring; a loan restructured before it was stored, from its NPL flag. */
    private static Tier tierBefore(Exact x, ClassificationStore.Facts f) {
        if (f.tierBeforeRestructure() != null) {
            return f.tierBeforeRestructure();
        }
        return x.nplBeforeRestructure() ? Tier.SUBSTANDARD : Tier.NORMAL;
    }

    /**
     * Why a non-performing loan may not move up yet, or null when it may: arrears repaid, then two
     * due dates or six months paid normally (whichever is longer), and no other non-performing loan of
     * the borrower at the bank (FACTS §2).
     */
    String nplUpgradeBlocker(Loan l, LocalDate date, boolean otherNpl) {
        if (l.daysPastDue() > 0) {
            return "arrears-unpaid";
        }
        if (otherNpl) {
            return "other-npl-at-bank";
        }
        LocalDate since = exact(l.id()).lastOverdueOn();
        if (since == null) {
            return null;
        }
        List<Installment> schedule = store.installments(l.id());
        long duesSince = schedule.stream().filter(i -> i.due().isAfter(since) && !i.due().isAfter(date)).count();
        LocalDate twoPeriods = schedule.stream().filter(i -> i.due().isAfter(since))
                .map(Installment::due).sorted().skip(1).findFirst().orElse(LocalDate.MAX);
        LocalDate sixMonths = since.plusMonths(6);
        LocalDate needed = twoPeriods.isAfter(sixMonths) ? twoPeriods : sixMonths;
        return duesSince >= 2 && !date.isBefore(needed) ? null : "observation-" + needed;
    }

    /**
     * Classifies every active loan of one risk obligor at an institution on {@code date}: the per-loan
     * rules, then the 10 % rule (more than a tenth of the obligor's claims at the bank non-performing
     * makes them all non-performing); non-performing loans move up only when the upgrade conditions hold.
     * A loan whose tier and provision stay as they are is only returned (the caller marks it classified
     * in bulk); a change that moves the loan in or out of non-accrual goes through {@link #apply}; the
     * others are added to {@code batch} for {@link #applyAll}. The loans must be locked by the caller.
     */
    List<Long> classifyObligor(List<Loan> loans, Map<Long, Exact> exacts, Map<Long, ClassificationStore.Facts> facts,
                               ProvisionRates rates, LocalDate date, String actor, BigDecimal marketOverdue90Share,
                               List<Change> batch) {
        List<Loan> active = loans.stream().filter(l -> l.status().onBook()).toList();
        List<Long> unchanged = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal npl = BigDecimal.ZERO;
        List<ClassificationRules.Result> own = new ArrayList<>();
        for (Loan l : active) {
            Exact x = exacts.get(l.id());
            if (x.observationEnd() != null && !date.isAfter(x.observationEnd()) && l.daysPastDue() > 0) {
                restartObservationOnMissedPayment(l, date);
                x = exact(l.id());
                exacts.put(l.id(), x);
            }
            ClassificationRules.Result r = ruled(l, x, facts.get(l.id()), date, null, marketOverdue90Share);
            own.add(r);
            total = total.add(l.principalOutstanding());
            if (r.tier().nonPerforming()) {
                npl = npl.add(l.principalOutstanding());
            }
        }
        BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO : npl.divide(total, MathContext.DECIMAL64);
        for (int k = 0; k < active.size(); k++) {
            Loan l = active.get(k);
            ClassificationRules.Result r = ruled(l, exacts.get(l.id()), facts.get(l.id()), date, share,
                    marketOverdue90Share);
            Tier to = r.tier();
            if (l.tier().nonPerforming() && to.compareTo(l.tier()) < 0) {
                final int self = k;
                boolean otherNpl = java.util.stream.IntStream.range(0, active.size())
                        .anyMatch(j -> j != self && own.get(j).tier().nonPerforming());
                if (nplUpgradeBlocker(l, date, otherNpl) != null) {
                    to = l.tier();
                }
            }
            BigDecimal target = rates.provision(to, l.principalOutstanding());
            boolean nonAccrualAligned = to.nonPerforming() == l.nonAccrual();
            if (to == l.tier() && target.compareTo(l.provision()) == 0 && nonAccrualAligned) {
                unchanged.add(l.id());
            } else if (nonAccrualAligned) {
                batch.add(new Change(l, to, r.rule(), reasonFor(r.rule(), l), target));
            } else {
                apply(l, to, r.rule(), reasonFor(r.rule(), l), date, actor);
            }
        }
        return unchanged;
    }

    /**
     * A missed payment during a restructuring's observation period starts the period again from the
     * next payment date: two periods and a year of clean payments are needed after the last miss.
     */
    private void restartObservationOnMissedPayment(Loan l, LocalDate date) {
        List<LocalDate> next = store.installments(l.id()).stream().map(Installment::due).filter(d -> d.isAfter(date))
                .sorted().limit(2).toList();
        if (next.isEmpty()) {
            return;
        }
        LocalDate from = next.get(0);
        LocalDate end = from.plusMonths(12);
        if (next.size() > 1 && next.get(1).isAfter(end)) {
            end = next.get(1);
        }
        classifications.restartObservation(l.id(), from, end);
    }

    private static String reasonFor(String rule, Loan l) {
        if (rule.startsWith("dpd-")) {
            return Postings.WORDS.both("reason.dpd", l.daysPastDue());
        }
        return Postings.WORDS.both(switch (rule) {
            case "contagion-bank-10pct", "contagion-market-20pct", "restructured-observation", "manual",
                 "restructured-npl-observation", "restructured-again", "purpose-breach", "renewal-while-abnormal",
                 "npl-at-other-banks" -> "reason." + rule;
            default -> "reason.performing";
        });
    }

    /** Records a tier change with its rule and reason, then aligns non-accrual status and the provision. */
    /** A new tier and provision for a loan that stays on the same side of non-accrual. */
    record Change(Loan loan, Tier to, String rule, String reason, BigDecimal provision) {
    }

    /**
     * {@link #apply} for many loans at once, none moving in or out of non-accrual: the classification
     * history, the tiers and provisions in one statement each, the provision entries in one batch per
     * book, and an event per new tier.
     */
    void applyAll(List<Change> changes, LocalDate date, String actor) {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> moved = changes.stream().filter(c -> c.to() != c.loan().tier()).toList();
        classifications.recordAll(moved, date, actor);
        classifications.tiersAndProvisions(changes, date);
        postings.provisions(changes.stream().filter(c -> c.provision().compareTo(c.loan().provision()) != 0).toList(),
                date, actor);
        for (Change c : moved) {
            Loan l = c.loan();
            events.publishEvent(new LoanEvent.LoanClassified(l.id(), l.institutionId(), l.borrowerId(), l.tier(), c.to(),
                    c.rule(), date));
        }
    }

    Loan apply(Loan l, Tier to, String rule, String reason, LocalDate date, String actor) {
        if (to != l.tier()) {
            classifications.record(l.id(), date, l.tier(), to, rule, reason, actor);
            classifications.tier(l.id(), to);
            events.publishEvent(new LoanEvent.LoanClassified(l.id(), l.institutionId(), l.borrowerId(), l.tier(), to, rule,
                    date));
        }
        classifications.classifiedOn(l.id(), date);
        Loan now = store.lock(l.id());
        if (to.nonPerforming() && !now.nonAccrual()) {
            if (now.receivable().signum() > 0) {
                postings.toNonAccrual(now.institutionId(), now.id(), date, now.receivable(),
                        "loan:" + now.id() + ":non-accrual:v" + now.version(), actor);
            }
            classifications.toNonAccrual(now.id());
        } else if (!to.nonPerforming() && now.nonAccrual()) {
            classifications.backToAccrual(now.id());
        }
        return provision(store.lock(l.id()), date, actor);
    }

    /** Keeps the loan's provision at its tier's rate of the outstanding principal, as its institution configured it. */
    Loan provision(Loan l, LocalDate date, String actor) {
        BigDecimal target = l.status().onBook()
                ? provisions.rates(l.institutionId(), date).provision(l.tier(), l.principalOutstanding())
                : BigDecimal.ZERO.setScale(2);
        BigDecimal change = target.subtract(l.provision());
        if (change.signum() == 0) {
            return l;
        }
        postings.provision(l.institutionId(), l.id(), date, change, "loan:" + l.id() + ":provision:v" + l.version(), actor);
        classifications.provision(l.id(), target);
        return store.lock(l.id());
    }
}
