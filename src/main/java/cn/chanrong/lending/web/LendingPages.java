package cn.chanrong.lending.web;

import cn.chanrong.audit.RejectedRequestRecorder;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Products;
import cn.chanrong.lending.Facilities;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.ApprovalStep;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Workbench screens of lending: the loan book by tier and days past due, a loan with its schedule,
 * transactions and classification history and the actions its state allows, the application queue by
 * approval step, and facilities. Every form posts, then redirects back with the outcome.
 */
@Controller
class LendingPages {

    private final cn.chanrong.credit.CreditDecisions decisions;
    private final cn.chanrong.lending.Drawdowns drawdowns;

    private final Loans loans;
    private final LoanApplications applications;
    private final Facilities facilities;
    private final Products products;
    private final BusinessDate businessDate;
    private final ApiErrors errors;
    private final RejectedRequestRecorder rejectedAudit;
    private final cn.chanrong.lending.CreditPlans creditPlans;

    private final cn.chanrong.reference.FinanceCatalogues catalogues;
    private final BorrowerPicker borrowers;

    LendingPages(Loans loans, LoanApplications applications, Facilities facilities, Products products,
                 BusinessDate businessDate, ApiErrors errors, RejectedRequestRecorder rejectedAudit,
                 cn.chanrong.lending.CreditPlans creditPlans, cn.chanrong.credit.CreditDecisions decisions,
                 cn.chanrong.lending.Drawdowns drawdowns, cn.chanrong.reference.FinanceCatalogues catalogues,
                 BorrowerPicker borrowers) {
        this.borrowers = borrowers;
        this.catalogues = catalogues;
        this.drawdowns = drawdowns;
        this.decisions = decisions;
        this.creditPlans = creditPlans;
        this.loans = loans;
        this.applications = applications;
        this.facilities = facilities;
        this.products = products;
        this.businessDate = businessDate;
        this.errors = errors;
        this.rejectedAudit = rejectedAudit;
    }

    @GetMapping("/loans")
    @PreAuthorize("isAuthenticated()")
    String loans(Caller caller, Model model, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String tier, @RequestParam(required = false) Boolean overdue,
                 @RequestParam(required = false) Integer page) {
        Tier t = java.util.Arrays.stream(Tier.values()).filter(x -> x.name().equals(tier)).findFirst().orElse(null);
        String s = status == null || status.isBlank() ? null : status;
        var result = loans.search(caller, new Loans.Filter(s, t, null, overdue), PageRequest.of(page == null ? 0 : Math.max(0, page), 20));
        model.addAttribute("result", result);
        model.addAttribute("status", s);
        model.addAttribute("tier", t == null ? null : t.name());
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("statuses", new String[] {"CONTRACTED", "ACTIVE", "REPAID", "RENEWED", "WRITTEN_OFF"});
        return "loan/list";
    }

    @GetMapping("/loans/{id}")
    @PreAuthorize("isAuthenticated()")
    String loan(Caller caller, @PathVariable long id, Model model) {
        Loan l = loans.get(caller, id);
        model.addAttribute("l", l);
        model.addAttribute("schedule", loans.schedule(caller, id));
        model.addAttribute("transactions", loans.transactions(caller, id));
        model.addAttribute("history", loans.classifications(caller, id));
        model.addAttribute("today", businessDate.today());
        if (l.status().onBook()) {
            model.addAttribute("dues", loans.dues(caller, id, businessDate.today()));
        }
        boolean own = caller.is(Role.INSTITUTION) && caller.institutionId() == l.institutionId();
        model.addAttribute("mayService", own && (caller.hasAuthority("operator") || caller.hasAuthority("approver")));
        model.addAttribute("mayApprove", own && caller.hasAuthority("approver"));
        // monitoring follows the money of a paid-out loan for its bank's staff and the financial regulators
        model.addAttribute("mayTrace", l.disbursedOn() != null && (own || caller.isFinancialRegulator() || caller.isAdmin()));
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("tags", loans.tags(caller, id));
        model.addAttribute("securities", loans.securities(caller, id));
        model.addAttribute("payees", loans.payees(caller, id));
        model.addAttribute("contract", drawdowns.contract(caller, id));
        return "loan/detail";
    }

    /** Runs a form action; a refusal comes back as messages on the page it was posted from. */
    private String act(Caller caller, Locale locale, RedirectAttributes flash, String action, long id, String back,
                       Supplier<String> effect) {
        try {
            String target = effect.get();
            flash.addFlashAttribute("saved", true);
            return "redirect:" + (target == null ? back : target);
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            rejectedAudit.recordRejected(caller.username(), action, "loan", Long.toString(id),
                    r.kind() + " " + r.rejections().stream().map(Rejection::code).toList());
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:" + back;
        }
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(Rejection.of("date.format", "valueDate", raw));
        }
    }

    /** A rate typed into a form: at most six decimals, as the API reads it. */
    private static final int RATE_SCALE = 6;

    /**
     * A decimal typed into a form that the service checks at two decimals — money, a share of one, the
     * restructured rate — read once here by the API's grammar: null when blank, so the service says what
     * is required; refused with {@code amount.format} or {@code amount.scale} on {@code field}, shown on
     * the page like any other refusal since every caller reads it inside {@link #act}.
     */
    private static BigDecimal decimal(String raw, String field) {
        return Amounts.read(raw, field, 2);
    }

    @PostMapping("/loans/{id}/disburse")
    @PreAuthorize("hasRole('INSTITUTION')")
    String disburse(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String valueDate,
                    @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.disburse", id, "/loans/" + id, () -> {
            loans.disburse(caller, id, date(valueDate), payees(form));
            return null;
        });
    }

    /**
     * Up to two payees typed into the disbursement form, each with its amount and how it is paid (blank:
     * as the contract says); one payee without an amount takes the whole principal.
     */
    private static java.util.List<Loans.Payee> payees(Map<String, String> form) {
        java.util.List<Loans.Payee> out = new java.util.ArrayList<>();
        for (String k : java.util.List.of("payee", "payee2")) {
            String name = form.get(k);
            if (name != null && !name.isBlank()) {
                String mode = form.get(k + "Mode");
                String invoice = form.get(k + "Invoice");
                out.add(new Loans.Payee(name, null, decimal(form.get(k + "Amount"), "amount"),
                        mode == null || mode.isBlank() ? null : mode, invoice == null || invoice.isBlank() ? null : invoice));
            }
        }
        return out;
    }

    @PostMapping("/loans/{id}/drawdown")
    @PreAuthorize("hasRole('INSTITUTION')")
    String drawdown(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String valueDate,
                    @RequestParam(required = false) java.math.BigDecimal amount, @RequestParam Map<String, String> form,
                    RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.drawdown", id, "/loans/" + id, () -> "/loans/" + drawdowns.draw(caller, id,
                date(valueDate), amount, payees(form)).id());
    }

    @PostMapping("/loans/{id}/repay")
    @PreAuthorize("hasRole('INSTITUTION')")
    String repay(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String amount,
                 @RequestParam(required = false) String valueDate, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String mode, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.repay", id, "/loans/" + id, () -> {
            loans.repay(caller, id, new Loans.RepaymentRequest(decimal(amount, "amount"), date(valueDate), type, mode));
            return null;
        });
    }

    @PostMapping("/loans/{id}/classify")
    @PreAuthorize("hasRole('INSTITUTION')")
    String classify(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String tier,
                    @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.reclassify", id, "/loans/" + id, () -> {
            loans.reclassify(caller, id, java.util.Arrays.stream(Tier.values()).filter(x -> x.name().equals(tier))
                    .findFirst().orElse(null), reason);
            return null;
        });
    }

    @PostMapping("/loans/{id}/restructure")
    @PreAuthorize("hasRole('INSTITUTION')")
    String restructure(Caller caller, Locale locale, @PathVariable long id,
                       @RequestParam(required = false) Integer termMonths,
                       @RequestParam(required = false) String annualRate,
                       @RequestParam(required = false) Boolean forgiveArrears,
                       @RequestParam(required = false) Boolean financialDifficulty,
                       @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.restructure", id, "/loans/" + id, () -> {
            loans.restructure(caller, id, new Loans.RestructureRequest(termMonths, decimal(annualRate, "annualRate"),
                    Boolean.TRUE.equals(forgiveArrears), Boolean.TRUE.equals(financialDifficulty), reason));
            return null;
        });
    }

    @PostMapping("/loans/{id}/renew")
    @PreAuthorize("hasRole('INSTITUTION')")
    String renew(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) Integer termMonths,
                 @RequestParam(required = false) String interestPayment, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.renew", id, "/loans/" + id,
                () -> "/loans/" + loans.renew(caller, id,
                        new Loans.RenewalRequest(termMonths, decimal(interestPayment, "interestPayment"))).id());
    }

    @PostMapping("/loans/{id}/write-off")
    @PreAuthorize("hasRole('INSTITUTION')")
    String writeOff(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String reason,
                    RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.write-off", id, "/loans/" + id, () -> {
            loans.writeOff(caller, id, reason);
            return null;
        });
    }

    @PostMapping("/loans/{id}/transfer")
    @PreAuthorize("hasRole('INSTITUTION')")
    String transfer(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String price,
                    @RequestParam(required = false) String buyer, @RequestParam(required = false) String reason,
                    RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.transfer", id, "/loans/" + id, () -> {
            loans.transfer(caller, id, new Loans.TransferRequest(decimal(price, "price"), buyer, reason));
            return null;
        });
    }

    @PostMapping("/loans/{id}/recover")
    @PreAuthorize("hasRole('INSTITUTION')")
    String recover(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String amount,
                   RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.recover", id, "/loans/" + id, () -> {
            loans.recover(caller, id, decimal(amount, "amount"), null);
            return null;
        });
    }

    @GetMapping("/loan-applications")
    @PreAuthorize("isAuthenticated()")
    String applications(Caller caller, Model model, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String step, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", applications.search(caller, status, step,
                PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("status", status == null || status.isBlank() ? null : status);
        model.addAttribute("step", step == null || step.isBlank() ? null : step);
        model.addAttribute("steps", ApprovalStep.values());
        model.addAttribute("statuses", new String[] {"IN_PROGRESS", "APPROVED", "REJECTED", "CONTRACTED"});
        model.addAttribute("mayApply", caller.is(Role.ENTERPRISE) || caller.is(Role.INSTITUTION) && caller.hasAuthority("operator"));
        return "loan/applications";
    }

    @GetMapping("/loan-applications/new")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ENTERPRISE')")
    String newApplication(Caller caller, Model model) {
        Long institution = caller.is(Role.INSTITUTION) ? caller.institutionId() : null;
        model.addAttribute("products", products.search(caller, new Products.ProductFilter(null, "PUBLISHED", null, institution),
                PageRequest.of(0, 100)).items());
        model.addAttribute("enterpriseUser", caller.is(Role.ENTERPRISE));
        // credit lines by borrower and amount, never by number (issue 24 §2)
        model.addAttribute("facilities", facilities.drawable(caller));
        // the green catalogue in force today, chosen by name (issue 19 §6)
        var green = catalogues.inForce(cn.chanrong.reference.FinanceCatalogues.Kind.GREEN, businessDate.today());
        model.addAttribute("greenEdition", green.orElse(null));
        model.addAttribute("greenItems", green.map(e -> catalogues.items(e.edition())).orElse(java.util.List.of()));
        return "loan/application-form";
    }

    @PostMapping("/loan-applications/new")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ENTERPRISE')")
    String submit(Caller caller, Locale locale, @RequestParam(required = false) Long productId,
                  @RequestParam(required = false) String borrower, @RequestParam(required = false) Long facilityId,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) Integer termMonths,
                  @RequestParam(required = false) String rateType, @RequestParam(required = false) String fixedRate,
                  @RequestParam(required = false) Integer spreadBp, @RequestParam(required = false) String method,
                  @RequestParam(required = false) String purpose, @RequestParam(required = false) String paymentMode,
                  @RequestParam(required = false) Integer paymentDay, @RequestParam(required = false) String frequency,
                  @RequestParam(required = false) Integer graceMonths, @RequestParam(required = false) String projectInvestment,
                  @RequestParam(required = false) String termReason,
                  @RequestParam(required = false) String greenCatalogueCode, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan-application.submit", 0, "/loan-applications/new",
                () -> "/loan-applications/" + applications.submit(caller, new LoanApplications.Request(productId,
                        caller.is(Role.ENTERPRISE) ? null : borrowers.resolve(caller, borrower), facilityId, decimal(amount, "amount"), termMonths, rateType,
                        Amounts.read(fixedRate, "fixedRate", RATE_SCALE), spreadBp, method, null, purpose,
                        paymentMode, paymentDay, frequency, graceMonths, null, null, greenCatalogueCode,
                        decimal(projectInvestment, "projectInvestment"), termReason)).id());
    }

    @GetMapping("/loan-applications/{id}")
    @PreAuthorize("isAuthenticated()")
    String application(Caller caller, @PathVariable long id, Model model) {
        LoanApplication a = applications.get(caller, id);
        model.addAttribute("a", a);
        boolean own = caller.is(Role.INSTITUTION) && caller.institutionId() == a.institutionId();
        model.addAttribute("mayAct", own && a.nextStep() != null && a.nextStep().mayAct(caller.authorities()));
        model.addAttribute("mayContract", own && a.status().contract().allowed());
        model.addAttribute("ownInstitution", own);
        if (own) {
            // the institution's latest credit decision on the borrower, when there is one
            decisions.list(caller, a.borrowerId(), cn.chanrong.shared.PageRequest.of(0, 1)).items().stream().findFirst()
                    .ifPresent(d -> model.addAttribute("decision", d));
        }
        return "loan/application";
    }

    @PostMapping("/loan-applications/{id}/act")
    @PreAuthorize("hasRole('INSTITUTION')")
    String actOn(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String decision,
                 @RequestParam(required = false) String comment, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan-application.act", id, "/loan-applications/" + id, () -> {
            applications.act(caller, id, decision, comment);
            return null;
        });
    }

    @PostMapping("/loan-applications/{id}/contract")
    @PreAuthorize("hasRole('INSTITUTION')")
    String contract(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(caller, locale, flash, "loan.contract", id, "/loan-applications/" + id,
                () -> "/loans/" + loans.contract(caller, id).id());
    }

    @GetMapping("/credit-plan")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'REGULATOR', 'ADMIN')")
    String creditPlan(Caller caller, Model model, @RequestParam(required = false) Integer year) {
        int y = year == null ? businessDate.today().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("reports", caller.is(Role.INSTITUTION)
                ? java.util.List.of(creditPlans.report(caller, caller.institutionId(), y)) : creditPlans.reports(caller, y));
        model.addAttribute("mayPlan", caller.is(Role.INSTITUTION) && caller.hasAuthority("approver"));
        return "loan/credit-plan";
    }

    @PostMapping("/credit-plan")
    @PreAuthorize("hasRole('INSTITUTION')")
    String setCreditPlan(Caller caller, Locale locale, @RequestParam int year,
                         @RequestParam(required = false) String netIncreaseTarget,
                         @RequestParam(required = false) String mltShareTarget,
                         @RequestParam(required = false) String creditShareTarget,
                         @RequestParam(required = false) Integer firstLoanTarget,
                         @RequestParam(required = false) String keyChainBalanceTarget, RedirectAttributes flash) {
        return act(caller, locale, flash, "credit-plan.set", year, "/credit-plan?year=" + year, () -> {
            creditPlans.set(caller, year, new cn.chanrong.lending.CreditPlans.Request(
                    decimal(netIncreaseTarget, "netIncreaseTarget"), decimal(mltShareTarget, "mltShareTarget"),
                    decimal(creditShareTarget, "creditShareTarget"), firstLoanTarget,
                    decimal(keyChainBalanceTarget, "keyChainBalanceTarget")));
            return null;
        });
    }

    @GetMapping("/facilities")
    @PreAuthorize("isAuthenticated()")
    String facilities(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", facilities.search(caller, null, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("mayOpen", caller.is(Role.INSTITUTION) && caller.hasAuthority("approver"));
        model.addAttribute("today", businessDate.today());
        return "loan/facilities";
    }

    @PostMapping("/facilities")
    @PreAuthorize("hasRole('INSTITUTION')")
    String openFacility(Caller caller, Locale locale, @RequestParam(required = false) Long borrowerId,
                        @RequestParam(required = false) String amount, @RequestParam(required = false) String validTo,
                        RedirectAttributes flash) {
        return act(caller, locale, flash, "facility.open", 0, "/facilities", () -> {
            facilities.open(caller, new Facilities.Request(borrowerId, decimal(amount, "amount"), true, null, date(validTo)));
            return null;
        });
    }
}
