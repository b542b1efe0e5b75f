package cn.chanrong.demo.generator;

import cn.chanrong.demo.generator.ReferenceTables.Province;
import cn.chanrong.enterprise.domain.QualificationType;
import cn.chanrong.enterprise.domain.SizeClass;
import java.time.LocalDate;
import java.time.Period;

/**
 * Qualifications from the latest statement and the enterprise's place in chains, following the
 * published thresholds in simplified form (FACTS.md §5): high-tech needs R&D intensity of 5/4/3 % by
 * revenue band and R&D staff of 10 %; specialised SMEs need two years, 10 M yuan revenue, 1 M yuan
 * and 3 % R&D; little giants three years, a 70 % main business share, debt ratio ≤ 70 % and R&D of
 * 3 % (revenue ≥ 100 M) or 6 % (≥ 50 M). Little giants are always specialised SMEs, which are mostly
 * innovative SMEs. Pass rates among the eligible are our assumptions, tuned so that little giants
 * are about a tenth of specialised SMEs (1.46 万 of 14 万 at end-2024, MIIT).
 */
final class Qualifications {

    private static final LocalDate AS_OF = GeneratorSettings.AS_OF;

    private Qualifications() {
    }

    /** Writes the enterprise's qualifications; returns them as a bit set in {@link QualificationType} order. */
    static int write(Population p, int i, int tags, boolean core, Statements.Facts f, String code, CsvOut out) {
        Rng rng = new Rng(p.seed, i, Rng.Stream.QUALIFICATIONS);
        LocalDate founded = p.founded(i);
        int age = Period.between(founded, AS_OF).getYears();
        SizeClass size = p.size(i);
        boolean sme = size != SizeClass.LARGE;
        Province province = p.prefecture(i).province();
        String industry = p.industry(i).code();
        long revenueYuan = f.revenue / Money.YUAN;
        double rd = f.rdRatio();
        int held = 0;

        double highTechThreshold = revenueYuan < 50_000_000 ? 0.05 : revenueYuan < 200_000_000 ? 0.04 : 0.03;
        boolean highTechEligible = age >= 1 && rd >= highTechThreshold && f.rdStaff * 10L >= p.employees[i]
                && f.ipClass1 + f.ipClass2 >= 1;
        if (highTechEligible && rng.chance(0.7)) {
            held |= bit(QualificationType.HIGH_TECH);
            threeYears(out, code, QualificationType.HIGH_TECH, Issuers.science(province), certificateYear(rng, founded, 1), 10, rng);
        } else if (age >= 5 && rng.chance(0.06)) {
            // a certificate that lapsed without renewal: issued 2021 or 2022, expired before the as-of date
            threeYears(out, code, QualificationType.HIGH_TECH, Issuers.science(province), rng.between(2021, 2022), 10, rng);
        }
        if (sme && p.employees[i] <= 500 && revenueYuan <= 200_000_000 && rd >= 0.02 && rng.chance(0.4)) {
            held |= bit(QualificationType.TECH_SME);
            LocalDate from = day(GeneratorSettings.LAST_YEAR, rng.between(3, 9), rng);
            row(out, code, QualificationType.TECH_SME, Issuers.science(province), later(from, founded), LocalDate.of(GeneratorSettings.LAST_YEAR, 12, 31));
        }
        int innovativeYear = 0;
        if (sme && age >= 1 && (rd >= 0.03 || (held & bit(QualificationType.HIGH_TECH)) != 0) && f.mainShare() >= 0.5 && rng.chance(0.55)) {
            held |= bit(QualificationType.INNOVATIVE_SME);
            innovativeYear = certificateYear(rng, founded, 1);
            threeYears(out, code, QualificationType.INNOVATIVE_SME, Issuers.industry(province), innovativeYear, 6, rng);
        }
        int specialisedYear = 0;
        boolean specialisedEligible = sme && age >= 2 && revenueYuan >= 10_000_000 && f.rd >= Money.MILLION
                && rd >= 0.03 && f.mainShare() >= 0.6;
        if (specialisedEligible && rng.chance(innovativeYear > 0 ? 0.45 : 0.05)) {
            held |= bit(QualificationType.SPECIALISED_SME);
            specialisedYear = Math.max(innovativeYear, certificateYear(rng, founded, 2));
            threeYears(out, code, QualificationType.SPECIALISED_SME, Issuers.industry(province), specialisedYear, 7, rng);
        }
        boolean littleGiantEligible = specialisedYear > 0 && age >= 3 && f.mainShare() >= 0.7 && f.debtRatio() <= 0.7
                && (revenueYuan >= 100_000_000 && rd >= 0.03 || revenueYuan >= 50_000_000 && rd >= 0.06);
        if (littleGiantEligible && rng.chance(0.35)) {
            held |= bit(QualificationType.LITTLE_GIANT);
            threeYears(out, code, QualificationType.LITTLE_GIANT, Issuers.MIIT, Math.max(specialisedYear, certificateYear(rng, founded, 3)), 7, rng);
        }
        double championRate = size == SizeClass.LARGE ? 0.08 : size == SizeClass.MEDIUM ? 0.015 : 0;
        if (industry.startsWith("C") && age >= 10 && f.mainShare() >= 0.7 && championRate > 0 && rng.chance(championRate)) {
            held |= bit(QualificationType.SINGLE_CHAMPION);
            threeYears(out, code, QualificationType.SINGLE_CHAMPION, Issuers.MIIT, certificateYear(rng, founded, 3), 11, rng);
        }
        if (core && tags != 0 && age >= 1 && rng.chance(0.35)) {
            held |= bit(QualificationType.CHAIN_LEADER);
            threeYears(out, code, QualificationType.CHAIN_LEADER, Issuers.industry(province), certificateYear(rng, founded, 1), 4, rng);
        }
        boolean equipment = industry.startsWith("C34") || industry.startsWith("C35") || industry.startsWith("C37")
                || industry.startsWith("C38") || industry.startsWith("C40");
        if (equipment && age >= 1 && (size == SizeClass.LARGE || size == SizeClass.MEDIUM || specialisedYear > 0) && rng.chance(0.05)) {
            held |= bit(QualificationType.FIRST_SET);
            String issuer = size == SizeClass.LARGE && rng.chance(0.4) ? Issuers.MIIT : Issuers.industry(province);
            threeYears(out, code, QualificationType.FIRST_SET, issuer, certificateYear(rng, founded, 1), 9, rng);
        }
        return held;
    }

    static int bit(QualificationType q) {
        return 1 << q.ordinal();
    }

    /**
     * A year in 2023–2025, so that three-year certificates are current, and at least {@code minimumAge}
     * calendar years after founding (callers check the enterprise is old enough).
     */
    private static int certificateYear(Rng rng, LocalDate founded, int minimumAge) {
        return Math.max(rng.between(GeneratorSettings.LAST_YEAR - 2, GeneratorSettings.LAST_YEAR),
                Math.min(GeneratorSettings.LAST_YEAR, founded.getYear() + minimumAge));
    }

    private static void threeYears(CsvOut out, String code, QualificationType q, String issuer, int year, int month, Rng rng) {
        LocalDate from = day(year, month, rng);
        row(out, code, q, issuer, from, from.plusYears(3).minusDays(1));
    }

    private static LocalDate day(int year, int month, Rng rng) {
        LocalDate first = LocalDate.of(year, month, 1);
        return first.plusDays(rng.below(first.lengthOfMonth()));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void row(CsvOut out, String code, QualificationType q, String issuer, LocalDate from, LocalDate to) {
        out.text(code).text(q.name()).text(issuer).text(from.toString()).text(to.toString()).end();
    }
}
