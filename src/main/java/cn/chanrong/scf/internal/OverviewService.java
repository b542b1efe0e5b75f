package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.scf.Receivables;
import cn.chanrong.scf.ScfOverview;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The regulator's supply-chain figures, computed from the loan book's trade references and the voucher parts. */
@Service
class OverviewService implements ScfOverview {

    private final TradeLoanStore loans;
    private final VoucherStore vouchers;
    private final AlertStore alerts;
    private final Receivables receivables;
    private final CollateralRegistry registry;
    private final PartyStore parties;

    OverviewService(TradeLoanStore loans, VoucherStore vouchers, AlertStore alerts, Receivables receivables,
                    CollateralRegistry registry, PartyStore parties) {
        this.loans = loans;
        this.vouchers = vouchers;
        this.alerts = alerts;
        this.receivables = receivables;
        this.registry = registry;
        this.parties = parties;
    }

    @Override
    @Transactional(readOnly = true)
    public Overview overview(Caller caller) {
        if (!caller.is(Role.REGULATOR) && !caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.regulators-only", null));
        }
        String prefix = caller.regionPrefix() == null ? "" : caller.regionPrefix();
        List<ChainRow> byChain = loans.byChain(prefix);
        List<TierRow> byTier = vouchers.tiers(prefix);
        long breaches = receivables.breaches(caller, PageRequest.of(0, 1)).total();
        List<Blocked> blocked = new ArrayList<>();
        for (Map.Entry<Long, Long> b : registry.blockedAttempts(parties.today().minusYears(1)).entrySet()) {
            blocked.add(new Blocked(b.getKey(), parties.institutionName(b.getKey()).orElse("#" + b.getKey()), b.getValue()));
        }
        blocked.sort((a, b) -> Long.compare(b.attempts(), a.attempts()));
        return new Overview(byChain, byTier, breaches, blocked, alerts.openCount());
    }
}
