package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.chanrong.shared.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoiceXmlTests {

    static String sample() throws IOException {
        try (InputStream in = InvoiceXmlTests.class.getResourceAsStream("blue-invoice.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static InvoiceXml.Parsed parse(String xml) {
        return InvoiceXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_sample_reads_into_the_invoice_it_describes() throws IOException {
        InvoiceXml.Parsed parsed;
        try (InputStream in = InvoiceXmlTests.class.getResourceAsStream("blue-invoice.xml")) {
            parsed = InvoiceXml.parse(in);
        }
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.ok()).isTrue();
        Invoice i = parsed.invoice();
        assertThat(i.number()).isEqualTo("25352000000012345678");
        assertThat(i.issuedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(i.red()).isFalse();
        assertThat(i.originalNumber()).isNull();
        assertThat(i.buyerName()).isEqualTo("北京乙集团有限公司 & 分公司");
        assertThat(i.total()).isEqualByComparingTo("11830.00");
        assertThat(i.items()).hasSize(2);
        assertThat(i.items().get(0)).isEqualTo(new Invoice.Item("*钢材*热轧卷板", "1080206010000000000",
                new BigDecimal("2"), "吨", new BigDecimal("10000.00"), new BigDecimal("0.13"), new BigDecimal("1300.00")));
        assertThat(i.items().get(1).quantity()).isNull();
        assertThat(i.items().get(1).unit()).isNull();
        assertThat(i.items().get(1).taxRate()).isEqualByComparingTo("0.06");
    }

    @Test
    void a_red_invoice_reads_its_original_number() throws IOException {
        String xml = sample().replace("<InvoiceType>blue</InvoiceType>",
                        "<InvoiceType>red</InvoiceType><OriginalEIid>25352000000012340000</OriginalEIid>")
                .replace("<Amount>", "<Amount>-").replace("<ComTaxAm>", "<ComTaxAm>-")
                .replace("<TotalAmWithoutTax>", "<TotalAmWithoutTax>-").replace("<TotalTaxAm>", "<TotalTaxAm>-")
                .replace("<TotalTax-includedAmount>", "<TotalTax-includedAmount>-");
        InvoiceXml.Parsed parsed = parse(xml);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.invoice().red()).isTrue();
        assertThat(parsed.invoice().originalNumber()).isEqualTo("25352000000012340000");
        assertThat(parsed.invoice().total()).isEqualByComparingTo("-11830.00");
    }

    @Test
    void the_declared_encoding_is_honoured() throws IOException {
        String gbk = sample().replace("encoding=\"UTF-8\"", "encoding=\"GBK\"");
        InvoiceXml.Parsed parsed = InvoiceXml.parse(new ByteArrayInputStream(gbk.getBytes(Charset.forName("GBK"))));
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.invoice().sellerName()).isEqualTo("福州甲制造有限公司");
    }

    @Test
    void a_readable_invoice_comes_back_with_the_rule_rejections() throws IOException {
        InvoiceXml.Parsed parsed = parse(sample().replace("<TotalTaxAm>1330.00", "<TotalTaxAm>1330.01"));
        assertThat(parsed.invoice()).isNotNull();
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.rejections()).extracting(Rejection::code).containsExactly("invoice.total", "invoice.items-tax");
    }

    @Test
    void a_doctype_is_refused_so_external_entities_never_load(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<EInvoice><Seller><SellerName>&x;</SellerName></Seller></EInvoice>";
        InvoiceXml.Parsed parsed = parse(xxe);
        assertThat(parsed.invoice()).isNull();
        assertThat(parsed.rejections()).containsExactly(Rejection.of("invoice.xml", "DOCTYPE", "doctype"));
        assertThat(parsed.rejections().toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void an_entity_expansion_bomb_is_refused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE EInvoice [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        InvoiceXml.Parsed parsed = parse(dtd + "]><EInvoice><Header><EIid>&a9;</EIid></Header></EInvoice>");
        assertThat(parsed.rejections()).containsExactly(Rejection.of("invoice.xml", "DOCTYPE", "doctype"));
    }

    @Test
    void an_undeclared_entity_is_refused_where_it_stands_not_thrown() {
        InvoiceXml.Parsed parsed = parse("<EInvoice><Header><EIid>&x;</EIid></Header></EInvoice>");
        assertThat(parsed.invoice()).isNull();
        assertThat(parsed.rejections()).containsExactly(Rejection.of("invoice.xml", "Header/EIid", "entity", "x"));
    }

    @Test
    void broken_xml_names_the_element_being_read_and_the_position() {
        InvoiceXml.Parsed parsed = parse("<EInvoice>\n<Header><EIid>1</Header></EInvoice>");
        assertThat(parsed.rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("invoice.xml");
            assertThat(r.field()).isEqualTo("Header/EIid");
            assertThat(r.args()).startsWith("malformed", 2);
        });
        assertThat(parse("").rejections()).extracting(Rejection::code).containsExactly("invoice.xml");
        assertThat(parse("not xml at all").rejections()).extracting(Rejection::code).containsExactly("invoice.xml");
    }

    @Test
    void another_root_element_is_refused() {
        assertThat(parse("<Invoice/>").rejections()).containsExactly(Rejection.of("invoice.xml", "Invoice", "root"));
    }

    @Test
    void every_missing_element_is_named_by_its_path() throws IOException {
        String xml = sample().replaceAll("<SellerIdNum>.*</SellerIdNum>", "")
                .replaceAll("(?s)<Items>.*</Items>", "").replace("<TotalTaxAm>1330.00</TotalTaxAm>", "<TotalTaxAm/>");
        InvoiceXml.Parsed parsed = parse(xml);
        assertThat(parsed.invoice()).isNull();
        assertThat(parsed.rejections()).extracting(Rejection::field, r -> r.args().getFirst()).containsExactly(
                tuple("Seller/SellerIdNum", "missing"), tuple("TotalTaxAm", "missing"), tuple("Items/Item", "missing"));
    }

    @Test
    void bad_values_are_named_with_the_offending_text() throws IOException {
        String xml = sample().replace("2025-06-01", "2025/06/01").replace("<InvoiceType>blue", "<InvoiceType>green")
                .replace("<Amount>500.00", "<Amount>5e2").replace("<ComTaxAm>1300.00", "<ComTaxAm>1,300.00");
        assertThat(parse(xml).rejections()).containsExactly(
                Rejection.of("invoice.xml", "Header/IssueTime", "date", "2025/06/01"),
                Rejection.of("invoice.xml", "Header/InvoiceType", "invoice-type", "green"),
                Rejection.of("invoice.xml", "Items/Item[1]/ComTaxAm", "decimal", "1,300.00"),
                Rejection.of("invoice.xml", "Items/Item[2]/Amount", "decimal", "5e2"));
    }

    @Test
    void a_repeated_element_is_refused() throws IOException {
        String xml = sample().replace("<TotalTaxAm>1330.00</TotalTaxAm>", "<TotalTaxAm>1330.00</TotalTaxAm><TotalTaxAm>0</TotalTaxAm>")
                .replace("<Amount>500.00</Amount>", "<Amount>500.00</Amount><Amount>1.00</Amount>");
        assertThat(parse(xml).rejections()).containsExactlyInAnyOrder(
                Rejection.of("invoice.xml", "TotalTaxAm", "duplicate"),
                Rejection.of("invoice.xml", "Items/Item[2]/Amount", "duplicate"));
    }
}
