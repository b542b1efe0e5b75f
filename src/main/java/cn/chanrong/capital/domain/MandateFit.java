package cn.chanrong.capital.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an investor's mandate fits an equity need, criterion by criterion, each with what it compared: the stage among
 * the mandate's stages, the amount within its ticket, the enterprise's province among its regions (none named: any),
 * one of the enterprise's chain tags among its chains (none named: any). It fits when every criterion is met.
 */
public final class MandateFit {

    public enum Criterion { STAGE, TICKET, REGION, CHAIN }

    public record Check(Criterion criterion, boolean met, String detail) {
    }

    public record Mandate(Set<InvestmentStage> stages, BigDecimal minTicket, BigDecimal maxTicket, Set<String> regions,
                          Set<String> chains) {
    }

    public record Need(InvestmentStage stage, BigDecimal amount, String provinceCode, Set<String> chains) {
    }

    public record Result(boolean fits, List<Check> checks) {
    }

    private MandateFit() {
    }

    public static Result of(Mandate m, Need n) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(Criterion.STAGE, m.stages().contains(n.stage()), n.stage() + " in " + m.stages()));
        boolean ticket = n.amount().compareTo(m.minTicket()) >= 0 && n.amount().compareTo(m.maxTicket()) <= 0;
        checks.add(new Check(Criterion.TICKET, ticket, n.amount().toPlainString() + " in [" + m.minTicket().toPlainString()
                + ", " + m.maxTicket().toPlainString() + "]"));
        boolean region = m.regions().isEmpty() || n.provinceCode() != null && m.regions().contains(n.provinceCode());
        checks.add(new Check(Criterion.REGION, region, n.provinceCode() + (m.regions().isEmpty() ? " (any region)"
                : " in " + m.regions())));
        boolean chain = m.chains().isEmpty() || n.chains().stream().anyMatch(m.chains()::contains);
        checks.add(new Check(Criterion.CHAIN, chain, n.chains() + (m.chains().isEmpty() ? " (any chain)"
                : " meets " + m.chains())));
        return new Result(checks.stream().allMatch(Check::met), checks);
    }
}
