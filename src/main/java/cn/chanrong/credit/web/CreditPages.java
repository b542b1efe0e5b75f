package cn.chanrong.credit.web;

import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.CreditModels;
import cn.chanrong.credit.CreditReports;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consent;
import cn.chanrong.identity.Consents;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Upload;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data credit in the workbench. An enterprise sees its own report, answers consent requests and
 * uploads statements; an institution opens an enterprise's report under consent (or asks for one) and
 * runs decisions; administrators and regulators see the model registry and its validation reports.
 */
@Controller
class CreditPages {

    private final CreditReports reports;
    private final CreditDecisions decisions;
    private final CreditModels models;
    private final Consents consents;
    private final CashFlows cashFlows;
    private final ReasonTexts texts;
    private final ApiErrors errors;
    private final JsonMapper json;
    private final cn.chanrong.reference.BusinessDate businessDate;

    CreditPages(CreditReports reports, CreditDecisions decisions, CreditModels models, Consents consents, CashFlows cashFlows,
                ReasonTexts texts, ApiErrors errors, JsonMapper json, cn.chanrong.reference.BusinessDate businessDate) {
        this.businessDate = businessDate;
        this.reports = reports;
        this.decisions = decisions;
        this.models = models;
        this.consents = consents;
        this.cashFlows = cashFlows;
        this.texts = texts;
        this.errors = errors;
        this.json = json;
    }

    @GetMapping("/credit")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Locale locale, Model model) {
        if (caller.is(Role.ENTERPRISE)) {
            return enterprise(caller, caller.enterpriseId(), locale, model);
        }
        if (caller.is(Role.INSTITUTION)) {
            model.addAttribute("consents", consents.list(caller, null, null, PageRequest.of(0, 50)).items());
            model.addAttribute("decisions", decisions.list(caller, null, PageRequest.of(0, 20)).items());
            return "credit/institution";
        }
        model.addAttribute("models", models.list(caller));
        model.addAttribute("mayApprove", caller.isAdmin());
        return "credit/models";
    }

    @GetMapping("/credit/enterprises/{id}")
    @PreAuthorize("isAuthenticated()")
    String enterprise(Caller caller, @PathVariable long id, Locale locale, Model model) {
        model.addAttribute("enterpriseId", id);
        model.addAttribute("own", caller.is(Role.ENTERPRISE));
        model.addAttribute("institution", caller.is(Role.INSTITUTION));
        model.addAttribute("purposes", Terms.Purpose.values());
        model.addAttribute("today", businessDate.today());
        if (caller.is(Role.ENTERPRISE)) {
            model.addAttribute("consents", consents.list(caller, null, null, PageRequest.of(0, 50)).items());
            model.addAttribute("accounts", cashFlows.accounts(caller, id));
        }
        try {
            CreditReports.Report r = reports.report(caller, id);
            model.addAttribute("report", r);
            model.addAttribute("reasons", texts.render(r.reasons(), locale));
            model.addAttribute("improve", r.improve().stream().map(f -> Map.of("label", texts.feature(f, locale),
                    "hint", texts.hint(f, locale))).toList());
            model.addAttribute("labels", r.inputs().keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k,
                    k -> texts.feature(k, locale))));
            model.addAttribute("chart", json.writeValueAsString(Map.of("in", r.monthlyIn(), "out", r.monthlyOut())));
        } catch (Rejected e) {
            model.addAttribute("refusal", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "credit/enterprise";
    }

    @GetMapping("/credit/models/{id}")
    @PreAuthorize("isAuthenticated()")
    String model(Caller caller, @PathVariable long id, Model model) {
        CreditModels.ModelDetail d = models.get(caller, id);
        model.addAttribute("m", d.model());
        model.addAttribute("validation", json.readTree(d.validation()));
        model.addAttribute("document", json.readTree(d.document()));
        model.addAttribute("mayApprove", caller.isAdmin() && "PENDING".equals(d.model().status()));
        return "credit/model";
    }

    @PostMapping("/credit/models/{id}/approval")
    @PreAuthorize("hasRole('ADMIN')")
    String approve(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) LocalDate effectiveFrom,
                   RedirectAttributes flash) {
        return act(locale, flash, "/credit/models/" + id, () -> models.approve(caller, id, effectiveFrom));
    }

    @PostMapping("/credit/consents")
    @PreAuthorize("hasRole('INSTITUTION')")
    String ask(Caller caller, Locale locale, @RequestParam long enterpriseId, @RequestParam(required = false) LocalDate periodFrom,
               @RequestParam(required = false) LocalDate periodTo, @RequestParam(required = false) LocalDate expiresOn,
               RedirectAttributes flash) {
        return act(locale, flash, "/credit/enterprises/" + enterpriseId, () -> consents.request(caller, new Consents.Request(
                enterpriseId, Consent.Purpose.PRE_LOAN, List.of(), periodFrom, periodTo, expiresOn, null, null)));
    }

    @PostMapping("/credit/consents/{id}/{answer}")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String answer(Caller caller, Locale locale, @PathVariable long id, @PathVariable String answer, RedirectAttributes flash) {
        return act(locale, flash, "/credit", () -> switch (answer) {
            case "grant" -> consents.grant(caller, id);
            case "refuse" -> consents.refuse(caller, id, null);
            default -> consents.revoke(caller, id);
        });
    }

    @PostMapping("/credit/statements")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String upload(Caller caller, Locale locale, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try (Upload upload = Upload.spool(file.getInputStream())) {
            return act(locale, flash, "/credit", () -> cashFlows.importStatements(caller, caller.enterpriseId(), upload, null));
        }
    }

    @PostMapping("/credit/decisions")
    @PreAuthorize("hasRole('INSTITUTION')")
    String decide(Caller caller, Locale locale, @RequestParam long enterpriseId, @RequestParam(required = false) BigDecimal amount,
                  @RequestParam(required = false) Integer months, @RequestParam(required = false) Terms.Purpose purpose,
                  @RequestParam(required = false) boolean secured, RedirectAttributes flash) {
        try {
            CreditDecisions.Decision d = decisions.decide(caller, enterpriseId, new Terms(amount, months, purpose, secured));
            flash.addFlashAttribute("decision", d);
            flash.addFlashAttribute("decisionReasons", texts.render(d.reasons(), locale));
            flash.addFlashAttribute("restrictedApplied", texts.restricted(d.reasons(), locale));
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/credit/enterprises/" + enterpriseId;
    }

    private String act(Locale locale, RedirectAttributes flash, String back, Supplier<Object> effect) {
        try {
            effect.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:" + back;
    }
}
