package cn.chanrong.policy.domain;

import java.util.List;

/**
 * What a programme is, who issues it (the department whose regulators may write it) and the terms its kind
 * needs ({@link Field}): each term is required unless marked optional. The figures themselves are data
 * (docs/POLICY.md lists the sources); only their shape is code.
 */
public enum ProgrammeKind {

    /** 科技创新和技术改造再贷款: the PBOC re-lends a share of qualifying loans' principal. */
    TECH_RELENDING("PBOC", List.of(Field.money("quotaYuan"), Field.percent("ratePercent"), Field.percent("sharePercent"),
            Field.whole("termMonths", 1, 60), Field.whole("rollovers", 0, 10))),
    /** 碳减排支持工具: as re-lending, for carbon-reduction loans priced around the LPR. */
    CARBON_TOOL("PBOC", List.of(Field.money("quotaYuan").optional(), Field.percent("ratePercent"),
            Field.percent("sharePercent"), Field.whole("termMonths", 1, 60), Field.whole("rollovers", 0, 10),
            Field.text("loanRateCondition").optional())),
    /** 支小再贷款: re-lending for small and micro loans under a size and rate ceiling, a quota per bank. */
    SMALL_BUSINESS_RELENDING("PBOC", List.of(Field.percent("ratePercent"), Field.whole("termMonths", 1, 60),
            Field.percent("sharePercent").optional(), Field.whole("rollovers", 0, 10).optional(),
            Field.money("quotaPerBankYuan").optional(), Field.money("maxLoanYuan").optional(),
            Field.percent("maxLoanRatePercent").optional())),
    /** 再贴现: bills bought at the rediscount rate, tenor at most six months. */
    REDISCOUNT("PBOC", List.of(Field.percent("ratePercent").optional(), Field.whole("maxTenorMonths", 1, 12),
            Field.money("quotaYuan").optional())),
    /**
     * A central interest subsidy: percentage points a year on the outstanding principal, for a number of years from the
     * loan's payout; {@code settlement} NET (netted off the borrower's interest, the default) or CLAIM (the bank claims
     * it and pays it to the borrower).
     */
    CENTRAL_SUBSIDY("MOF", List.of(Field.percent("subsidyPoints"), Field.whole("maxYears", 1, 10),
            Field.date("validTo").optional(), Field.text("settlement").optional())),
    /** A local interest subsidy of a pilot city or province: rate, cap per loan, term. */
    LOCAL_SUBSIDY("MOF", List.of(Field.percent("subsidyPoints"), Field.whole("maxYears", 1, 10),
            Field.money("capPerLoanYuan").optional(), Field.date("validTo").optional(), Field.text("settlement").optional())),
    /** A government guarantee scheme: the fee target and how a loss is shared along the re-guarantee chain. */
    GUARANTEE_SCHEME("MOF", List.of(Field.percent("feeTargetPercent"), Field.percent("coveragePercent"),
            Field.percent("bankSharePercent"), Field.percent("agencySharePercent"),
            Field.percent("reguarantorSharePercent"), Field.percent("nationalFundSharePercent"))),
    /** A local risk-compensation pool: a share of a bank's loss, caps per loan and per year, what triggers it. */
    RISK_POOL("MOF", List.of(Field.percent("sharePercent"), Field.money("capPerLoanYuan"), Field.money("capPerYearYuan"),
            Field.whole("triggerDaysPastDue", 1, 720)));

    private final String issuer;
    private final List<Field> fields;

    ProgrammeKind(String issuer, List<Field> fields) {
        this.issuer = issuer;
        this.fields = fields;
    }

    /** The department whose (national) regulators write programmes of this kind. */
    public String issuer() {
        return issuer;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The parts a guarantee scheme shares a loss in must add up to the whole. */
    public boolean sharesLoss() {
        return this == GUARANTEE_SCHEME;
    }

    /** A term: its name, what it holds, its bounds (whole numbers), whether it may be left out. */
    public record Field(String name, Type type, int min, int max, boolean required) {

        public enum Type { MONEY, PERCENT, WHOLE, TEXT, DATE }

        static Field money(String name) {
            return new Field(name, Type.MONEY, 0, 0, true);
        }

        static Field percent(String name) {
            return new Field(name, Type.PERCENT, 0, 100, true);
        }

        static Field whole(String name, int min, int max) {
            return new Field(name, Type.WHOLE, min, max, true);
        }

        static Field text(String name) {
            return new Field(name, Type.TEXT, 1, 200, true);
        }

        static Field date(String name) {
            return new Field(name, Type.DATE, 0, 0, true);
        }

        Field optional() {
            return new Field(name, type, min, max, false);
        }
    }
}
