package cn.chanrong.policy.internal;

import cn.chanrong.identity.Users;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.policy.Ledgers;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's re-lending: the national bank taking part in the tech re-lending ({@code bank3}) compiles its ledger of
 * the last ninety days — the loan it made on the pushed tech-transformation project among the candidates —, its
 * approver confirms it and the central bank ({@code regulator}) approves it, booking the borrowing in the bank's book.
 */
@Component
class PolicyDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(PolicyDemoContributor.class);

    private final Ledgers ledgers;
    private final Users users;
    private final BusinessDate businessDate;

    PolicyDemoContributor(Ledgers ledgers, Users users, BusinessDate businessDate) {
        this.ledgers = ledgers;
        this.users = users;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        // after the matching demo made the loan on the pushed project
        return 75;
    }

    @Override
    public void contribute(Path economy) {
        var bank = users.caller("bank3").orElse(null);
        var approver = users.caller("bank3-approver").orElse(null);
        var pboc = users.caller("regulator").orElse(null);
        if (bank == null || approver == null || pboc == null
                || ledgers.list(bank, "PBOC-TECH-RL", null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        LocalDate today = businessDate.today();
        Ledgers.Ledger l = ledgers.compile(bank, new Ledgers.Compile("PBOC-TECH-RL", today.minusDays(90), today), Locale.CHINA);
        if (l.qualifying() == 0) {
            log.info("Demo re-lending ledger {}: {} candidates, none qualifying; left compiled", l.number(), l.candidates());
            return;
        }
        try {
            ledgers.confirm(approver, l.id(), Locale.CHINA);
            ledgers.approve(pboc, l.id(), Locale.CHINA);
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo re-lending ledger {} not approved: {}", l.number(), r.rejections());
            return;
        }
        log.info("Demo re-lending ledger {}: {} of {} loans qualify, {} re-lent and booked", l.number(), l.qualifying(),
                l.candidates(), l.relendingAmount());
    }
}
