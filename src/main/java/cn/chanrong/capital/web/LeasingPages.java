package cn.chanrong.capital.web;

import cn.chanrong.capital.Leases;
import cn.chanrong.capital.domain.LeaseKind;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.schedule.RentalTiming;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Idempotency;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's leases: the leases in scope with their filings, one lease with its rental schedule, and for a leasing
 * company's approver the form to sign one — the lessee chosen by name, serial numbers one per line, money as strict text;
 * a refused form keeps what was typed and says why, field by field.
 */
@Controller
class LeasingPages {

    private final Leases leases;
    private final FirmNames firms;
    private final ApiErrors errors;
    private final Idempotency idempotency;

    LeasingPages(Leases leases, FirmNames firms, ApiErrors errors, Idempotency idempotency) {
        this.leases = leases;
        this.firms = firms;
        this.errors = errors;
        this.idempotency = idempotency;
    }

    @GetMapping("/leasing")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("leases", leases.leases(caller, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("signs", caller.is(Role.INSTITUTION)
                && (caller.hasAuthority("approver") || caller.hasAuthority("institution-admin")));
        model.addAttribute("kinds", LeaseKind.values());
        model.addAttribute("timings", RentalTiming.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("leaseKind", "DIRECT", "periodMonths", "1", "timing", "IN_ARREARS"));
        }
        return "leasing/home";
    }

    @GetMapping("/leasing/{id}")
    @PreAuthorize("isAuthenticated()")
    String lease(Caller caller, Model model, @PathVariable long id) {
        var lease = leases.lease(caller, id);
        model.addAttribute("lease", lease);
        model.addAttribute("rentals", leases.schedule(caller, id));
        model.addAttribute("receives", caller.institutionId() != null && caller.institutionId() == lease.lessorId());
        model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        return "leasing/lease";
    }

    /** A rental received, by form: the page's one-time key makes a double submission record it once. */
    @PostMapping("/leasing/{id}/payments")
    @PreAuthorize("hasRole('INSTITUTION')")
    String receive(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                   RedirectAttributes flash) {
        try {
            List<Rejection> problems = new ArrayList<>();
            BigDecimal amount = money(form.get("amount"), "amount", problems);
            String day = blank(form.get("receivedOn"));
            var on = day == null ? null : Dates.required(day, "receivedOn", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            var payment = new Leases.Payment(amount, on);
            String key = blank(form.get("idempotencyKey"));
            idempotency.execute(caller.username(), key, "lease.payment:" + id, Idempotency.digest(payment),
                    () -> {
                        leases.receive(caller, id, payment);
                        return new Idempotency.Response(201, "/leasing/" + id, "", false);
                    });
            flash.addFlashAttribute("received", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/leasing/" + id;
    }

    @PostMapping("/leasing")
    @PreAuthorize("hasRole('INSTITUTION')")
    String sign(Caller caller, Locale locale, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            List<Rejection> problems = new ArrayList<>();
            LeaseKind kind = choice(LeaseKind.class, form.get("leaseKind"), "leaseKind", problems);
            RentalTiming timing = choice(RentalTiming.class, form.get("timing"), "timing", problems);
            BigDecimal cost = money(form.get("cost"), "cost", problems);
            BigDecimal down = money(form.get("downPayment"), "downPayment", problems);
            BigDecimal deposit = money(form.get("deposit"), "deposit", problems);
            BigDecimal residual = money(form.get("residual"), "residual", problems);
            String rate = blank(form.get("annualRatePercent"));
            BigDecimal annual = rate == null ? null : Amounts.decimal(rate, "annualRatePercent", 6, problems);
            Integer months = integer(form.get("months"), "months", problems);
            Integer period = integer(form.get("periodMonths"), "periodMonths", problems);
            String start = blank(form.get("startOn"));
            var startOn = start == null ? null : Dates.required(start, "startOn", problems);
            List<String> serials = form.get("serialNumbers") == null ? List.of()
                    : Arrays.stream(form.get("serialNumbers").split("[\\r\\n,，]+")).map(String::strip)
                    .filter(x -> !x.isEmpty()).toList();
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            var signed = leases.sign(caller, new Leases.Draft(firms.creditCode(caller, form.get("lessee")), kind,
                    blank(form.get("equipment")), serials, cost, down, months, period, annual, timing, deposit, residual,
                    startOn, form.containsKey("equipmentRenewal")));
            flash.addFlashAttribute("saved", true);
            return "redirect:/leasing/" + signed.id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("_csrf");
            flash.addFlashAttribute("form", kept);
            return "redirect:/leasing";
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String raw, String field, List<Rejection> problems) {
        String t = blank(raw);
        if (t == null) {
            return null;
        }
        var found = Arrays.stream(type.getEnumConstants()).filter(v -> v.name().equals(t)).findFirst();
        if (found.isEmpty()) {
            problems.add(Rejection.of("enum", field, t.length() > 40 ? t.substring(0, 40) : t,
                    Arrays.toString(type.getEnumConstants())));
        }
        return found.orElse(null);
    }

    private static Integer integer(String raw, String field, List<Rejection> problems) {
        String t = blank(raw);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            problems.add(Rejection.of("integer", field, t.length() > 40 ? t.substring(0, 40) : t));
            return null;
        }
    }

    private static BigDecimal money(String raw, String field, List<Rejection> problems) {
        String t = blank(raw);
        return t == null ? null : Amounts.parse(t, field, false, new BigDecimal("1000000000000.00"), problems);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
