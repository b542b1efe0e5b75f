package cn.chanrong.capital.internal;

import cn.chanrong.capital.Leases;
import cn.chanrong.capital.domain.LeaseKind;
import cn.chanrong.identity.Users;
import cn.chanrong.lending.schedule.RentalTiming;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's leasing: the demo SME sells its five-axis machining centre to 闽江金融租赁 and leases it back — three years,
 * quarterly rentals in arrears, a nominal buy-out price, a deposit — filed as FINANCIAL_LEASING at signing, its first two
 * rentals paid on their days; a second
 * lessor's lease of the same machine is then refused, the first filing named.
 */
@Component
class LeaseDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(LeaseDemoContributor.class);

    static final String MACHINE = "JGSK-DMU65-2023-0117";

    private final LeaseService leases;
    private final LeaseStore store;
    private final Users users;
    private final BusinessDate businessDate;

    LeaseDemoContributor(LeaseService leases, LeaseStore store, Users users, BusinessDate businessDate) {
        this.leases = leases;
        this.store = store;
        this.users = users;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        return 87;
    }

    @Override
    public void contribute(Path economy) {
        var lessor = users.caller("lessor").orElse(null);
        var lessor2 = users.caller("lessor2").orElse(null);
        var sme = users.caller("enterprise").orElse(null);
        if (lessor == null || lessor2 == null || sme == null
                || !leases.leases(cn.chanrong.identity.Caller.system("demo-loader"), PageRequest.of(0, 1)).items().isEmpty()) {
            return;
        }
        LocalDate today = businessDate.today();
        LocalDate signed = today.minusDays(200);
        String code = store.creditCode(sme.enterpriseId());
        var lease = leases.sign(lessor, new Leases.Draft(code, LeaseKind.SALE_LEASEBACK, "五轴联动加工中心（售后回租）",
                List.of(MACHINE), new BigDecimal("6800000.00"), BigDecimal.ZERO.setScale(2), 36, 3, new BigDecimal("5.2"),
                RentalTiming.IN_ARREARS, new BigDecimal("340000.00"), new BigDecimal("100.00"), signed, true), signed);
        // the first two quarterly rentals, paid on their days
        for (var rental : leases.schedule(lessor, lease.id()).subList(0, 2)) {
            leases.receive(lessor, lease.id(), new Leases.Payment(rental.rent(), rental.dueOn()), rental.dueOn());
        }
        try {
            leases.sign(lessor2, new Leases.Draft(code, LeaseKind.SALE_LEASEBACK, "五轴联动加工中心", List.of(MACHINE),
                    new BigDecimal("6500000.00"), BigDecimal.ZERO.setScale(2), 24, 1, new BigDecimal("4.9"),
                    RentalTiming.IN_ADVANCE, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), today.minusDays(20), false),
                    today.minusDays(20));
            throw new IllegalStateException("the demo's second lease of " + MACHINE + " should have been refused");
        } catch (Rejected refused) {
            log.info("Demo leasing: lease {} filed {}; a second lessor's lease of {} refused ({})", lease.number(),
                    lease.filingNumber(), MACHINE, refused.rejections().getFirst().code());
        }
    }
}
