package cn.chanrong.capital.web;

import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * A form's enterprise field read back (the suggestions come from the shared {@code /warning/firms} datalist): a credit
 * code as picked or typed, or the one firm in the caller's scope bearing exactly that name; anything else is passed on
 * as typed, for the service to refuse naming the field.
 */
@Component
class FirmNames {

    private final Enterprises enterprises;

    FirmNames(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    String creditCode(Caller caller, String typed) {
        String t = typed == null || typed.isBlank() ? null : typed.strip();
        if (t == null || CreditCode.check(t, "enterprise").isEmpty()) {
            return t;
        }
        var named = enterprises.search(caller, new EnterpriseFilter(null, t, null, null), PageRequest.of(0, 2)).items()
                .stream().filter(e -> e.name().equals(t)).toList();
        return named.size() == 1 ? named.getFirst().creditCode() : t;
    }
}
