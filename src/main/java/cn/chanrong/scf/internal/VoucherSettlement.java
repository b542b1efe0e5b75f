package cn.chanrong.scf.internal;

import static cn.chanrong.scf.internal.VoucherInputs.MAX_AMOUNT;
import static cn.chanrong.scf.internal.VoucherInputs.requireEnterprise;
import static cn.chanrong.scf.internal.VoucherInputs.fen;
import static cn.chanrong.scf.internal.VoucherInputs.yuan;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.Vouchers.Line;
import cn.chanrong.scf.Vouchers.Part;
import cn.chanrong.scf.Vouchers.SettleRequest;
import cn.chanrong.scf.Vouchers.Settled;
import cn.chanrong.scf.Vouchers.Voucher;
import cn.chanrong.scf.domain.Settlement;
import cn.chanrong.scf.domain.VoucherPartStatus;
import cn.chanrong.scf.domain.VoucherStatus;
import cn.chanrong.scf.internal.VoucherStore.EventRow;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settling a voucher at maturity in one transaction: the issuer's payment is shared over the outstanding
 * parts, a discounted part's share collected on its funder's loan, and any shortfall made overdue.
 */
@Component
class VoucherSettlement {

    private final TransactionTemplate tx;
    private final VoucherStore store;
    private final VoucherSpending spending;
    private final TradeFinance tradeFinance;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final AlertStore alerts;

    VoucherSettlement(TransactionTemplate tx, VoucherStore store, VoucherSpending spending,
                      TradeFinance tradeFinance, BusinessDate businessDate, AuditTrail audit, AlertStore alerts) {
        this.alerts = alerts;
        this.tx = tx;
        this.store = store;
        this.spending = spending;
        this.tradeFinance = tradeFinance;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    public Settled settle(Caller caller, long voucherId, SettleRequest r) {
        requireEnterprise(caller);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(r == null ? null : r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            spending.lockVoucher(voucherId);
            Voucher v = store.voucher(voucherId).orElseThrow();
            if (v.issuerId() != caller.enterpriseId()) {
                throw store.visible(caller, voucherId)
                        ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-issuer", null, v.number()))
                        : Rejected.notFound("voucher", voucherId);
            }
            VoucherStatus status = VoucherStatus.of(v.status());
            status.settle(v.number(), false).orThrow(); // the guard, before anything moves
            LocalDate today = businessDate.today();
            if (today.isBefore(v.maturity())) {
                throw Rejected.invalid(Rejection.of("voucher.settle-early", "amount", v.maturity(), today));
            }
            List<Part> outstanding = store.parts(voucherId).stream()
                    .filter(p -> VoucherPartStatus.of(p.status()).outstanding()).toList();
            Settlement.Plan plan = Settlement.plan(fen(amount), outstanding.stream()
                    .map(p -> new Settlement.LivePart(String.valueOf(p.id()), p.holderName(), fen(p.amount()),
                            VoucherPartStatus.of(p.status()) == VoucherPartStatus.DISCOUNTED ? p.funderName() : null))
                    .toList());
            if (!plan.rejections().isEmpty()) {
                throw Rejected.invalid(plan.rejections());
            }
            List<Line> lines = new ArrayList<>();
            Map<Long, BigDecimal> funderShortfall = new LinkedHashMap<>();
            for (int i = 0; i < outstanding.size(); i++) {
                Part p = outstanding.get(i);
                Settlement.Line line = plan.lines().get(i);
                lines.add(pay(caller, v, p, line, today, funderShortfall));
            }
            funderShortfall.forEach((funder, gap) -> alerts.raise("VOUCHER_OVERDUE", funder, v.issuerId(),
                    "voucher:" + v.number() + ":" + funder, "Voucher " + v.number() + " of " + v.issuerName()
                            + " unpaid at maturity " + v.maturity() + ": " + gap.toPlainString()
                            + " of the discounted parts overdue; " + recourse(v.id(), funder), gap, today));
            BigDecimal shortfall = yuan(plan.shortfallFen());
            store.markSettled(voucherId, status.settle(v.number(), shortfall.signum() > 0).orThrow(), amount, today);
            audit.record(AuditEvent.success(caller.username(), "voucher.settle", "scf_voucher", v.number(),
                    "paid " + amount.toPlainString() + " of " + v.faceValue().toPlainString()
                            + (shortfall.signum() == 0 ? "" : ", overdue " + shortfall.toPlainString())));
            return new Settled(store.voucher(voucherId).orElseThrow(), lines, shortfall);
        });
    }

    public Settled payOverdue(Caller caller, long voucherId, SettleRequest r) {
        requireEnterprise(caller);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(r == null ? null : r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("voucher.positive", "amount", r.amount().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            spending.lockVoucher(voucherId);
            Voucher v = store.voucher(voucherId).orElseThrow();
            if (v.issuerId() != caller.enterpriseId()) {
                throw store.visible(caller, voucherId)
                        ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-issuer", null, v.number()))
                        : Rejected.notFound("voucher", voucherId);
            }
            VoucherStatus status = VoucherStatus.of(v.status());
            status.payLate(v.number(), true).orThrow(); // the guard, before anything moves
            LocalDate today = businessDate.today();
            List<Part> unpaid = store.parts(voucherId).stream()
                    .filter(p -> p.shortfall() != null && p.shortfall().signum() > 0).toList();
            Settlement.Plan plan = Settlement.plan(fen(amount), unpaid.stream()
                    .map(p -> new Settlement.LivePart(String.valueOf(p.id()), p.holderName(), fen(p.shortfall()),
                            p.loanId() != null ? p.funderName() : null))
                    .toList());
            if (!plan.rejections().isEmpty()) {
                throw Rejected.invalid(plan.rejections());
            }
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < unpaid.size(); i++) {
                Part p = unpaid.get(i);
                Settlement.Line line = plan.lines().get(i);
                BigDecimal paid = yuan(line.paidFen());
                if (paid.signum() == 0) {
                    continue;
                }
                int n = store.payShortfall(p.id(), paid, p.shortfall());
                if (n != 1) {
                    throw spending.spent(p.id());
                }
                BigDecimal applied = line.toFunder() ? tradeFinance.collect(p.loanId(), paid, today, caller.username())
                        : null;
                store.event(new EventRow(v.id(), p.id(), "LATE_PAYMENT", paid, v.issuerId(),
                        line.toFunder() ? null : p.holderId(), line.toFunder() ? p.funderId() : null, null,
                        "to " + line.payee() + " after maturity " + v.maturity()
                                + (applied == null ? "" : ", applied to the loan " + applied.toPlainString()),
                        line.toFunder() ? p.loanId() : null,
                        applied != null && applied.signum() > 0 ? spending.lastEntry(p.loanId()) : null,
                        caller.username(), today));
                lines.add(new Line(p.id(), line.payee(), line.toFunder(), p.shortfall(), paid, yuan(line.shortfallFen()),
                        line.toFunder() ? p.loanId() : null, applied));
            }
            BigDecimal left = yuan(plan.shortfallFen());
            store.recordLatePayment(voucherId, amount, status.payLate(v.number(), left.signum() > 0).orThrow(), today);
            if (left.signum() == 0) {
                unpaid.stream().map(Part::funderId).filter(java.util.Objects::nonNull).distinct()
                        .forEach(f -> alerts.clear("voucher:" + v.number() + ":" + f, List.of("VOUCHER_OVERDUE"), today,
                                caller.username()));
            }
            audit.record(AuditEvent.success(caller.username(), "voucher.late-payment", "scf_voucher", v.number(),
                    "paid " + amount.toPlainString() + " after maturity" + (left.signum() == 0 ? ", settled"
                            : ", still overdue " + left.toPlainString())));
            return new Settled(store.voucher(voucherId).orElseThrow(), lines, left);
        });
    }

    /** Pays one outstanding part its share: to the funder's loan when discounted, else to the holder. */
    private Line pay(Caller caller, Voucher v, Part p, Settlement.Line line, LocalDate today,
                     Map<Long, BigDecimal> funderShortfall) {
        BigDecimal paid = yuan(line.paidFen());
        BigDecimal gap = yuan(line.shortfallFen());
        int n = store.settlePart(p.id(), p.status(), VoucherPartStatus.of(p.status()).settle(p.id()).orThrow(), paid, gap);
        if (n != 1) {
            throw spending.spent(p.id());
        }
        BigDecimal applied = null;
        Long entry = null;
        if (line.toFunder() && paid.signum() > 0) {
            applied = tradeFinance.collect(p.loanId(), paid, today, caller.username());
            entry = applied.signum() > 0 ? spending.lastEntry(p.loanId()) : null;
        }
        store.event(new EventRow(v.id(), p.id(), "SETTLE", paid, v.issuerId(), line.toFunder() ? null : p.holderId(),
                line.toFunder() ? p.funderId() : null, null,
                "to " + line.payee() + (applied == null ? "" : ", applied to the loan " + applied.toPlainString()),
                line.toFunder() ? p.loanId() : null, entry, caller.username(), today));
        if (gap.signum() > 0) {
            store.event(new EventRow(v.id(), p.id(), "OVERDUE", gap, v.issuerId(),
                    line.toFunder() ? null : p.holderId(), line.toFunder() ? p.funderId() : null, null, "unpaid at maturity " + v.maturity(),
                    line.toFunder() ? p.loanId() : null, null, caller.username(), today));
            if (line.toFunder()) {
                funderShortfall.merge(p.funderId(), gap, BigDecimal::add);
            }
        }
        return new Line(p.id(), line.payee(), line.toFunder(), p.amount(), paid, gap,
                line.toFunder() ? p.loanId() : null, applied);
    }

    /** What the funder may claim beyond the issuer, as the discount terms agreed. */
    private String recourse(long voucherId, long funder) {
        boolean any = store.recourseAgreed(voucherId, funder);
        return any ? "recourse to the discounting holder as agreed" : "no recourse: the claim rests on the issuer";
    }
}
