package cn.chanrong.web.internal;

import cn.chanrong.identity.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page of the workbench: the caller's work queue, collected from every module. */
@Controller
class ShellController {

    private final java.util.List<cn.chanrong.identity.WorkQueue> queues;

    ShellController(java.util.List<cn.chanrong.identity.WorkQueue> queues) {
        this.queues = queues;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        // every module's work waiting for this caller, the most first
        model.addAttribute("queue", queues.stream().flatMap(q -> q.entries(caller).stream())
                .sorted(java.util.Comparator.comparing((cn.chanrong.identity.WorkQueue.Entry e) -> e.count() == 0)
                        .thenComparing(e -> !e.urgent()))
                .toList());
        return "home";
    }
}
