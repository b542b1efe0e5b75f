package cn.chanrong.credit.web;

import cn.chanrong.credit.decision.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Reasons in the reader's language: {@code decision.<code>}, with a characteristic named by its label. */
@Component
class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    List<Map<String, Object>> render(List<Reason> reasons, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Reason r : reasons) {
            Object[] args = r.args().toArray();
            if ("score.characteristic".equals(r.code()) && args.length > 0) {
                args[0] = feature(String.valueOf(args[0]), locale);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", r.kind());
            m.put("code", r.code());
            m.put("args", r.args());
            m.put("message", messages.getMessage("decision." + r.code(), args, r.code(), locale));
            out.add(m);
        }
        return out;
    }

    /** Labels carry no arguments, so MessageFormat never runs on them: undo its quote doubling here. */
    String feature(String name, Locale locale) {
        return messages.getMessage("feature." + name, null, name, locale).replace("''", "'");
    }

    String hint(String name, Locale locale) {
        return messages.getMessage("feature." + name + ".hint", null, "", locale).replace("''", "'");
    }
}
