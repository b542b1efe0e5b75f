package cn.chanrong.identity.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import cn.chanrong.identity.Users;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.platform.ApiErrors;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: the user directory with a form to add users; links to institutions and imports. */
@Controller
class AdminPages {

    private final Users users;
    private final ApiErrors errors;

    AdminPages(Users users, ApiErrors errors) {
        this.users = users;
        this.errors = errors;
    }

    @GetMapping("/admin")
    @PreAuthorize("hasRole('ADMIN')")
    String admin(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("users", users.list(caller, PageRequest.of(page == null ? 0 : Math.max(0, page), 50)));
        model.addAttribute("roles", Role.values());
        return "admin/index";
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String addUser(Caller caller, Locale locale, @RequestParam String username, @RequestParam String password,
                   @RequestParam String displayName, @RequestParam String role,
                   @RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) Long institutionId,
                   @RequestParam(required = false) String authorities, @RequestParam(required = false) String department,
                   @RequestParam(required = false) String regionCode, RedirectAttributes flash) {
        try {
            Role r = Arrays.stream(Role.values()).filter(x -> x.name().equals(role)).findFirst().orElse(null);
            Set<String> auths = new LinkedHashSet<>();
            if (authorities != null) {
                Arrays.stream(authorities.split("[,\\s]+")).filter(a -> !a.isBlank()).forEach(auths::add);
            }
            users.create(new UserDraft(username.strip(), password, displayName.strip(), r, enterpriseId, institutionId,
                    auths, blank(department), blank(regionCode)), caller);
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/admin";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
