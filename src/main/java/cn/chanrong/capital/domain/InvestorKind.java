package cn.chanrong.capital.domain;

import cn.chanrong.institution.InstitutionType;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Kinds of investor: fund managers registered with the Asset Management Association of China (私募股权、创业投资基金管理人,
 * 私募投资基金监督管理条例 2023), government investment (guidance) funds, insurers' long-term funds, regional equity markets
 * (区域性股权市场, with their 专精特新 boards). Only institutions of the investing types may act as investors: a bank never.
 */
public enum InvestorKind {
    VC_PE_MANAGER, GUIDANCE_FUND, INSURANCE_FUND, REGIONAL_EQUITY_MARKET;

    /** Institution types that may register as investors. */
    public static final Set<InstitutionType> INVESTING_TYPES = Set.of(InstitutionType.FUND_VC, InstitutionType.INSURER,
            InstitutionType.SECURITIES_FIRM);

    /** A fund manager must give its registration number (P and seven digits). */
    public boolean needsRegistration() {
        return this == VC_PE_MANAGER;
    }

    public static Optional<InvestorKind> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
