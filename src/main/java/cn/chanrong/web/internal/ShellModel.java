package cn.chanrong.web.internal;

import cn.chanrong.identity.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is logged in, in which role, and the current path. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    @ModelAttribute("me")
    Object me() {
        return CurrentCaller.get().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest req) {
        return req.getRequestURI();
    }
}
