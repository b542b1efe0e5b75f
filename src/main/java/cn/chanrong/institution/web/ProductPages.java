package cn.chanrong.institution.web;

import cn.chanrong.audit.RejectedRequestRecorder;
import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.Products;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.platform.ApiErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Workbench screens of the product catalogue: list, detail with an eligibility test, new and edit, publish. */
@Controller
@RequestMapping("/products")
class ProductPages {

    private final Products products;
    private final Enterprises enterprises;
    private final ApiErrors errors;
    private final RejectedRequestRecorder rejectedAudit;

    ProductPages(Products products, Enterprises enterprises, ApiErrors errors, RejectedRequestRecorder rejectedAudit) {
        this.products = products;
        this.enterprises = enterprises;
        this.errors = errors;
        this.rejectedAudit = rejectedAudit;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, Model model, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(required = false) String chainTag,
                @RequestParam(required = false) Integer page) {
        Products.ProductFilter filter = new Products.ProductFilter(type, status, chainTag, null);
        Page<Product> result = products.search(caller, filter, PageRequest.of(page == null ? 0 : Math.max(0, page), 20));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("types", ProductType.values());
        model.addAttribute("chainTags", ChainTag.values());
        model.addAttribute("mayCreate", caller.is(Role.INSTITUTION) && caller.hasAuthority("operator"));
        return "product/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String detail(Caller caller, Locale locale, @PathVariable long id,
                  @RequestParam(name = "enterprise", required = false) String creditCode, Model model) {
        Product p = products.get(caller, id);
        model.addAttribute("p", p);
        model.addAttribute("mayManage", caller.isAdmin()
                || (caller.is(Role.INSTITUTION) && Long.valueOf(p.institutionId()).equals(caller.institutionId())));
        if (caller.is(Role.ENTERPRISE) && (creditCode == null || creditCode.isBlank())) {
            creditCode = enterprises.get(caller, caller.enterpriseId()).creditCode();
        }
        test(caller, locale, id, creditCode, model);
        return "product/detail";
    }

    /** The eligibility result alone, swapped into the product page by htmx. */
    @GetMapping("/{id}/eligibility")
    @PreAuthorize("isAuthenticated()")
    String eligibility(Caller caller, Locale locale, @PathVariable long id,
                       @RequestParam(name = "enterprise", required = false) String creditCode, Model model) {
        products.get(caller, id);
        test(caller, locale, id, creditCode, model);
        return "product/detail :: result";
    }

    private void test(Caller caller, Locale locale, long id, String creditCode, Model model) {
        if (creditCode != null && !creditCode.isBlank()) {
            model.addAttribute("testedCode", creditCode.strip());
            var found = enterprises.search(caller, new EnterpriseFilter(creditCode.strip(), null, null, null),
                    PageRequest.of(0, 1));
            if (found.items().isEmpty()) {
                model.addAttribute("testError", errors.message(
                        Rejection.of("enterprise.unknown-credit-code", "creditCode", creditCode.strip()), locale));
            } else {
                model.addAttribute("tested", found.items().get(0));
                model.addAttribute("eligibility", products.eligibility(caller, id, found.items().get(0).id(), locale));
            }
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('INSTITUTION')")
    String newForm(Model model) {
        model.addAttribute("form", new ProductForm());
        return form(model, null, Map.of());
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('INSTITUTION')")
    String create(Caller caller, Locale locale, @ModelAttribute("form") ProductForm form, Model model,
                  RedirectAttributes flash) {
        try {
            malformed(form);
            Product p = products.create(caller, form.draft());
            flash.addFlashAttribute("saved", true);
            return "redirect:/products/" + p.id();
        } catch (Rejected r) {
            audit(caller, "product.create", null, r);
            return form(model, null, byField(r, locale));
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    String editForm(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("form", ProductForm.of(products.get(caller, id)));
        return form(model, id, Map.of());
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    String update(Caller caller, Locale locale, @PathVariable long id, @ModelAttribute("form") ProductForm form,
                  Model model, RedirectAttributes flash) {
        try {
            malformed(form);
            if (form.getVersion() == null) {
                throw Rejected.invalid(Rejection.of("required", "version"));
            }
            products.update(caller, id, form.draft(), form.getVersion(), false);
            flash.addFlashAttribute("saved", true);
            return "redirect:/products/" + id;
        } catch (Rejected r) {
            audit(caller, "product.update", id, r);
            if (r.kind() == Rejected.Kind.NOT_FOUND || r.kind() == Rejected.Kind.FORBIDDEN) {
                throw r;
            }
            return form(model, id, byField(r, locale));
        }
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    String publish(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return transition(caller, locale, id, true, flash);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    String withdraw(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return transition(caller, locale, id, false, flash);
    }

    private String transition(Caller caller, Locale locale, long id, boolean publish, RedirectAttributes flash) {
        try {
            if (publish) {
                products.publish(caller, id);
            } else {
                products.withdraw(caller, id);
            }
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            audit(caller, publish ? "product.publish" : "product.withdraw", id, r);
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/products/" + id;
    }

    private static void malformed(ProductForm form) {
        List<Rejection> r = new ArrayList<>();
        form.malformedIntegers().forEach(f -> r.add(Rejection.of("integer", f, form.raw(f))));
        r.addAll(form.malformedAmounts());
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
    }

    private void audit(Caller caller, String action, Long id, Rejected r) {
        rejectedAudit.recordRejected(caller.username(), action, "product", id == null ? null : id.toString(),
                r.kind() + " " + r.rejections().stream().map(x -> x.code() + (x.field() == null ? "" : "@" + x.field()))
                        .toList());
    }

    private String form(Model model, Long id, Map<String, List<String>> fieldErrors) {
        model.addAttribute("id", id);
        model.addAttribute("types", ProductType.values());
        model.addAttribute("fieldErrors", fieldErrors);
        return "product/form";
    }

    /** Messages by field; clause errors ({@code clauses[3]}) are shown together under {@code clauses}. */
    private Map<String, List<String>> byField(Rejected r, Locale locale) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Rejection x : r.rejections()) {
            String field = x.field() == null ? "_" : x.field().startsWith("clauses") ? "clauses" : x.field();
            map.computeIfAbsent(field, k -> new ArrayList<>()).add(errors.message(x, locale));
        }
        return map;
    }
}
