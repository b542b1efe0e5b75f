package cn.chanrong.platform;

import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;

/**
 * The version an update expects to replace, from an {@code If-Match} header (a stale one is a
 * failed precondition, 412) or else from the body's {@code version} (a stale one is a conflict,
 * 409). Neither is a missing precondition (428).
 */
public record ExpectedVersion(int version, boolean fromIfMatch) {

    public static ExpectedVersion of(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            try {
                return new ExpectedVersion(Integer.parseInt(v.replace("\"", "")), true);
            } catch (NumberFormatException e) {
                throw Rejected.of(Rejected.Kind.PRECONDITION_FAILED, Rejection.of("version.malformed", "If-Match", ifMatch));
            }
        }
        if (bodyVersion == null) {
            throw Rejected.of(Rejected.Kind.PRECONDITION_REQUIRED, Rejection.of("version.required", "If-Match"));
        }
        return new ExpectedVersion(bodyVersion, false);
    }
}
