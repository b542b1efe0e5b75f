package cn.chanrong.cashflow.domain;

import static cn.chanrong.cashflow.domain.CamtParserTests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule: a statement is in its bound account's currency, else it is refused naming both (issue 17 §8). */
class AccountCurrencyTests {

    /** A camt.053 statement with Acct/Ccy (none when blank) and one entry whose Amt/@Ccy is given (none when blank). */
    static StatementDraft camt(String accountCurrency, String entryCurrency) {
        String ccy = accountCurrency == null ? "" : "<Ccy>" + accountCurrency + "</Ccy>";
        String amt = entryCurrency == null ? "<Amt>" : "<Amt Ccy=\"" + entryCurrency + "\">";
        return parse("""
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                  <GrpHdr><MsgId>M</MsgId><CreDtTm>2024-04-01T08:00:00</CreDtTm></GrpHdr>
                  <Stmt><Id>S-CCY</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id>%s</Acct>
                    <Ntry><NtryRef>N1</NtryRef>%s1200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                      <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-04</Dt></BookgDt></Ntry>
                  </Stmt></BkToCstmrStmt></Document>
                """.formatted(ccy, amt)).getFirst();
    }

    static String show(List<AccountCurrency.Mismatch> mismatches) {
        return String.join(" ", mismatches.stream()
                .map(m -> m.field() + ":" + m.found() + "≠" + m.bound() + (m.entry() == null ? "" : "@" + m.entry())).toList());
    }

    @ParameterizedTest(name = "Acct/Ccy {0}, entry {1}, account bound in {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # Acct/Ccy | Amt/@Ccy | bound | mismatches
            CHF        | CHF      | EUR   | Acct/Ccy:CHF≠EUR
            EUR        | EUR      | EUR   | ''
            EUR        | CHF      | EUR   | Amt/@Ccy:CHF≠EUR@N1
            CHF        | USD      | EUR   | Acct/Ccy:CHF≠EUR Amt/@Ccy:USD≠EUR@N1
            -          | CHF      | EUR   | Acct/Ccy:CHF≠EUR
            -          | -        | CNY   | ''
            -          | -        | EUR   | Acct/Ccy:CNY≠EUR
            CNY        | CNY      | USD   | Acct/Ccy:CNY≠USD
            USD        | USD      | USD   | ''
            """)
    void a_statement_or_entry_in_another_currency_than_the_bound_account_is_named(String accountCcy, String entryCcy,
                                                                                String bound, String expected) {
        assertThat(show(AccountCurrency.check(camt(accountCcy, entryCcy), bound))).isEqualTo(expected);
    }

    @Test
    void a_batched_transaction_in_another_currency_is_named_with_its_key() {
        String xml = CamtBatchTests.fixture().replace("<Amt Ccy=\"CNY\">25300.00</Amt>", "<Amt Ccy=\"HKD\">25300.00</Amt>");
        assertThat(show(AccountCurrency.check(parse(xml).getFirst(), "CNY")))
                .isEqualTo("Amt/@Ccy:HKD≠CNY@COL-0312/ABC20260312C102");
    }

    @Test
    void a_csv_statement_is_held_to_the_same_rule() {
        CsvStatement csv = new CsvStatementParser().parse("""
                account,date,reference,amount,currency
                B,2024-03-02,R1,5,USD
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(show(AccountCurrency.check(csv.statements().getFirst(), "CNY"))).isEqualTo("currency:USD≠CNY");
    }

    @Test
    void the_public_usd_sample_fits_a_usd_account_only() throws Exception {
        Path p = Path.of("../shared/data/iso20022/camt.053.001.07.xml");
        Assumptions.assumeTrue(Files.exists(p), "public camt.053 sample not present at " + p.toAbsolutePath());
        StatementDraft s;
        try (InputStream in = Files.newInputStream(p)) {
            s = new CamtParser().parse(in).getFirst();
        }
        assertThat(AccountCurrency.check(s, "USD")).isEmpty();
        assertThat(show(AccountCurrency.check(s, "EUR"))).isEqualTo("Acct/Ccy:USD≠EUR");
    }
}
