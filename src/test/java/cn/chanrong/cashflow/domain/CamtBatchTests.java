package cn.chanrong.cashflow.domain;

import static cn.chanrong.cashflow.domain.CamtParserTests.parse;
import static cn.chanrong.cashflow.domain.CamtParserTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batched entry keeps every transaction's counterparty and amount (issue 17 §8). */
class CamtBatchTests {

    static String fixture() {
        try (InputStream in = CamtBatchTests.class.getResourceAsStream("/cn/chanrong/cashflow/camt054-batched.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void each_transaction_of_a_batched_entry_keeps_its_counterparty_amount_and_key() {
        StatementDraft s = parse(fixture()).getFirst();
        assertThat(s.format()).isEqualTo("camt.054.001.08");
        assertThat(s.entries()).extracting(EntryDraft::reference, EntryDraft::transactionRef, EntryDraft::amount,
                        EntryDraft::counterpartyName, EntryDraft::counterpartyAccount, EntryDraft::remittance)
                .containsExactly(
                        tuple("PAY-RUN-0312", "ABC20260312T001", new BigDecimal("-120000.00"), "常州恒力精密铸造有限公司",
                                "3204010100022233", "铸件货款 PO-2026-0188"),
                        tuple("PAY-RUN-0312", "PO-2026-0191", new BigDecimal("-48500.00"), "无锡华科电气设备有限公司",
                                "3202050100077781", "电机货款"),
                        tuple("PAY-RUN-0312", "#3", new BigDecimal("-18000.00"), "国家金库常州市中心支库", null, "代缴增值税"),
                        tuple("COL-0312", "ABC20260312C101", new BigDecimal("50000.00"), "苏州盛达机械制造有限公司",
                                "3205060100011102", "货款 HT-2026-031"),
                        tuple("COL-0312", "ABC20260312C102", new BigDecimal("25300.00"), "南通海洋装备有限公司",
                                "3206070100033304", "预付款"),
                        tuple("FEE-0312", null, new BigDecimal("-35.00"), null, null, "汇划手续费"));
        assertThat(s.entries()).allSatisfy(e -> assertThat(e.bookingDate()).isEqualTo(LocalDate.of(2026, 3, 12)));
        assertThat(s.movement()).as("the transactions add up to the entries").isEqualByComparingTo("-111235.00");
    }

    @Test
    void the_same_file_gives_the_same_keys_so_a_second_import_finds_them_stored() {
        List<String> first = parse(fixture()).getFirst().entries().stream().map(EntryDraft::label).toList();
        List<String> again = parse(fixture()).getFirst().entries().stream().map(EntryDraft::label).toList();
        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void transactions_that_do_not_sum_to_the_entry_are_refused_naming_both_figures() {
        StatementFormatException e = refusal(fixture().replace("<Amt Ccy=\"CNY\">18000.00</Amt>", "<Amt Ccy=\"CNY\">18000.50</Amt>"));
        assertThat(e.code()).isEqualTo("entry.batch-total");
        assertThat(e.place()).isEqualTo("entry 1 (ref PAY-RUN-0312)");
        assertThat(e.getMessage()).contains("-186500.50", "-186500.00");
        assertThat(e.messageZh()).contains("3 笔交易合计 -186500.50", "分录金额 -186500.00");
    }

    @Test
    void a_transaction_without_an_amount_is_refused_since_its_payee_cannot_be_weighed() {
        StatementFormatException e = refusal(fixture().replace("<AmtDtls><TxAmt><Amt Ccy=\"CNY\">48500.00</Amt></TxAmt></AmtDtls>", ""));
        assertThat(e.code()).isEqualTo("entry.amount");
        assertThat(e.field()).isEqualTo("TxDtls[2]/Amt");
    }

    @Test
    void a_returned_item_inside_a_batch_takes_its_own_direction() {
        // 80,000 paid to one customer, 4,700 of an earlier payment returned by another: net 75,300 in.
        String xml = fixture()
                .replace("<Amt Ccy=\"CNY\">50000.00</Amt>", "<Amt Ccy=\"CNY\">80000.00</Amt>")
                .replace("<Amt Ccy=\"CNY\">25300.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>",
                        "<Amt Ccy=\"CNY\">4700.00</Amt>\n            <CdtDbtInd>DBIT</CdtDbtInd>")
                .replace("<Dbtr><Pty><Nm>南通海洋装备有限公司</Nm></Pty></Dbtr>", "<Cdtr><Pty><Nm>南通海洋装备有限公司</Nm></Pty></Cdtr>");
        List<EntryDraft> collection = parse(xml).getFirst().entries().stream()
                .filter(e -> e.reference().equals("COL-0312")).toList();
        assertThat(collection).extracting(EntryDraft::amount, EntryDraft::counterpartyName).containsExactly(
                tuple(new BigDecimal("80000.00"), "苏州盛达机械制造有限公司"), tuple(new BigDecimal("-4700.00"), "南通海洋装备有限公司"));
    }

    @Test
    void a_key_used_twice_in_one_entry_falls_back_to_the_transaction_number() {
        String xml = fixture().replace("<AcctSvcrRef>ABC20260312C102</AcctSvcrRef>", "<AcctSvcrRef>ABC20260312C101</AcctSvcrRef>");
        assertThat(parse(xml).getFirst().entries()).filteredOn(e -> e.reference().equals("COL-0312"))
                .extracting(EntryDraft::transactionRef).containsExactly("ABC20260312C101", "#2");
    }

    @Test
    void an_entry_with_one_transaction_is_stored_whole_as_before() {
        String xml = fixture().replaceAll("(?s)<TxDtls>\\s*<Refs><AcctSvcrRef>ABC20260312C102.*?</TxDtls>", "")
                .replace("<Amt Ccy=\"CNY\">75300.00</Amt>", "<Amt Ccy=\"CNY\">50000.00</Amt>");
        assertThat(parse(xml).getFirst().entries()).filteredOn(e -> e.reference().equals("COL-0312")).singleElement()
                .satisfies(e -> {
                    assertThat(e.transactionRef()).isNull();
                    assertThat(e.counterpartyName()).isEqualTo("苏州盛达机械制造有限公司");
                });
    }

    @Test
    void categories_and_round_trips_see_every_payee_of_a_batch() {
        StatementDraft s = parse(fixture()).getFirst();
        CounterpartyCategoriser categoriser = new CounterpartyCategoriser(Set.of(), Set.of("无锡华科电气设备有限公司"),
                Set.of("苏州盛达机械制造有限公司"), Set.of("常州恒力精密铸造有限公司"));
        assertThat(s.entries()).extracting(e -> categoriser.categorise(e).category()).containsExactly(
                CounterpartyCategory.SUPPLIER, CounterpartyCategory.RELATED_PARTY, CounterpartyCategory.TAX,
                CounterpartyCategory.CUSTOMER, CounterpartyCategory.CUSTOMER, CounterpartyCategory.OTHER);

        // 48,500 out to a related party inside the payment run, 48,500 back from it two days later
        Flow back = new Flow("BACK-0314", LocalDate.of(2026, 3, 14), new BigDecimal("48500.00"), null, "无锡华科电气设备有限公司");
        List<Flow> flows = new java.util.ArrayList<>(s.entries().stream().map(Flow::of).toList());
        flows.add(back);
        RoundTripReport r = new RoundTripDetector(Set.of(), Set.of("无锡华科电气设备有限公司")).detect(flows);
        assertThat(r.roundTrips()).singleElement().satisfies(t -> {
            assertThat(t.out().reference()).isEqualTo("PAY-RUN-0312/PO-2026-0191");
            assertThat(t.in()).isEqualTo(back);
        });
    }
}
