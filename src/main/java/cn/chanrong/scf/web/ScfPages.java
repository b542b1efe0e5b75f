package cn.chanrong.scf.web;

import cn.chanrong.reference.WallClock;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.SupplyLink;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institutions;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.PlatformMode;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.scf.Receivables;
import cn.chanrong.scf.ScfOverview;
import cn.chanrong.scf.WarehouseReceipts;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supply-chain finance in the workbench, receivables side. {@code /scf} is a landing page by role: an
 * enterprise sees its receivables as creditor (upload, financing, offers to accept) and as debtor
 * (payables to confirm or dispute, singly or in batch, and payments due); a funder the financing
 * requests and offers addressed to it and its alerts; a regulator financings by chain and kind,
 * voucher value by tier, payment-term breaches and the double-financing attempts the registry
 * refused. Forms post here, call the service and redirect back with the localized reasons of a refusal.
 */
@Controller
class ScfPages {

    static final int DUE_WINDOW = 200;

    private final Receivables receivables;
    private final WarehouseReceipts warehouse;
    private final ScfOverview overview;
    private final Institutions institutions;
    private final EnterpriseDetails enterpriseDetails;
    private final ApiErrors errors;
    private final PlatformMode mode;
    private final WallClock clock;

    ScfPages(Receivables receivables, WarehouseReceipts warehouse, ScfOverview overview, Institutions institutions,
             EnterpriseDetails enterpriseDetails, ApiErrors errors, PlatformMode mode, WallClock clock) {
        this.clock = clock;
        this.mode = mode;
        this.receivables = receivables;
        this.warehouse = warehouse;
        this.overview = overview;
        this.institutions = institutions;
        this.enterpriseDetails = enterpriseDetails;
        this.errors = errors;
    }

    // ---- landing by role

    @GetMapping("/scf")
    @PreAuthorize("isAuthenticated()")
    String landing(Caller caller, Locale locale, @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                   @RequestParam(required = false) String kind, Model model) {
        model.addAttribute("status", status == null || status.isBlank() ? null : status.strip());
        if (caller.is(Role.ENTERPRISE)) {
            return enterprise(caller, status, page, model);
        }
        if (caller.is(Role.INSTITUTION)) {
            return funder(caller, status, page, kind, model);
        }
        return regulator(caller, locale, page, kind, model);
    }

    private String enterprise(Caller caller, String status, Integer page, Model model) {
        model.addAttribute("receivables", receivables.search(caller,
                new Receivables.Filter(blank(status), "CREDITOR"), PageRequest.of(page, 20)));
        model.addAttribute("statuses", List.of("UPLOADED", "CONFIRMED", "DISPUTED", "FINANCED", "SETTLED"));
        model.addAttribute("offers", receivables.offers(caller, null, "OFFERED", PageRequest.of(0, 50)).items());
        model.addAttribute("payables", receivables.search(caller, new Receivables.Filter("UPLOADED", "DEBTOR"),
                PageRequest.of(0, 100)));
        List<Receivables.Receivable> due = new ArrayList<>();
        for (String s : List.of("CONFIRMED", "FINANCED")) {
            due.addAll(receivables.search(caller, new Receivables.Filter(s, "DEBTOR"), PageRequest.of(0, DUE_WINDOW)).items());
        }
        due.sort(Comparator.comparing(Receivables.Receivable::dueOn).thenComparing(Receivables.Receivable::id));
        model.addAttribute("due", due);
        model.addAttribute("counterparties", counterparties(caller));
        return "scf/enterprise";
    }

    private List<SupplyLink> counterparties(Caller caller) {
        try {
            return enterpriseDetails.supplyLinks(caller, caller.enterpriseId());
        } catch (Rejected e) {
            return List.of();
        }
    }

    private String funder(Caller caller, String status, Integer page, String kind, Model model) {
        var offers = receivables.offers(caller, null, blank(status), PageRequest.of(page, 20));
        Map<Long, Receivables.Receivable> byId = new LinkedHashMap<>();
        for (var o : offers.items()) {
            byId.computeIfAbsent(o.receivableId(), id -> receivables.get(caller, id));
        }
        model.addAttribute("offers", offers);
        model.addAttribute("receivablesById", byId);
        model.addAttribute("statuses", List.of("REQUESTED", "OFFERED", "DECLINED", "ACCEPTED", "LAPSED", "REFUSED"));
        alerts(caller, kind, model);
        return "scf/funder";
    }

    private void alerts(Caller caller, String kind, Model model) {
        model.addAttribute("kind", blank(kind));
        model.addAttribute("alertKinds", List.of("DILUTION", "GOODS_LEFT", "LTV_ALERT", "MARGIN_CALL", "SENSOR",
                "VOUCHER_OVERDUE", "PAYMENT_TERM"));
        model.addAttribute("alerts", warehouse.alerts(caller, blank(kind), PageRequest.of(0, 50)));
    }

    private String regulator(Caller caller, Locale locale, Integer page, String kind, Model model) {
        model.addAttribute("breaches", receivables.breaches(caller, PageRequest.of(page, 50)));
        ScfOverview.Overview o = overview.overview(caller);
        model.addAttribute("overview", o);
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> chains = new LinkedHashMap<>();
        for (ChainTag t : ChainTag.values()) {
            chains.put(t.name(), t.name(english));
        }
        model.addAttribute("chainNames", chains);
        alerts(caller, kind, model);
        return "scf/regulator";
    }

    // ---- one receivable

    @GetMapping("/scf/receivables/{id}")
    @PreAuthorize("isAuthenticated()")
    String receivable(Caller caller, Locale locale, @PathVariable long id, Model model) {
        Receivables.Receivable r = receivables.get(caller, id);
        model.addAttribute("r", r);
        boolean creditor = caller.is(Role.ENTERPRISE) && caller.enterpriseId() == r.creditorId();
        boolean debtor = caller.is(Role.ENTERPRISE) && caller.enterpriseId() == r.debtorId();
        model.addAttribute("creditor", creditor);
        model.addAttribute("debtor", debtor);
        model.addAttribute("funder", caller.is(Role.INSTITUTION));
        // outside demo mode the debtor's own software signs: the form takes its signature at this instant
        model.addAttribute("demo", mode.demo());
        model.addAttribute("signedAt", clock.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (r.signed()) {
            try {
                model.addAttribute("verification", receivables.verify(caller, id));
            } catch (Rejected e) {
                model.addAttribute("verificationProblems", messages(e, locale));
            }
        }
        List<Receivables.Offer> offers = receivables.offers(caller, id, null, PageRequest.of(0, 50)).items();
        model.addAttribute("offers", offers);
        Map<Long, List<Receivables.Check>> checklists = new LinkedHashMap<>();
        if (caller.is(Role.INSTITUTION)) {
            for (var o : offers) {
                if (List.of("REQUESTED", "OFFERED").contains(o.status())) {
                    checklists.put(o.id(), receivables.checklist(caller, o.id()));
                }
            }
        }
        model.addAttribute("checklists", checklists);
        if (creditor && "CONFIRMED".equals(r.status())) {
            model.addAttribute("institutions", institutions.list());
        }
        return "scf/receivable";
    }

    // ---- enterprise forms

    @PostMapping("/scf/receivables")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String upload(Caller caller, Locale locale, @RequestParam(required = false) String debtorId,
                  @RequestParam(required = false) String invoiceNumber, @RequestParam(required = false) String contractNo,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String deliveredOn,
                  @RequestParam(required = false) String dueOn, @RequestParam(required = false) String contractTermDays,
                  RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        Long debtor = number(debtorId, "debtorId", Long::valueOf, problems);
        Integer term = number(contractTermDays, "contractTermDays", Integer::valueOf, problems);
        LocalDate delivered = date(deliveredOn, "deliveredOn", problems);
        LocalDate due = date(dueOn, "dueOn", problems);
        BigDecimal sum = amount(amount, "amount", problems);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems.stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:/scf";
        }
        try {
            Receivables.Receivable r = receivables.upload(caller, new Receivables.Upload(debtor, null, blank(invoiceNumber),
                    blank(contractNo), sum, delivered, due, term));
            flash.addFlashAttribute("saved", true);
            return "redirect:/scf/receivables/" + r.id();
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", messages(e, locale));
            return "redirect:/scf";
        }
    }

    @PostMapping("/scf/invoices")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String importInvoices(Caller caller, Locale locale, @RequestParam("file") MultipartFile file,
                          @RequestParam(defaultValue = "csv") String format, RedirectAttributes flash) throws IOException {
        try {
            Receivables.InvoiceImport done = receivables.importInvoices(caller, format, file.getBytes());
            flash.addFlashAttribute("imported", done);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", messages(e, locale));
        }
        return "redirect:/scf";
    }

    @PostMapping("/scf/receivables/{id}/decision")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String decide(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
                  @RequestParam(required = false) String signedAt, @RequestParam(required = false) String signature,
                  RedirectAttributes flash) {
        Instant at;
        try {
            at = blank(signedAt) == null ? null : Instant.parse(signedAt.strip());
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("problems", List.of(errors.message(Rejection.of("signature.signed-at", "signedAt", signedAt), locale)));
            return "redirect:" + back(back, id);
        }
        return act(locale, flash, back(back, id), () -> receivables.decide(caller, id,
                new Receivables.Decision(blank(decision), blank(reason), at, null, blank(signature))));
    }

    @PostMapping("/scf/receivables/decisions")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String decideAll(Caller caller, Locale locale, @RequestParam(required = false) List<Long> ids,
                     @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                     RedirectAttributes flash) {
        return act(locale, flash, "/scf", () -> receivables.decideAll(caller, ids == null ? List.of() : ids,
                blank(decision), blank(reason)));
    }

    @PostMapping("/scf/receivables/{id}/financing-requests")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String requestFinancing(Caller caller, Locale locale, @PathVariable long id,
                            @RequestParam(required = false) List<Long> institutionIds, RedirectAttributes flash) {
        return act(locale, flash, "/scf/receivables/" + id,
                () -> receivables.requestFinancing(caller, id, institutionIds == null ? List.of() : institutionIds));
    }

    @PostMapping("/scf/offers/{id}/accept")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String accept(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) Long receivableId,
                  RedirectAttributes flash) {
        return act(locale, flash, receivableId == null ? "/scf" : "/scf/receivables/" + receivableId,
                () -> receivables.accept(caller, id));
    }

    @PostMapping("/scf/receivables/{id}/payments")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String pay(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String amount,
               @RequestParam(required = false) String paidOn, @RequestParam(required = false) String back,
               RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        BigDecimal paid = amount(amount, "amount", problems);
        LocalDate on = date(paidOn, "paidOn", problems);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems.stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:" + back(back, id);
        }
        return act(locale, flash, back(back, id), () -> receivables.pay(caller, id, paid, on));
    }

    // ---- funder forms

    @PostMapping("/scf/offers/{id}/offer")
    @PreAuthorize("hasRole('INSTITUTION')")
    String offer(Caller caller, Locale locale, @PathVariable long id, @RequestParam long receivableId,
                 @RequestParam(required = false) String advanceRate, @RequestParam(required = false) String discountRate,
                 @RequestParam(required = false) String fee, @RequestParam(defaultValue = "false") boolean recourse,
                 @RequestParam(required = false) String kind, @RequestParam(required = false) String riskObligor,
                 @RequestParam(defaultValue = "false") boolean acceptJunior, RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        BigDecimal advance = amount(advanceRate, "advanceRate", problems);
        BigDecimal discount = amount(discountRate, "discountRate", problems);
        BigDecimal charge = amount(fee, "fee", problems);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems.stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:/scf/receivables/" + receivableId;
        }
        return act(locale, flash, "/scf/receivables/" + receivableId, () -> receivables.offer(caller, id,
                new Receivables.Terms(advance, discount, charge, recourse, blank(kind), blank(riskObligor), acceptJunior)));
    }

    @PostMapping("/scf/offers/{id}/decline")
    @PreAuthorize("hasRole('INSTITUTION')")
    String decline(Caller caller, Locale locale, @PathVariable long id, @RequestParam long receivableId,
                   @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(locale, flash, "/scf/receivables/" + receivableId, () -> receivables.decline(caller, id, blank(reason)));
    }

    // ---- helpers

    private static String back(String back, long id) {
        return "detail".equals(back) ? "/scf/receivables/" + id : "/scf";
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <T> T number(String raw, String field, Function<String, T> parse, List<Rejection> problems) {
        if (blank(raw) == null) {
            return null;
        }
        try {
            return parse.apply(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(Rejection.of("integer", field, raw));
            return null;
        }
    }

    /**
     * A figure typed into a form, read once here as the API reads JSON (plain decimal text, at most two
     * decimals): null when blank (the service then says {@code required}), or null after adding
     * {@code amount.format} / {@code amount.scale} to {@code problems}, shown with the form's other reasons.
     */
    static BigDecimal amount(String raw, String field, List<Rejection> problems) {
        try {
            return Amounts.read(blank(raw), field, 2);
        } catch (Rejected e) {
            problems.addAll(e.rejections());
            return null;
        }
    }

    static LocalDate date(String raw, String field, List<Rejection> problems) {
        if (blank(raw) == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", field, raw));
            return null;
        }
    }

    private List<String> messages(Rejected e, Locale locale) {
        return e.rejections().stream().map(x -> errors.message(x, locale)).toList();
    }

    private String act(Locale locale, RedirectAttributes flash, String back, Supplier<Object> effect) {
        try {
            effect.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", messages(e, locale));
        }
        return "redirect:" + back;
    }
}
