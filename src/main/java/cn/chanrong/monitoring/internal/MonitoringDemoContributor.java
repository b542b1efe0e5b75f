package cn.chanrong.monitoring.internal;

import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's watch over loan money: the bank reports the SME's account around its latest loan — a supplier
 * paid, a broker paid (left open in the bank's queue), and a trading firm paid that pays most of it back
 * (confirmed by the bank, which then classifies the loan special mention and charges penalty interest on the
 * diverted amount, so regulators see one case and what was done about it).
 */
@Component
class MonitoringDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(MonitoringDemoContributor.class);

    private final Monitoring monitoring;
    private final PaymentStore payments;
    private final Users users;
    private final Proceeds proceeds;
    private final CashFlows cashFlows;
    private final BusinessDate businessDate;
    private final cn.chanrong.institution.Institutions institutions;

    MonitoringDemoContributor(Monitoring monitoring, PaymentStore payments, Users users, Proceeds proceeds,
                              CashFlows cashFlows, BusinessDate businessDate, cn.chanrong.institution.Institutions institutions) {
        this.institutions = institutions;
        this.monitoring = monitoring;
        this.payments = payments;
        this.users = users;
        this.proceeds = proceeds;
        this.cashFlows = cashFlows;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void contribute(Path economy) {
        if (payments.any()) {
            return;
        }
        Caller bank = users.caller("bank").orElse(null);
        Caller sme = users.caller("enterprise").orElse(null);
        if (bank == null || sme == null) {
            return;
        }
        LocalDate today = businessDate.today();
        var loan = proceeds.disbursed(bank.institutionId(), sme.enterpriseId(), LocalDate.of(1900, 1, 1), today).stream()
                .findFirst().orElse(null);
        if (loan == null) {
            log.warn("The demo SME has no loan at the demo bank: no monitoring demo");
            return;
        }
        // the bank reports the flows of the accounts it keeps: the SME's settlement account there, opened if need be
        String bankName = institutions.list().stream().filter(i -> i.id() == bank.institutionId())
                .map(cn.chanrong.institution.Institution::name).findFirst().orElseThrow();
        var account = cashFlows.accounts(sme, sme.enterpriseId()).stream()
                .filter(a -> a.heldAt() != null && a.heldAt() == bank.institutionId()).findFirst()
                .orElseGet(() -> cashFlows.bindAccount(Caller.system("demo-loader"), sme.enterpriseId(),
                        "62305001" + String.format("%08d", sme.enterpriseId()), bankName, "CNY"));
        LocalDate d = loan.disbursedOn();
        BigDecimal p = loan.principal();
        List<Monitoring.Incoming> events = new ArrayList<>();
        String ref = "DEMO-" + loan.number() + "-";
        events.add(event(0, ref + "1", Monitoring.Direction.DEBIT, account.accountNo(), "福州精工轴承有限公司",
                "3501000000000101", share(p, "0.40"), day(d, 1, today), account.currency(), "轴承采购货款"));
        events.add(event(1, ref + "2", Monitoring.Direction.DEBIT, account.accountNo(), "国信证券股份有限公司",
                "3501000000000202", share(p, "0.15"), day(d, 2, today), account.currency(), "证券账户入金"));
        events.add(event(2, ref + "3", Monitoring.Direction.DEBIT, account.accountNo(), "福州榕通贸易有限公司",
                "3501000000000303", share(p, "0.20"), day(d, 2, today), account.currency(), "采购预付款"));
        events.add(event(3, ref + "4", Monitoring.Direction.CREDIT, account.accountNo(), "福州榕通贸易有限公司",
                "3501000000000303", share(p, "0.19"), day(d, 4, today), account.currency(), "退回预付款"));
        var report = monitoring.report(bank, events);
        // the bank investigated the round trip and confirmed it; the payment to the broker waits in its queue
        Caller approver = users.caller("bank-approver").orElse(bank);
        monitoring.alerts(bank, "OPEN", PageRequest.of(0, 20)).items().stream()
                .filter(a -> a.loanId() == loan.loanId() && cn.chanrong.monitoring.domain.RoundTrip.RULE.equals(a.rule())).findFirst()
                .ifPresent(a -> {
                    monitoring.decide(approver, a.id(), new Monitoring.OutcomeRequest("CONFIRMED",
                            "预付款两日后退回九成五，资金回流借款人，认定为挪用贷款资金 / the prepayment came back within two days:"
                                    + " loan money diverted"));
                    // and acted on it as the contract allows: special mention, penalty interest on what was diverted
                    monitoring.act(approver, a.id(), new Monitoring.ActionRequest("SPECIAL_MENTION",
                            "挪用贷款资金，列入关注类 / loan money diverted: special mention", null, null, null));
                    monitoring.act(approver, a.id(), new Monitoring.ActionRequest("DIVERSION_PENALTY",
                            "按合同对挪用部分加收罚息 / penalty interest on the diverted amount under the contract",
                            null, null, null));
                    // and reported the enterprise to the joint risk-warning mechanism
                    monitoring.act(approver, a.id(), new Monitoring.ActionRequest("REPORT_TO_WARNING",
                            "贷款资金经预付款回流借款人，已认定挪用，报送联合风险预警", null, null, null));
                });
        log.info("Demo monitoring: {} payments on {}'s account around loan {}, {} alerts", report.accepted(),
                account.accountNo(), loan.number(), report.alerts());
    }

    private static BigDecimal share(BigDecimal principal, String share) {
        return principal.multiply(new BigDecimal(share)).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate day(LocalDate disbursed, int after, LocalDate today) {
        LocalDate d = disbursed.plusDays(after);
        return d.isAfter(today) ? today : d;
    }

    private static Monitoring.Incoming event(int index, String reference, Monitoring.Direction direction, String account,
                                             String counterparty, String counterpartyAccount, BigDecimal amount,
                                             LocalDate on, String currency, String remittance) {
        return new Monitoring.Incoming(index, reference, reference, new Monitoring.PaymentEvent(direction, account,
                counterpartyAccount, counterparty, amount, currency, on, reference, remittance), List.of());
    }
}
