package cn.chanrong.registry.internal;

import cn.chanrong.registry.CollateralRegistry.Request;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.registry.domain.FilingRules;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/** A filing or check request as the registry works with it: checked, trimmed, identifiers sorted once. */
final class FilingRequest {

    private FilingRequest() {
    }

    record Normalised(String grantor, CollateralType type, List<String> identifiers, String blanketScope,
                      java.time.LocalDate deliveredOn, boolean purchaseMoney) {
    }

    static Normalised normalise(Request r, boolean filing) {
        List<Rejection> problems = FilingRules.check(r.grantor(), r.collateralType(), r.description(), r.identifiers(),
                r.blanketScope(), r.termMonths(), filing);
        FilingRules.checkPurchaseMoney(r.collateralType(), r.purchaseMoney()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<String> ids = r.identifiers() == null ? List.of()
                : new TreeSet<>(r.identifiers().stream().map(String::strip).toList()).stream().toList();
        String scope = r.blanketScope() == null || r.blanketScope().isBlank() ? null : r.blanketScope().strip();
        return new Normalised(r.grantor().strip(), CollateralType.parse(r.collateralType().strip()).orElseThrow(), ids,
                scope, r.deliveredOn(), r.purchaseMoney());
    }

    /** A stable 64-bit key for an advisory lock. */
    static long lockKey(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static List<String> cleaned(List<String> raw) {
        return raw == null ? List.of()
                : new TreeSet<>(raw.stream().map(s -> s == null ? "" : s.strip()).toList()).stream().toList();
    }
}
