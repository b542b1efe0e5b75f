package cn.chanrong.scf.web;

import static cn.chanrong.scf.web.ScfPages.blank;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institutions;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * E-vouchers in the workbench: an enterprise sees the parts it holds (split, transfer, discount), the
 * vouchers it issued (issue form, settlement) and every voucher's penetration tree; a funder the
 * vouchers it discounted; a regulator every voucher in its region and any break of conservation.
 */
@Controller
class VoucherPages {

    private final Vouchers vouchers;
    private final Institutions institutions;
    private final ApiErrors errors;

    VoucherPages(Vouchers vouchers, Institutions institutions, ApiErrors errors) {
        this.vouchers = vouchers;
        this.institutions = institutions;
        this.errors = errors;
    }

    @GetMapping("/scf/vouchers")
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        String s = blank(status);
        model.addAttribute("status", s);
        model.addAttribute("statuses", List.of("ISSUED", "SETTLED", "OVERDUE"));
        model.addAttribute("enterprise", caller.is(Role.ENTERPRISE));
        if (caller.is(Role.ENTERPRISE)) {
            model.addAttribute("parts", vouchers.parts(caller, true, PageRequest.of(page, 50)));
            model.addAttribute("issued", vouchers.search(caller, new Vouchers.Filter(s, "ISSUED"), PageRequest.of(0, 50)));
            model.addAttribute("held", vouchers.search(caller, new Vouchers.Filter(s, "HELD"), PageRequest.of(0, 50)));
            model.addAttribute("institutions", institutions.list());
        } else {
            model.addAttribute("vouchers", vouchers.search(caller, new Vouchers.Filter(s, null), PageRequest.of(page, 50)));
            if (caller.is(Role.REGULATOR) || caller.isAdmin()) {
                model.addAttribute("imbalances", vouchers.conservation(null));
            }
        }
        return "scf/vouchers";
    }

    @GetMapping("/scf/vouchers/{id}")
    @PreAuthorize("isAuthenticated()")
    String voucher(Caller caller, @PathVariable long id, Model model) {
        Vouchers.Detail d = vouchers.get(caller, id);
        model.addAttribute("d", d);
        model.addAttribute("v", d.voucher());
        model.addAttribute("tree", vouchers.tree(caller, id));
        model.addAttribute("issuer", caller.is(Role.ENTERPRISE) && caller.enterpriseId() == d.voucher().issuerId());
        return "scf/voucher";
    }

    @PostMapping("/scf/vouchers")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String issue(Caller caller, Locale locale, @RequestParam(required = false) String supplierId,
                 @RequestParam(required = false) String faceValue, @RequestParam(required = false) String maturity,
                 @RequestParam(defaultValue = "false") boolean overDefault,
                 @RequestParam(required = false) String receivableIds,
                 @RequestParam(required = false) String tradeBackground, RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        Long supplier = ScfPages.number(supplierId, "supplierId", Long::valueOf, problems);
        BigDecimal face = ScfPages.amount(faceValue, "faceValue", problems);
        List<Long> backing = new ArrayList<>();
        for (String raw : pieces(receivableIds)) {
            Long id = ScfPages.number(raw, "receivableIds", Long::valueOf, problems);
            if (id != null) {
                backing.add(id);
            }
        }
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems.stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:/scf/vouchers";
        }
        try {
            Vouchers.Voucher v = vouchers.issue(caller, new Vouchers.IssueRequest(supplier, face, blank(maturity),
                    overDefault, backing.isEmpty() ? null : backing, blank(tradeBackground)));
            flash.addFlashAttribute("saved", true);
            return "redirect:/scf/vouchers/" + v.id();
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", messages(e, locale));
            return "redirect:/scf/vouchers";
        }
    }

    @PostMapping("/scf/voucher-parts/{id}/split")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String split(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String amounts,
                 RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        List<BigDecimal> split = new ArrayList<>();
        List<String> typed = pieces(amounts);
        for (int i = 0; i < typed.size(); i++) {
            split.add(ScfPages.amount(typed.get(i), "amounts", problems));
        }
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems.stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:/scf/vouchers";
        }
        return act(locale, flash, () -> vouchers.split(caller, id, new Vouchers.SplitRequest(split)));
    }

    @PostMapping("/scf/voucher-parts/{id}/transfer")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String transfer(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String toEnterpriseId,
                    @RequestParam(required = false) String amount, @RequestParam(required = false) String tradeBackground,
                    RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        Long to = ScfPages.number(toEnterpriseId, "toEnterpriseId", Long::valueOf, problems);
        BigDecimal part = ScfPages.amount(amount, "amount", problems);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems.stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:/scf/vouchers";
        }
        return act(locale, flash, () -> vouchers.transfer(caller, id,
                new Vouchers.TransferRequest(to, part, blank(tradeBackground))));
    }

    @PostMapping("/scf/voucher-parts/{id}/discount")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String discount(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) Long institutionId,
                    @RequestParam(required = false) String annualRate, @RequestParam(required = false) String tradeBackground,
                    @RequestParam(required = false) Boolean recourse, RedirectAttributes flash) {
        return act(locale, flash, () -> vouchers.discount(caller, id,
                new Vouchers.DiscountRequest(institutionId, blank(annualRate), blank(tradeBackground),
                        Boolean.TRUE.equals(recourse))));
    }

    @PostMapping("/scf/vouchers/{id}/settle")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String settle(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String amount,
                  RedirectAttributes flash) {
        try {
            vouchers.settle(caller, id, new Vouchers.SettleRequest(Amounts.read(blank(amount), "amount", 2)));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", messages(e, locale));
        }
        return "redirect:/scf/vouchers/" + id;
    }

    private static List<String> pieces(String raw) {
        return raw == null || raw.isBlank() ? List.of()
                : Arrays.stream(raw.split("[,，;；\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    private List<String> messages(Rejected e, Locale locale) {
        return e.rejections().stream().map(x -> errors.message(x, locale)).toList();
    }

    private String act(Locale locale, RedirectAttributes flash, Supplier<Object> effect) {
        try {
            effect.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", messages(e, locale));
        }
        return "redirect:/scf/vouchers";
    }
}
