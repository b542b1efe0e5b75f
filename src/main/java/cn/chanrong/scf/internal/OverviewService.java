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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The regulator's supply-chain figures, computed from the loan book's trade references and the voucher parts. */
@Service
class OverviewService implements ScfOverview {

    private final JdbcClient jdbc;
    private final Receivables receivables;
    private final CollateralRegistry registry;
    private final Parties parties;

    OverviewService(JdbcClient jdbc, Receivables receivables, CollateralRegistry registry, Parties parties) {
        this.jdbc = jdbc;
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
        List<ChainRow> byChain = jdbc.sql("""
                        SELECT coalesce(t.tag, 'NONE'),
                               CASE split_part(l.trade_reference, ':', 1) WHEN 'receivable' THEN 'RECEIVABLE'
                                    WHEN 'voucher-part' THEN 'VOUCHER' WHEN 'warehouse-receipt' THEN 'WAREHOUSE'
                                    WHEN 'denucleated' THEN 'DENUCLEATED' ELSE 'OTHER' END AS kind,
                               count(*), sum(l.principal), sum(l.principal_outstanding)
                          FROM loan_party_view l JOIN enterprise_party_view e ON e.id = l.borrower_id
                          LEFT JOIN enterprise_chain_tag_view t ON t.enterprise_id = l.borrower_id
                         WHERE l.trade_reference IS NOT NULL AND e.region_code LIKE :p || '%'
                         GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("p", prefix)
                .query((rs, i) -> new ChainRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).list();
        List<TierRow> byTier = jdbc.sql("""
                        SELECT p.tier, count(*),
                               coalesce(sum(p.amount) FILTER (WHERE p.status = 'LIVE'), 0),
                               coalesce(sum(p.amount) FILTER (WHERE p.status = 'DISCOUNTED'
                                   OR p.status = 'SETTLED' AND p.funder_id IS NOT NULL), 0),
                               coalesce(sum(p.amount) FILTER (WHERE p.status = 'SETTLED'), 0)
                          FROM scf_voucher_part p JOIN enterprise_party_view e ON e.id = p.holder_id
                         WHERE p.status IN ('LIVE', 'DISCOUNTED', 'SETTLED') AND e.region_code LIKE :p || '%'
                         GROUP BY p.tier ORDER BY p.tier""")
                .param("p", prefix)
                .query((rs, i) -> new TierRow(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).list();
        long breaches = receivables.breaches(caller, PageRequest.of(0, 1)).total();
        List<Blocked> blocked = new ArrayList<>();
        for (Map.Entry<Long, Long> b : registry.blockedAttempts(parties.today().minusYears(1)).entrySet()) {
            blocked.add(new Blocked(b.getKey(), parties.institutionName(b.getKey()).orElse("#" + b.getKey()), b.getValue()));
        }
        blocked.sort((a, b) -> Long.compare(b.attempts(), a.attempts()));
        long alerts = jdbc.sql("SELECT count(*) FROM scf_alert WHERE cleared_on IS NULL").query(Long.class).single();
        return new Overview(byChain, byTier, breaches, blocked, alerts);
    }
}
