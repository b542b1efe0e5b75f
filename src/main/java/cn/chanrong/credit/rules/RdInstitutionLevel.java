package cn.chanrong.credit.rules;

/**
 * The highest level at which the enterprise's R&amp;D institution is recognised. The declaration order is
 * the rank, so {@link #rank()} can be used as a numeric band input.
 */
public enum RdInstitutionLevel {
    NONE,
    MUNICIPAL,
    PROVINCIAL,
    NATIONAL;

    /** 0 for none up to 3 for national; the value looked up in band tables. */
    public int rank() {
        return ordinal();
    }

    /** Whether this is a provincial or national institution (the innovative-SME direct route). */
    public boolean atLeastProvincial() {
        return compareTo(PROVINCIAL) >= 0;
    }

    /**
     * The level to judge by: the declared level, else provincial when only the provincial-institution flag is
     * known to be true, else null (unknown).
     */
    static RdInstitutionLevel effective(EvaluationInputs in) {
        if (in.rdInstitutionLevel() != null) {
            return in.rdInstitutionLevel();
        }
        return Boolean.TRUE.equals(in.provincialRdInstitution()) ? PROVINCIAL : null;
    }
}
