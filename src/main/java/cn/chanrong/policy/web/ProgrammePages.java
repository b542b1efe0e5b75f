package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.Programmes;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.shared.PageRequest;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The programmes in the workbench: by kind, with the terms in force on a day; one programme with its versions. */
@Controller
class ProgrammePages {

    private final Programmes programmes;

    ProgrammePages(Programmes programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/policy/programmes")
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, Model model, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String on, @RequestParam(required = false) Integer page) {
        String k = kind == null || kind.isBlank() ? null : kind;
        LocalDate day = ProgrammesApi.day(on);
        model.addAttribute("result", programmes.list(caller, k, day, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("kind", k);
        model.addAttribute("on", day);
        model.addAttribute("kinds", ProgrammeKind.values());
        return "policy/programmes";
    }

    @GetMapping("/policy/programmes/{id}")
    @PreAuthorize("isAuthenticated()")
    String one(Caller caller, @PathVariable long id, Model model, @RequestParam(required = false) String on) {
        model.addAttribute("p", programmes.get(caller, id, ProgrammesApi.day(on)));
        return "policy/programme";
    }
}
