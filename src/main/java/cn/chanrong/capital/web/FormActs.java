package cn.chanrong.capital.web;

import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Rejected;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workbench form's act, run the one way the capital pages run them: done, the page says so; refused, the page says
 * why in the caller's language and keeps what was typed (the CSRF token aside); either way back to the page.
 */
final class FormActs {

    private FormActs() {
    }

    static String run(ApiErrors errors, RedirectAttributes flash, Locale locale, Map<String, String> form, String redirect,
                      Supplier<?> act) {
        try {
            act.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("_csrf");
            flash.addFlashAttribute("form", kept);
        }
        return "redirect:" + redirect;
    }
}
