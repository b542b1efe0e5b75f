package cn.chanrong.enterprise.domain;

import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of an issuing authority's list as a regulator imports it: the list, its issuer and issuing
 * document, the enterprise's credit code and the validity ({@code validTo} null is open-ended, else
 * exclusive). {@link #check} reads a row's cells and names every field that is wrong.
 */
public record StatusListEntry(StatusList list, String issuer, String document, String creditCode, LocalDate validFrom,
                              LocalDate validTo) {

    /** A row's cells as read (trimmed, null when empty). */
    public record Input(String list, String issuer, String document, String creditCode, String validFrom, String validTo) {
    }

    /** The entry, or the rejections (each with its field) when any cell is wrong. */
    public record Outcome(StatusListEntry entry, List<Rejection> rejections) {
        public boolean ok() {
            return rejections.isEmpty();
        }
    }

    public static Outcome check(Input in) {
        List<Rejection> r = new ArrayList<>();
        StatusList list = null;
        if (in.list() == null) {
            r.add(Rejection.of("required", "list"));
        } else {
            list = StatusList.parse(in.list()).orElse(null);
            if (list == null) {
                r.add(Rejection.of("enum", "list", in.list(), StatusList.allowed()));
            }
        }
        text(in.issuer(), "issuer", r);
        text(in.document(), "document", r);
        if (in.creditCode() == null) {
            r.add(Rejection.of("required", "creditCode"));
        } else {
            CreditCode.check(in.creditCode(), "creditCode").ifPresent(r::add);
        }
        cn.chanrong.shared.Validity validity = cn.chanrong.shared.Validity.read(in.validFrom(), in.validTo(), r);
        LocalDate from = validity.from();
        LocalDate to = validity.to();
        return r.isEmpty() ? new Outcome(new StatusListEntry(list, in.issuer(), in.document(), in.creditCode(), from, to), List.of())
                : new Outcome(null, List.copyOf(r));
    }

    private static void text(String v, String field, List<Rejection> r) {
        if (v == null) {
            r.add(Rejection.of("required", field));
        } else if (v.length() < 2 || v.length() > 200) {
            r.add(Rejection.of("length", field, 2, 200));
        }
    }

    /** The status this entry gives its enterprise. */
    public StatusRules.Held held() {
        return new StatusRules.Held(list.type(), StatusRules.Source.LIST, issuer, document, validFrom, validTo);
    }
}
