package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Drawdowns;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.ContractedLoan;
import cn.chanrong.lending.domain.DrawdownRules;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drawdowns under one contract. The contract's first loan holds the contracted amount
 * ({@code contract_amount}) and is locked while a drawdown is made, so two drawdowns racing on one
 * contract cannot together exceed it. A later drawdown copies the contract's terms, runs to the
 * contract's maturity (whole months from its value date) and is disbursed through the same path as any
 * loan, with its journal entry. A custom principal plan belongs to one drawdown and so allows none.
 */
@Service
class DrawdownService implements Drawdowns {

    private final LoanStore store;
    private final Disbursement disbursement;
    private final AuditTrail audit;
    private final BusinessDate businessDate;
    private final SanctionService sanctions;

    DrawdownService(LoanStore store, Disbursement disbursement, AuditTrail audit, BusinessDate businessDate,
                    SanctionService sanctions) {
        this.sanctions = sanctions;
        this.store = store;
        this.disbursement = disbursement;
        this.audit = audit;
        this.businessDate = businessDate;
    }

    @Override
    @Transactional
    public Loan disburseFirst(Caller caller, long loanId, LocalDate valueDate, BigDecimal amount, List<Loans.Payee> payees) {
        Loan l = store.own(caller, loanId);
        if (amount != null && amount.compareTo(l.principal()) != 0) {
            l.status().disburse().orThrow();
            List<Rejection> problems = DrawdownRules.firstPart(amount, l.principal(), l.method());
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            store.drawFirstPart(loanId, amount);
        }
        disbursement.disburse(store.lock(loanId), valueDate, payees, caller.username());
        return store.get(caller, loanId);
    }

    @Override
    @Transactional
    public Loan draw(Caller caller, long contractLoanId, LocalDate valueDate, BigDecimal amount, List<Loans.Payee> payees) {
        Loan contract = store.own(caller, contractLoanId);
        Long parent = store.contractOf(contractLoanId);
        if (parent != null) {
            throw Rejected.invalid(Rejection.of("lending.drawdown.not-contract", null, String.valueOf(parent)));
        }
        if (contract.disbursedOn() == null) {
            throw Rejected.conflict(Rejection.of("lending.drawdown.first", null));
        }
        sanctions.drawdownsStopped(contractLoanId).ifPresent(c -> {
            // a confirmed diversion stopped the contract's drawdowns (issue 18 §6)
            throw Rejected.conflict(Rejection.of("lending.drawdown.stopped", null, c));
        });
        Contract c = contract(caller, contractLoanId);
        LocalDate date = valueDate == null ? businessDate.today() : valueDate;
        int months = DrawdownRules.months(date, c.maturity());
        List<Rejection> problems = DrawdownRules.later(amount, c.available(), date, contract.disbursedOn(), c.maturity());
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int seq = c.drawdowns().size() + 1;
        // the contract's terms, to the contract's maturity; the grace period belonged to the first drawdown
        ContractedLoan terms = store.contracted(contractLoanId);
        ContractedLoan.Amortising a = (ContractedLoan.Amortising) terms.repayment();
        ContractedLoan drawdown = disbursement.write(new ContractedLoan(null, contract.number() + "-" + seq,
                new ContractedLoan.Parties(contract.institutionId(), contract.borrowerId(), null),
                new ContractedLoan.Origin(null, contract.facilityId(), contract.productId(), contractLoanId, null, null),
                amount, months, new ContractedLoan.Pricing(contract.rateType(), contract.spreadBp(), contract.annualRate(), null),
                new ContractedLoan.Amortising(a.method(), a.dayCount(), a.paymentDay(), a.periodMonths(), 0, null),
                contract.purpose(), contract.paymentMode(), terms.greenCatalogueCode()), date, caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.drawdown", "loan", contract.number(),
                "drawdown " + seq + " of " + amount.toPlainString() + " on " + date));
        disbursement.disburse(store.lock(drawdown.id()), date, payees, caller.username());
        return store.get(caller, drawdown.id());
    }

    @Override
    @Transactional(readOnly = true)
    public Contract contract(Caller caller, long loanId) {
        Loan l = store.get(caller, loanId);
        Long parent = store.contractOf(loanId);
        Loan first = parent == null ? l : store.get(caller, parent);
        BigDecimal contracted = store.contractAmount(first.id());
        List<Loan> all = new ArrayList<>();
        all.add(first);
        store.drawdowns(first.id()).forEach(k -> all.add(store.get(caller, k)));
        BigDecimal drawn = all.stream().filter(x -> x.disbursedOn() != null).map(Loan::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate maturity = first.maturityDate() != null ? first.maturityDate()
                : (first.disbursedOn() == null ? businessDate.today() : first.disbursedOn()).plusMonths(first.termMonths());
        return new Contract(first.id(), first.number(), contracted, drawn, contracted.subtract(drawn).max(BigDecimal.ZERO), maturity,
                all);
    }
}
