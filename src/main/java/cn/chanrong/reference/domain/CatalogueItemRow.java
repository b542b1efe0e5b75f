package cn.chanrong.reference.domain;

import cn.chanrong.reference.FinanceCatalogues;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One row of a green or transition catalogue file checked, pure: the code is dotted numbers (1, 1.1, 1.1.1 …, at most
 * five levels), its level and parent follow from it, both names are given (at most 200 characters), the industry —
 * where given — is a GB/T 4754-2017 code the platform knows.
 */
public final class CatalogueItemRow {

    private CatalogueItemRow() {
    }

    /** The item, or null with the rejections (each naming its column's field). */
    public record Outcome(FinanceCatalogues.Item item, List<Rejection> rejections) {
    }

    public static Outcome check(String edition, String code, String nameZh, String nameEn, String industryCode,
                                Predicate<String> industryKnown) {
        List<Rejection> out = new ArrayList<>();
        if (code == null || !code.matches("[0-9]{1,2}(\\.[0-9]{1,2}){0,4}")) {
            out.add(Rejection.of("reference.catalogue.code", "catalogueCode", code == null ? "" : code));
        }
        if (nameZh == null || nameZh.length() > 200) {
            out.add(Rejection.of("reference.catalogue.name", "nameZh"));
        }
        if (nameEn == null || nameEn.length() > 200) {
            out.add(Rejection.of("reference.catalogue.name", "nameEn"));
        }
        if (industryCode != null && !industryKnown.test(industryCode)) {
            out.add(Rejection.of("reference.catalogue.industry", "industryCode", industryCode));
        }
        if (!out.isEmpty()) {
            return new Outcome(null, out);
        }
        int dot = code.lastIndexOf('.');
        return new Outcome(new FinanceCatalogues.Item(edition, code, level(code), dot < 0 ? null : code.substring(0, dot),
                nameZh, nameEn, industryCode), List.of());
    }

    /** 1 for "4", 3 for "4.1.2". */
    public static int level(String code) {
        return (int) code.chars().filter(c -> c == '.').count() + 1;
    }
}
