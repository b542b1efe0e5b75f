package cn.chanrong.web.internal;

import cn.chanrong.identity.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page of the workbench. */
@Controller
class ShellController {

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        return "home";
    }
}
