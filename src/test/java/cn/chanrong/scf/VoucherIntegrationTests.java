package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.shared.Rejected;
import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * E-vouchers end to end on the demo: {@code core} issues, {@code enterprise} is the tier-1 supplier, and
 * other demo enterprises act as tier-2 and tier-3 holders through the {@link Vouchers} bean (they have no
 * demo users). The business date is fixed at 2026-06-30, so to reach maturity a test moves a voucher's
 * issue and maturity dates back by SQL after the moves that must happen before maturity: that is test
 * setup standing in for the passage of time, never a path the service offers.
 */
@IntegrationTest
class VoucherIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vouchers vouchers;

    @Autowired
    TradeFinance tradeFinance;

    @Autowired
    Ledger ledger;

    long core;
    long sme;
    long bank;
    long bank2;

    @BeforeEach
    void ids() {
        core = user("core", "enterprise_id");
        sme = user("enterprise", "enterprise_id");
        bank = user("bank", "institution_id");
        bank2 = user("bank2", "institution_id");
    }

    long user(String username, String column) {
        return jdbc.sql("SELECT " + column + " FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single();
    }

    Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    /** Demo enterprises other than the two with users, to hold parts further down the chain. */
    List<Long> others(int n) {
        return jdbc.sql("SELECT id FROM enterprise WHERE id NOT IN (:a, :b) ORDER BY id LIMIT :n")
                .param("a", core).param("b", sme).param("n", n).query(Long.class).list();
    }

    static Caller holder(long enterpriseId) {
        return new Caller("holder-" + enterpriseId, Role.ENTERPRISE, enterpriseId, null, null, null, Set.of());
    }

    static Map<String, Object> issue(long supplier, String face, String maturity) {
        Map<String, Object> m = new HashMap<>();
        m.put("supplierId", supplier);
        m.put("faceValue", face);
        m.put("maturity", maturity);
        m.put("tradeBackground", "HT-2026-0630-" + face);
        return m;
    }

    JsonNode issued(String face, String maturity) {
        var r = as("core").post("/api/v1/vouchers", issue(sme, face, maturity));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long root(long voucherId) {
        return jdbc.sql("SELECT id FROM scf_voucher_part WHERE voucher_id = :v AND parent_id IS NULL")
                .param("v", voucherId).query(Long.class).single();
    }

    long vouchersCount() {
        return jdbc.sql("SELECT count(*) FROM scf_voucher").query(Long.class).single();
    }

    static String code(Api.Response r) {
        return r.json().get("errors").get(0).get("code").asString();
    }

    /** Stands in for time passing: the voucher was issued three months ago and matures {@code maturity}. */
    void backdate(long voucherId, String maturity) {
        jdbc.sql("UPDATE scf_voucher SET issued_on = CAST(:m AS DATE) - 92, maturity = CAST(:m AS DATE) WHERE id = :id")
                .param("m", maturity).param("id", voucherId).update();
    }

    /** The bank's credit line on the issuer that discounts draw on. */
    void bankFacilityOnCore() {
        long active = jdbc.sql("""
                        SELECT count(*) FROM facility WHERE institution_id = :i AND borrower_id = :b AND status = 'ACTIVE'
                           AND valid_from <= DATE '2026-06-30' AND valid_to >= DATE '2026-12-31'""")
                .param("i", bank).param("b", core).query(Long.class).single();
        if (active == 0) {
            var r = as("bank-approver").post("/api/v1/facilities", Map.of("borrowerId", core, "amount", "50000000.00",
                    "validFrom", "2025-01-01", "validTo", "2027-12-31"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    @Test
    void a_voucher_longer_than_twelve_months_is_refused_and_nothing_is_written() {
        long before = vouchersCount();
        var r = as("core").post("/api/v1/vouchers", issue(sme, "1000.00", "2027-07-31"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("voucher.term-max-12");
        Map<String, Object> over = issue(sme, "1000.00", "2027-07-31");
        over.put("overDefault", true);
        assertThat(code(as("core").post("/api/v1/vouchers", over))).isEqualTo("voucher.term-max-12");
        assertThat(vouchersCount()).isEqualTo(before);
    }

    @Test
    void seven_months_needs_the_recorded_exception() {
        long before = vouchersCount();
        var refused = as("core").post("/api/v1/vouchers", issue(sme, "1000.00", "2027-01-31"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(code(refused)).isEqualTo("voucher.term-over-6");
        assertThat(vouchersCount()).isEqualTo(before);

        Map<String, Object> allowed = issue(sme, "1000.00", "2027-01-31");
        allowed.put("overDefault", true);
        var r = as("core").post("/api/v1/vouchers", allowed);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("number").asString()).matches("EV20260630\\d{8}");
        assertThat(r.json().get("overDefault").asBoolean()).isTrue();
        assertThat(r.header("Location")).isEqualTo("/api/v1/vouchers/" + r.json().get("id").asLong());
    }

    @Test
    void issuing_needs_a_trade_background_and_another_enterprise_as_supplier() {
        Map<String, Object> body = issue(sme, "1000.00", "2026-09-30");
        body.remove("tradeBackground");
        var r = as("core").post("/api/v1/vouchers", body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("voucher.trade-background-required");
        assertThat(code(as("core").post("/api/v1/vouchers", issue(core, "1000.00", "2026-09-30"))))
                .isEqualTo("voucher.supplier-self");
        assertThat(as("bank").post("/api/v1/vouchers", issue(sme, "1000.00", "2026-09-30")).status()).isEqualTo(403);
    }

    @Test
    void a_voucher_against_confirmed_payables_marks_them_paid_at_maturity_and_must_be_covered() {
        long small = receivable(core, sme, "300.00");
        long big = receivable(core, sme, "800.00");
        Map<String, Object> shortBody = issue(sme, "1500.00", "2026-09-30");
        shortBody.put("receivableIds", List.of(small, big));
        var refused = as("core").post("/api/v1/vouchers", shortBody);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(code(refused)).isEqualTo("voucher.receivables-short");

        Map<String, Object> body = issue(sme, "1100.00", "2026-09-30");
        body.put("receivableIds", List.of(small, big));
        var r = as("core").post("/api/v1/vouchers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM scf_receivable WHERE id IN (:ids) AND voucher_paid_on = DATE '2026-09-30'")
                .param("ids", List.of(small, big)).query(Long.class).single()).isEqualTo(2);
        var again = as("core").post("/api/v1/vouchers", body);
        assertThat(code(again)).isEqualTo("voucher.receivable-used");
    }

    long receivable(long debtor, long creditor, String amount) {
        return jdbc.sql("""
                        INSERT INTO scf_receivable (number, creditor_id, debtor_id, amount, delivered_on, due_on, source,
                            status, signature, signature_key_holder, created_by)
                        VALUES ('AR-VOUCHER-TEST-' || nextval('scf_receivable_number'), :c, :d, :a, DATE '2026-06-01',
                            DATE '2026-09-30', 'DEBTOR', 'CONFIRMED', 'test-signature', 'PLATFORM', 'test')
                        RETURNING id""")
                .param("c", creditor).param("d", debtor).param("a", new BigDecimal(amount)).query(Long.class).single();
    }

    @Test
    void a_split_must_sum_exactly_and_every_piece_be_at_least_one_fen() {
        long id = issued("1000.00", "2026-09-30").get("id").asLong();
        long root = root(id);
        var notSumming = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/split",
                Map.of("amounts", List.of("600.00", "300.00")));
        assertThat(notSumming.status()).as(notSumming.body()).isEqualTo(422);
        assertThat(code(notSumming)).isEqualTo("voucher.split-sum");
        var zero = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/split",
                Map.of("amounts", List.of("1000.00", "0.00")));
        assertThat(code(zero)).isEqualTo("voucher.split-min");
        var subFen = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/split",
                Map.of("amounts", List.of("999.995", "0.005")));
        // refused where the body is read, the list named; 422 as when a service refuses a value
        assertThat(subFen.status()).as(subFen.body()).isEqualTo(422);
        assertThat(code(subFen)).isEqualTo("amount.scale");
        assertThat(subFen.json().get("errors").get(0).get("field").asString()).isEqualTo("amounts");
        assertThat(jdbc.sql("SELECT count(*) FROM scf_voucher_part WHERE voucher_id = :v").param("v", id)
                .query(Long.class).single()).isEqualTo(1);

        var ok = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/split",
                Map.of("amounts", List.of("999.99", "0.01")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().size()).isEqualTo(2);
        assertThat(ok.json().get(1).get("amount").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(vouchers.conservation(id)).isEmpty();
        assertThat(as("core").post("/api/v1/vouchers/parts/" + root + "/split",
                Map.of("amounts", List.of("500.00", "500.00"))).status()).isEqualTo(403);
    }

    @Test
    void a_transfer_needs_a_trade_background_and_another_holder() {
        long id = issued("2000.00", "2026-09-30").get("id").asLong();
        long root = root(id);
        long to = others(1).getFirst();
        var r = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/transfer",
                Map.of("toEnterpriseId", to, "tradeBackground", "  "));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("voucher.trade-background-required");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("contract or invoice");
        var self = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/transfer",
                Map.of("toEnterpriseId", sme, "tradeBackground", "FP-1"));
        assertThat(code(self)).isEqualTo("voucher.transfer-self");
        assertThat(jdbc.sql("SELECT status FROM scf_voucher_part WHERE id = :p").param("p", root).query(String.class)
                .single()).isEqualTo("LIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM scf_voucher_event WHERE voucher_id = :v").param("v", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_part_already_transferred_cannot_be_transferred_again() {
        long id = issued("3000.00", "2026-09-30").get("id").asLong();
        long root = root(id);
        List<Long> others = others(2);
        var first = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/transfer",
                Map.of("toEnterpriseId", others.get(0), "tradeBackground", "HT-T2-001"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("transferred").get("tier").asInt()).isEqualTo(2);
        var second = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/transfer",
                Map.of("toEnterpriseId", others.get(1), "tradeBackground", "HT-T2-002"));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("voucher.part-spent");
        assertThat(vouchers.conservation(id)).isEmpty();
    }

    @Test
    void nothing_moves_after_maturity() {
        long id = issued("500.00", "2026-09-30").get("id").asLong();
        backdate(id, "2026-06-29");
        var r = as("enterprise").post("/api/v1/vouchers/parts/" + root(id) + "/split",
                Map.of("amounts", List.of("250.00", "250.00")));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("voucher.matured");
    }

    @Test
    void a_discount_without_the_funder_s_line_on_the_issuer_is_refused_and_nothing_written() {
        var reg = as("admin").post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long issuer = reg.json().get("id").asLong();
        var v = vouchers.issue(holder(issuer), new Vouchers.IssueRequest(sme, new BigDecimal("800.00"), "2026-09-30", null, null,
                "HT-NEW-1"));
        long root = root(v.id());
        var r = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/discount",
                Map.of("institutionId", bank, "annualRate", "3.5", "tradeBackground", "FP-00001"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("lending.trade.no-facility");
        assertThat(jdbc.sql("SELECT status FROM scf_voucher_part WHERE id = :p").param("p", root).query(String.class)
                .single()).isEqualTo("LIVE");
        assertThat(tradeFinance.byReference("voucher-part:" + root)).isEmpty();
        var unknown = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/discount",
                Map.of("institutionId", 987654321, "annualRate", "3.5", "tradeBackground", "FP-00001"));
        assertThat(code(unknown)).isEqualTo("voucher.funder-unknown");
    }

    @Test
    void a_voucher_travels_three_tiers_is_discounted_at_tier_three_and_settles_exactly_at_maturity() {
        bankFacilityOnCore();
        List<Long> chain = others(2);
        long tier2 = chain.get(0);
        long tier3 = chain.get(1);
        JsonNode v = issued("100000.00", "2026-09-30");
        long id = v.get("id").asLong();
        long root = root(id);

        // Tier 1 splits and passes 60,000 to tier 2 on their purchase contract.
        var split = as("enterprise").post("/api/v1/vouchers/parts/" + root + "/split",
                Map.of("amounts", List.of("60000.00", "40000.00")));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        long sixty = split.json().get(0).get("id").asLong();
        var toTier2 = as("enterprise").post("/api/v1/vouchers/parts/" + sixty + "/transfer",
                Map.of("toEnterpriseId", tier2, "tradeBackground", "HT-T1-T2-2026-01"));
        assertThat(toTier2.status()).as(toTier2.body()).isEqualTo(201);
        long tier2Part = toTier2.json().get("transferred").get("id").asLong();

        // Tier 2 passes 25,000 of it to tier 3 (a split and a transfer in one step).
        Vouchers.Transferred toTier3 = vouchers.transfer(holder(tier2), tier2Part,
                new Vouchers.TransferRequest(tier3, new BigDecimal("25000.00"), "FP-26000000000000000001"));
        assertThat(toTier3.transferred().tier()).isEqualTo(3);
        assertThat(toTier3.transferred().amount()).isEqualByComparingTo("25000.00");
        assertThat(toTier3.remainder().amount()).isEqualByComparingTo("35000.00");
        assertThat(toTier3.remainder().holderId()).isEqualTo(tier2);

        // Tier 3 discounts its part with the bank: 25,000 × 4.5% × 92/360 = 287.50 of interest.
        Vouchers.Discounted d = vouchers.discount(holder(tier3), toTier3.transferred().id(),
                new Vouchers.DiscountRequest(bank, "4.5", "FP-26000000000000000002"));
        assertThat(d.days()).isEqualTo(92);
        assertThat(d.interest()).isEqualByComparingTo("287.50");
        assertThat(d.payout()).isEqualByComparingTo("24712.50");
        assertThat(d.part().status()).isEqualTo("DISCOUNTED");
        var loan = tradeFinance.byReference("voucher-part:" + d.part().id()).orElseThrow();
        assertThat(loan.id()).isEqualTo(d.loanId());
        assertThat(loan.principal()).isEqualByComparingTo("24712.50");
        assertThat(loan.institutionId()).isEqualTo(bank);
        assertThat(loan.borrowerId()).isEqualTo(tier3);
        assertThat(String.valueOf(loan.status())).isEqualTo("ACTIVE");

        // The issuer sees the whole tree; value is conserved at every tier.
        var tree = as("core").get("/api/v1/vouchers/" + id + "/tree");
        assertThat(tree.status()).as(tree.body()).isEqualTo(200);
        assertThat(tree.json().get("problems").size()).isZero();
        assertThat(tree.json().get("outstandingByTier").get("1").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(tree.json().get("outstandingByTier").get("2").decimalValue()).isEqualByComparingTo("35000.00");
        assertThat(tree.json().get("outstandingByTier").get("3").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(vouchers.tree(holder(tier3), id).root().partId()).isEqualTo(root);
        assertThat(as("bank").get("/api/v1/vouchers/" + id).status()).isEqualTo(200);
        assertThat(as("bank2").get("/api/v1/vouchers/" + id).status()).isEqualTo(404);
        assertThat(as("bank2").get("/api/v1/vouchers/" + id + "/tree").status()).isEqualTo(404);
        assertThat(as("regulator").get("/api/v1/vouchers/" + id).status()).isEqualTo(200);
        assertThat(vouchers.conservation(id)).isEmpty();
        var held = vouchers.parts(holder(tier2), true, cn.chanrong.shared.PageRequest.of(0, 50));
        assertThat(held.items()).extracting(Vouchers.Part::id).contains(toTier3.remainder().id());

        // Before maturity the issuer cannot settle.
        var early = as("core").post("/api/v1/vouchers/" + id + "/settle", Map.of("amount", "100000.00"));
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(code(early)).isEqualTo("voucher.settle-early");

        // At maturity the issuer pays the face value: each holder, and the bank for the discounted part.
        backdate(id, "2026-06-30");
        var settled = as("core").post("/api/v1/vouchers/" + id + "/settle", Map.of("amount", "100000.00"));
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        JsonNode s = settled.json();
        assertThat(s.get("voucher").get("status").asString()).isEqualTo("SETTLED");
        assertThat(s.get("shortfall").decimalValue()).isEqualByComparingTo("0");
        assertThat(s.get("lines").size()).isEqualTo(3);
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode line : s.get("lines")) {
            assertThat(line.get("paid").decimalValue()).isEqualByComparingTo(line.get("due").decimalValue());
            paid = paid.add(line.get("paid").decimalValue());
        }
        assertThat(paid).isEqualByComparingTo("100000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM scf_voucher_part WHERE voucher_id = :v AND status IN ('LIVE', 'DISCOUNTED')")
                .param("v", id).query(Long.class).single()).isZero();
        assertThat(String.valueOf(tradeFinance.byReference("voucher-part:" + d.part().id()).orElseThrow().status()))
                .isEqualTo("REPAID");
        assertThat(vouchers.conservation(id)).isEmpty();

        // Every move is booked, the discount and the collection with their loan and ledger entries.
        var detail = vouchers.get(holder(core), id);
        assertThat(detail.events()).extracting(Vouchers.Event::kind)
                .containsExactly("ISSUE", "SPLIT", "TRANSFER", "SPLIT", "TRANSFER", "DISCOUNT", "SETTLE", "SETTLE",
                        "SETTLE");
        Vouchers.Event discount = detail.events().stream().filter(e -> e.kind().equals("DISCOUNT")).findFirst()
                .orElseThrow();
        assertThat(discount.loanId()).isEqualTo(d.loanId());
        assertThat(discount.entryId()).isNotNull();
        assertThat(discount.tradeBackground()).isEqualTo("FP-26000000000000000002");
        assertThat(ledger.entry(bank, discount.entryId())).isNotNull();
        assertThat(detail.events().stream().filter(e -> e.kind().equals("SETTLE") && Long.valueOf(d.loanId()).equals(e.loanId())))
                .singleElement().satisfies(e -> assertThat(e.entryId()).isNotNull());
        assertThat(ledger.check().problems()).isEmpty();

        var twice = as("core").post("/api/v1/vouchers/" + id + "/settle", Map.of("amount", "100000.00"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(code(twice)).isEqualTo("voucher.settled");
    }

    @Test
    void a_short_payment_leaves_the_parts_overdue_and_alerts_the_funder() {
        bankFacilityOnCore();
        long id = issued("1000.00", "2026-09-30").get("id").asLong();
        long root = root(id);
        var split = vouchers.split(holder(sme), root, new Vouchers.SplitRequest(List.of(new BigDecimal("600.00"), new BigDecimal("400.00"))));
        vouchers.discount(holder(sme), split.get(0).id(), new Vouchers.DiscountRequest(bank, "3", "HT-DISC-1"));
        backdate(id, "2026-06-30");
        var r = as("core").post("/api/v1/vouchers/" + id + "/settle", Map.of("amount", "400.00"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("voucher").get("status").asString()).isEqualTo("OVERDUE");
        assertThat(r.json().get("shortfall").decimalValue()).isEqualByComparingTo("600.00");
        String number = r.json().get("voucher").get("number").asString();
        assertThat(jdbc.sql("SELECT amount FROM scf_alert WHERE kind = 'VOUCHER_OVERDUE' AND institution_id = :i AND subject LIKE :s")
                .param("i", bank).param("s", "voucher:" + number + "%").query(BigDecimal.class).single())
                .isEqualByComparingTo("360.00");
        assertThat(jdbc.sql("SELECT sum(amount) FROM scf_voucher_event WHERE voucher_id = :v AND kind = 'OVERDUE'")
                .param("v", id).query(BigDecimal.class).single()).isEqualByComparingTo("600.00");
        assertThat(vouchers.conservation(id)).isEmpty();
    }

    @Test
    void eight_clients_racing_on_one_part_spend_it_exactly_once() throws Exception {
        long id = issued("8888.88", "2026-09-30").get("id").asLong();
        long root = root(id);
        List<Long> targets = others(4);
        Caller supplier = holder(sme);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(() -> {
                start.await();
                try {
                    if (n % 2 == 0) {
                        vouchers.transfer(supplier, root, new Vouchers.TransferRequest(targets.get(n / 2 % targets.size()),
                                n == 0 ? null : new BigDecimal("1000.00"), "HT-RACE-" + n));
                    } else {
                        vouchers.split(supplier, root, new Vouchers.SplitRequest(List.of(new BigDecimal("8000.00"),
                                new BigDecimal("888.88"))));
                    }
                    return "OK";
                } catch (Rejected e) {
                    return e.kind() + ":" + e.rejections().getFirst().code();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.equals("OK")).hasSize(7)
                    .allMatch(o -> o.equals("CONFLICT:voucher.part-spent"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(vouchers.conservation(id)).isEmpty();
        assertThat(vouchers.conservation(null)).isEmpty();
        assertThat(vouchers.tree(holder(core), id).problems()).isEmpty();
        assertThatThrownBy(() -> vouchers.split(supplier, root, new Vouchers.SplitRequest(List.of(new BigDecimal("1.00"),
                new BigDecimal("8887.88")))))
                .isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).kind()).isEqualTo(Rejected.Kind.CONFLICT);
    }
}
