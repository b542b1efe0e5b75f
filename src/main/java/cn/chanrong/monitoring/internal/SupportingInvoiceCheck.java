package cn.chanrong.monitoring.internal;

import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.PaymentCheck;
import cn.chanrong.monitoring.domain.SupportingInvoice;
import cn.chanrong.scf.InvoiceRegister;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Lending's check before a payment leaves, for payments that cite an invoice: the invoice is matched
 * against the platform's own ({@link SupportingInvoice}), then kept as used in the disbursing transaction.
 * Two disbursements racing for one invoice meet on its key: the second is refused with the first named.
 */
@Component
class SupportingInvoiceCheck implements PaymentCheck {

    private static final Caller MONITORING = Caller.system("monitoring");

    private final InvoiceRegister invoices;
    private final Enterprises enterprises;
    private final InvoiceUseStore uses;

    SupportingInvoiceCheck(InvoiceRegister invoices, Enterprises enterprises, InvoiceUseStore uses) {
        this.invoices = invoices;
        this.enterprises = enterprises;
        this.uses = uses;
    }

    @Override
    public List<Rejection> clear(List<Payment> payments, String actor) {
        List<Rejection> problems = new ArrayList<>();
        List<Payment> cited = payments.stream().filter(p -> p.invoice() != null).toList();
        Set<String> seen = new HashSet<>();
        for (Payment p : cited) {
            if (!seen.add(p.invoice())) {
                problems.add(Rejection.of("monitoring.invoice.twice", "invoice", p.invoice()));
                continue;
            }
            String borrowerCode = enterprises.get(MONITORING, p.borrowerId()).creditCode();
            SupportingInvoice.Invoice invoice = invoices.invoice(p.invoice())
                    .map(f -> new SupportingInvoice.Invoice(f.number(), f.sellerName(), f.buyerCode(), f.total(),
                            f.reversed(), f.financedReceivable()))
                    .orElse(null);
            problems.addAll(SupportingInvoice.check(p.invoice(),
                    new SupportingInvoice.Payment(p.payee(), p.amount(), borrowerCode), invoice,
                    uses.use(p.invoice()).orElse(null)));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (Payment p : cited) {
            if (!uses.claim(p, actor)) {
                // taken between the check and now by a disbursement that committed first
                uses.use(p.invoice()).ifPresent(e -> problems.add(Rejection.of("monitoring.invoice.used", "invoice",
                        p.invoice(), e.valueDate(), e.loanNumber(), e.payee(), e.amount().toPlainString())));
            }
        }
        return problems;
    }
}
