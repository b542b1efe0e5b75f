package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.FilingEvent;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A financing publishes its event once it is filed and booked, with the figures the loan carries; the
 * registry publishes each filing registered and cancelled. The services are called on the test's
 * thread, where the published events are recorded.
 */
@IntegrationTest
@RecordApplicationEvents
class ScfEventsIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Users users;

    @Autowired
    WarehouseReceipts warehouses;

    @Autowired
    Vouchers vouchers;

    @Autowired
    CollateralRegistry registry;

    long id(String username, String column) {
        return jdbc.sql("SELECT " + column + " FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single();
    }

    Caller caller(String username) {
        return users.caller(username).orElseThrow();
    }

    @Test
    void a_pledge_publishes_receipt_pledged_and_its_filing_registered_and_a_cancellation_filing_cancelled() {
        long bank = id("bank", "institution_id");
        long sme = id("enterprise", "enterprise_id");
        Caller admin = Caller.system("test-admin");
        String commodity = "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        var warehouse = warehouses.register(admin, new WarehouseReceipts.WarehouseRequest("事件测试监管仓 "
                + commodity, "350100", "福州市仓山区", null, true));
        var receipt = warehouses.issue(admin, new WarehouseReceipts.IssueRequest(warehouse.id(), sme, commodity, "电解铜",
                "100", "t"));
        warehouses.enterPrice(admin, new WarehouseReceipts.PriceRequest(commodity, TODAY, "10000", "t"));

        var pledged = warehouses.pledge(caller("enterprise"), receipt.id(), new WarehouseReceipts.PledgeRequest(bank,
                "STATIC", null, new BigDecimal("600000"), LocalDate.of(2026, 12, 31), "4.35", "0.70", "0.85", null));

        var event = events.stream(ScfEvent.ReceiptPledged.class).filter(e -> e.receiptId() == receipt.id())
                .findFirst().orElseThrow();
        assertThat(event.institutionId()).isEqualTo(bank);
        assertThat(event.ownerId()).isEqualTo(sme);
        assertThat(event.mode()).isEqualTo("STATIC");
        assertThat(event.loanAmount()).isEqualByComparingTo("600000.00");
        // 600,000 × 4.35 % × 184 / 360
        assertThat(event.interest()).isEqualByComparingTo("13340.00");
        assertThat(event.filingNumber()).isEqualTo(pledged.pledge().filingNumber());
        assertThat(jdbc.sql("SELECT principal FROM loan WHERE id = :id").param("id", event.loanId())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("600000.00");

        var filed = events.stream(FilingEvent.FilingRegistered.class)
                .filter(e -> e.number().equals(event.filingNumber())).findFirst().orElseThrow();
        assertThat(filed.collateralType()).isEqualTo("WAREHOUSE_RECEIPT");
        assertThat(filed.securedParty()).isEqualTo(bank);
        assertThat(filed.identifiers()).containsExactly(receipt.number());

        registry.cancel(bank, event.filingNumber(), "test: released", "test");
        assertThat(events.stream(FilingEvent.FilingCancelled.class)
                .filter(e -> e.number().equals(event.filingNumber()))
                .map(FilingEvent.FilingCancelled::reason)).containsExactly("test: released");
    }

    @Test
    void a_discount_publishes_voucher_discounted_with_interest_on_the_face_and_the_payout_lent() {
        long bank = id("bank", "institution_id");
        long core = id("core", "enterprise_id");
        long sme = id("enterprise", "enterprise_id");
        long facilities = jdbc.sql("""
                        SELECT count(*) FROM facility WHERE institution_id = :i AND borrower_id = :b AND status = 'ACTIVE'
                           AND valid_from <= DATE '2026-06-30' AND valid_to >= DATE '2026-12-31'""")
                .param("i", bank).param("b", core).query(Long.class).single();
        if (facilities == 0) {
            var r = Api.as(port, "bank-approver").post("/api/v1/facilities", Map.of("borrowerId", core,
                    "amount", "50000000.00", "validFrom", "2025-01-01", "validTo", "2027-12-31"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var voucher = vouchers.issue(caller("core"), new Vouchers.IssueRequest(sme, new BigDecimal("10000.00"), "2026-09-30", null,
                List.of(), "HT-EVENTS-" + ThreadLocalRandom.current().nextInt(1_000_000)));
        long root = jdbc.sql("SELECT id FROM scf_voucher_part WHERE voucher_id = :v AND parent_id IS NULL")
                .param("v", voucher.id()).query(Long.class).single();

        var discounted = vouchers.discount(caller("enterprise"), root, new Vouchers.DiscountRequest(bank, "3.6",
                "HT-EVENTS-DISCOUNT", true));

        var event = events.stream(ScfEvent.VoucherDiscounted.class).filter(e -> e.partId() == root).findFirst()
                .orElseThrow();
        assertThat(event.voucherId()).isEqualTo(voucher.id());
        assertThat(event.issuerId()).isEqualTo(core);
        assertThat(event.holderId()).isEqualTo(sme);
        // 10,000 × 3.6 % × 92 / 360 on the face value; the funder lends the rest
        assertThat(event.face()).isEqualByComparingTo("10000.00");
        assertThat(event.interest()).isEqualByComparingTo("92.00");
        assertThat(event.payout()).isEqualByComparingTo("9908.00");
        assertThat(event.recourse()).isTrue();
        assertThat(event.loanId()).isEqualTo(discounted.loanId());
        assertThat(discounted.payout()).isEqualByComparingTo("9908.00");
        assertThat(events.stream(FilingEvent.FilingRegistered.class)).as("a discount files nothing").isEmpty();
    }
}
