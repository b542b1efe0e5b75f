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

    /**
     * The restricted-industry catalogue entry a decision names (its {@code policy.restricted.*} reason), as the
     * page shows it: category, catalogue, item number and text, document, what matched, the reason's text;
     * null when none applied.
     */
    Map<String, Object> restricted(List<Reason> reasons, Locale locale) {
        for (Reason r : reasons) {
            if (r.code().startsWith("policy.restricted.") && r.args().size() >= 5) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("category", r.code().endsWith(".eliminated") ? "ELIMINATED" : "RESTRICTED");
                m.put("catalogue", r.args().get(0));
                m.put("itemNo", r.args().get(1));
                m.put("item", r.args().get(2));
                m.put("document", r.args().get(3));
                m.put("matched", r.args().get(4));
                m.put("refused", !r.code().endsWith(".existing-capacity"));
                m.put("message", messages.getMessage("decision." + r.code(), r.args().toArray(), r.code(), locale));
                return m;
            }
        }
        return null;
    }

    /** Labels carry no arguments, so MessageFormat never runs on them: undo its quote doubling here. */
    String feature(String name, Locale locale) {
        return messages.getMessage("feature." + name, null, name, locale).replace("''", "'");
    }

    String hint(String name, Locale locale) {
        return messages.getMessage("feature." + name + ".hint", null, "", locale).replace("''", "'");
    }
}
