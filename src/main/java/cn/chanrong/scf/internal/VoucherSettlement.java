package cn.chanrong.scf.internal;

import static cn.chanrong.scf.internal.VoucherInputs.MAX_AMOUNT;
import static cn.chanrong.scf.internal.VoucherInputs.requireEnterprise;
import static cn.chanrong.scf.internal.VoucherReads.fen;
import static cn.chanrong.scf.internal.VoucherReads.yuan;

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
import cn.chanrong.scf.internal.VoucherSpending.EventRow;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settling a voucher at maturity in one transaction: the issuer's payment is shared over the outstanding
 * parts, a discounted part's share collected on its funder's loan, and any shortfall made overdue.
 */
@Component
class VoucherSettlement {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VoucherReads reads;
    private final VoucherSpending spending;
    private final TradeFinance tradeFinance;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final Alerts alerts;

    VoucherSettlement(JdbcClient jdbc, TransactionTemplate tx, VoucherReads reads, VoucherSpending spending,
                      TradeFinance tradeFinance, BusinessDate businessDate, AuditTrail audit, Alerts alerts) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.reads = reads;
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
            Voucher v = reads.voucher(voucherId).orElseThrow();
            if (v.issuerId() != caller.enterpriseId()) {
                throw reads.visible(caller, voucherId)
                        ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-issuer", null, v.number()))
                        : Rejected.notFound("voucher", voucherId);
            }
            VoucherStatus status = VoucherStatus.of(v.status());
            status.settle(v.number(), false).orThrow(); // the guard, before anything moves
            LocalDate today = businessDate.today();
            if (today.isBefore(v.maturity())) {
                throw Rejected.invalid(Rejection.of("voucher.settle-early", "amount", v.maturity(), today));
            }
            List<Part> outstanding = reads.parts(voucherId).stream()
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
            jdbc.sql("UPDATE scf_voucher SET status = :st, paid = :p, settled_on = :d WHERE id = :id")
                    .param("st", status.settle(v.number(), shortfall.signum() > 0).orThrow().name()).param("p", amount).param("d", today)
                    .param("id", voucherId).update();
            audit.record(AuditEvent.success(caller.username(), "voucher.settle", "scf_voucher", v.number(),
                    "paid " + amount.toPlainString() + " of " + v.faceValue().toPlainString()
                            + (shortfall.signum() == 0 ? "" : ", overdue " + shortfall.toPlainString())));
            return new Settled(reads.voucher(voucherId).orElseThrow(), lines, shortfall);
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
            Voucher v = reads.voucher(voucherId).orElseThrow();
            if (v.issuerId() != caller.enterpriseId()) {
                throw reads.visible(caller, voucherId)
                        ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-issuer", null, v.number()))
                        : Rejected.notFound("voucher", voucherId);
            }
            VoucherStatus status = VoucherStatus.of(v.status());
            status.payLate(v.number(), true).orThrow(); // the guard, before anything moves
            LocalDate today = businessDate.today();
            List<Part> unpaid = reads.parts(voucherId).stream()
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
                int n = jdbc.sql("""
                                UPDATE scf_voucher_part SET paid = paid + :p, shortfall = shortfall - :p
                                WHERE id = :id AND status = 'SETTLED' AND shortfall = :old""")
                        .param("p", paid).param("id", p.id()).param("old", p.shortfall()).update();
                if (n != 1) {
                    throw spending.spent(p.id());
                }
                BigDecimal applied = line.toFunder() ? tradeFinance.collect(p.loanId(), paid, today, caller.username())
                        : null;
                spending.event(new EventRow(v.id(), p.id(), "LATE_PAYMENT", paid, v.issuerId(),
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
            jdbc.sql("""
                            UPDATE scf_voucher SET paid = paid + :p, status = :st, settled_on = :d WHERE id = :id""")
                    .param("p", amount).param("st", status.payLate(v.number(), left.signum() > 0).orThrow().name())
                    .param("d", today).param("id", voucherId).update();
            if (left.signum() == 0) {
                unpaid.stream().map(Part::funderId).filter(java.util.Objects::nonNull).distinct()
                        .forEach(f -> alerts.clear("voucher:" + v.number() + ":" + f, List.of("VOUCHER_OVERDUE"), today,
                                caller.username()));
            }
            audit.record(AuditEvent.success(caller.username(), "voucher.late-payment", "scf_voucher", v.number(),
                    "paid " + amount.toPlainString() + " after maturity" + (left.signum() == 0 ? ", settled"
                            : ", still overdue " + left.toPlainString())));
            return new Settled(reads.voucher(voucherId).orElseThrow(), lines, left);
        });
    }

    /** Pays one outstanding part its share: to the funder's loan when discounted, else to the holder. */
    private Line pay(Caller caller, Voucher v, Part p, Settlement.Line line, LocalDate today,
                     Map<Long, BigDecimal> funderShortfall) {
        BigDecimal paid = yuan(line.paidFen());
        BigDecimal gap = yuan(line.shortfallFen());
        int n = jdbc.sql("""
                        UPDATE scf_voucher_part SET status = :to, paid = :p, shortfall = :g
                        WHERE id = :id AND status = :old""")
                .param("to", VoucherPartStatus.of(p.status()).settle(p.id()).orThrow().name()).param("p", paid).param("g", gap).param("id", p.id()).param("old", p.status()).update();
        if (n != 1) {
            throw spending.spent(p.id());
        }
        BigDecimal applied = null;
        Long entry = null;
        if (line.toFunder() && paid.signum() > 0) {
            applied = tradeFinance.collect(p.loanId(), paid, today, caller.username());
            entry = applied.signum() > 0 ? spending.lastEntry(p.loanId()) : null;
        }
        spending.event(new EventRow(v.id(), p.id(), "SETTLE", paid, v.issuerId(), line.toFunder() ? null : p.holderId(),
                line.toFunder() ? p.funderId() : null, null,
                "to " + line.payee() + (applied == null ? "" : ", applied to the loan " + applied.toPlainString()),
                line.toFunder() ? p.loanId() : null, entry, caller.username(), today));
        if (gap.signum() > 0) {
            spending.event(new EventRow(v.id(), p.id(), "OVERDUE", gap, v.issuerId(),
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
        boolean any = jdbc.sql("""
                        SELECT coalesce(bool_or(recourse), FALSE) FROM scf_voucher_part
                         WHERE voucher_id = :v AND funder_id = :f""")
                .param("v", voucherId).param("f", funder).query(Boolean.class).single();
        return any ? "recourse to the discounting holder as agreed" : "no recourse: the claim rests on the issuer";
    }
}
