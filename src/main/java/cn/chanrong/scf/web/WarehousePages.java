package cn.chanrong.scf.web;

import static cn.chanrong.scf.web.ScfPages.blank;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.scf.WarehouseReceipts;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.util.ArrayList;
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
 * Warehouse receipts in the workbench: a funder monitors the receipts pledged to it (loan-to-value
 * state, open margin calls, goods and sensor alerts) and releases goods on request; an owner sees its
 * receipts and asks for release; a regulator sees every receipt and alert.
 */
@Controller
class WarehousePages {

    static final List<String> WAREHOUSE_ALERTS = List.of("GOODS_LEFT", "LTV_ALERT", "MARGIN_CALL", "SENSOR");

    private final WarehouseReceipts warehouse;
    private final ApiErrors errors;

    WarehousePages(WarehouseReceipts warehouse, ApiErrors errors) {
        this.warehouse = warehouse;
        this.errors = errors;
    }

    /** An open margin call with the receipt it was raised on. */
    record OpenCall(WarehouseReceipts.Receipt receipt, WarehouseReceipts.MarginCall call) {
    }

    @GetMapping("/scf/warehouse")
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) String kind, Model model) {
        String s = blank(status);
        model.addAttribute("status", s);
        model.addAttribute("statuses", List.of("ISSUED", "PLEDGED", "RELEASED", "CANCELLED"));
        var receipts = warehouse.search(caller, s, PageRequest.of(page, 50));
        model.addAttribute("receipts", receipts);
        List<OpenCall> calls = new ArrayList<>();
        for (var r : receipts.items()) {
            if (r.pledge() != null && "MARGIN_CALL".equals(r.pledge().ltvState())) {
                warehouse.detail(caller, r.id()).marginCalls().stream().filter(c -> "OPEN".equals(c.status()))
                        .forEach(c -> calls.add(new OpenCall(r, c)));
            }
        }
        model.addAttribute("calls", calls);
        boolean watches = caller.is(Role.INSTITUTION) || caller.is(Role.REGULATOR) || caller.isAdmin();
        model.addAttribute("watches", watches);
        if (watches) {
            String k = blank(kind);
            model.addAttribute("kind", k);
            model.addAttribute("alertKinds", WAREHOUSE_ALERTS);
            model.addAttribute("alerts", warehouse.alerts(caller, k, PageRequest.of(0, 50)));
        }
        return "scf/warehouse";
    }

    @GetMapping("/scf/warehouse/{id}")
    @PreAuthorize("isAuthenticated()")
    String receipt(Caller caller, @PathVariable long id, Model model) {
        WarehouseReceipts.Detail d = warehouse.detail(caller, id);
        model.addAttribute("d", d);
        model.addAttribute("r", d.receipt());
        model.addAttribute("owner", caller.is(Role.ENTERPRISE) && caller.enterpriseId() == d.receipt().ownerId());
        model.addAttribute("funder", caller.is(Role.INSTITUTION) && d.receipt().pledge() != null
                && caller.institutionId() == d.receipt().pledge().institutionId());
        return "scf/receipt";
    }

    @PostMapping("/scf/warehouse/{id}/release-request")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String requestRelease(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String note,
                          RedirectAttributes flash) {
        return act(locale, flash, id, () -> warehouse.requestRelease(caller, id, blank(note)));
    }

    @PostMapping("/scf/warehouse/{id}/release")
    @PreAuthorize("hasRole('INSTITUTION')")
    String release(Caller caller, Locale locale, @PathVariable long id, @RequestParam(defaultValue = "false") boolean anyway,
                   @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(locale, flash, id, () -> warehouse.release(caller, id, anyway, blank(note)));
    }

    private String act(Locale locale, RedirectAttributes flash, long id, Supplier<Object> effect) {
        try {
            effect.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/scf/warehouse/" + id;
    }
}
