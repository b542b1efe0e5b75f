package cn.chanrong.web.internal;

import cn.chanrong.shared.Rejected;
import cn.chanrong.platform.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.LocaleResolver;

/** Workbench pages: a refusal that a screen does not handle itself becomes an error page with the reason. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiExceptionHandler {

    private final ApiErrors errors;
    private final LocaleResolver locales;

    UiExceptionHandler(ApiErrors errors, LocaleResolver locales) {
        this.errors = errors;
        this.locales = locales;
    }

    @ExceptionHandler(Rejected.class)
    String rejected(Rejected e, HttpServletRequest req, HttpServletResponse res, Model model) {
        res.setStatus(ApiErrors.status(e.kind()).value());
        var locale = locales.resolveLocale(req);
        model.addAttribute("status", ApiErrors.status(e.kind()).value());
        model.addAttribute("reasons", e.rejections().stream().map(r -> errors.message(r, locale)).toList());
        return "problem";
    }
}
