package cn.chanrong.cashflow.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account numbers and party names as comparable keys. Banks print the same party differently
 * (full-width brackets, spaces in account numbers, upper or lower case), and a match we miss for
 * such a reason would let a round trip through a related party pass unseen.
 */
final class PartyKeys {

    private PartyKeys() {
    }

    /** NFKC (full-width to half-width), lower case, without whitespace and dashes; null for blank. */
    static String key(String s) {
        if (s == null) {
            return null;
        }
        String k = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\-]", "");
        return k.isEmpty() ? null : k;
    }

    static Set<String> keys(Collection<String> identifiers) {
        return identifiers == null ? Set.of() : identifiers.stream().map(PartyKeys::key)
                .filter(k -> k != null).collect(Collectors.toUnmodifiableSet());
    }

    /** True when the account number or the name is one of the keys. */
    static boolean matches(Set<String> keys, String account, String name) {
        String a = key(account);
        String n = key(name);
        return (a != null && keys.contains(a)) || (n != null && keys.contains(n));
    }
}
