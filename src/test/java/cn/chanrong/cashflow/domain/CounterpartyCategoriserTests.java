package cn.chanrong.cashflow.domain;

import static cn.chanrong.cashflow.domain.CounterpartyCategory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterpartyCategoriserTests {

    static final CounterpartyCategoriser C = new CounterpartyCategoriser(
            Set.of("6222020200001234"), Set.of("杭州星河关联贸易有限公司", "3301999"),
            Set.of("浙江大客户有限公司"), Set.of("宁波原料供应厂"));

    static CounterpartyCategory in(String name, String remittance) {
        return C.categorise(new BigDecimal("100"), null, name, remittance).category();
    }

    static CounterpartyCategory out(String name, String remittance) {
        return C.categorise(new BigDecimal("-100"), null, name, remittance).category();
    }

    @Test
    void own_account_comes_first() {
        Categorisation c = C.categorise(new BigDecimal("-5"), "6222 0202 0000 1234", "浙江大客户有限公司", "工资");
        assertThat(c.category()).isEqualTo(OWN_ACCOUNT);
        assertThat(c.reason()).isEqualTo("own account");
    }

    @Test
    void related_party_by_name_or_account_beats_customer() {
        assertThat(in("杭州星河关联贸易有限公司", "货款")).isEqualTo(RELATED_PARTY);
        assertThat(C.categorise(new BigDecimal("5"), "3301999", "浙江大客户有限公司", null).category())
                .isEqualTo(RELATED_PARTY);
    }

    @Test
    void known_customer_paying_in_is_a_customer_even_with_loan_words() {
        assertThat(in("浙江大客户有限公司", "贷款发放")).isEqualTo(CUSTOMER);
        assertThat(out("浙江大客户有限公司", "退款")).isEqualTo(SUPPLIER); // not known as supplier: enterprise default
    }

    @Test
    void known_supplier_being_paid_is_a_supplier() {
        assertThat(C.categorise(new BigDecimal("-1"), null, "宁波原料供应厂", null).reason())
                .isEqualTo("known supplier being paid");
    }

    @Test
    void keyword_rules_cover_every_category() {
        assertThat(out("国家金库杭州市中心支库", null)).isEqualTo(TAX);
        assertThat(out("某某", "VAT and income tax")).isEqualTo(TAX);
        assertThat(out("员工", "代发工资")).isEqualTo(PAYROLL);
        assertThat(out("John Smith", "March salary")).isEqualTo(PAYROLL);
        assertThat(out("国网浙江省电力有限公司", "电费")).isEqualTo(UTILITIES);
        assertThat(out("杭州水务集团", null)).isEqualTo(UTILITIES);
        assertThat(out("工商银行", "贷款还款")).isEqualTo(LOAN_REPAYMENT);
        assertThat(in("工商银行", "贷款发放")).isEqualTo(LOAN_PROCEEDS);
        assertThat(out("某证券股份有限公司", "保证金")).isEqualTo(SECURITIES);
        assertThat(out("绿城置业有限公司", "购房款")).isEqualTo(REAL_ESTATE);
        assertThat(in("某银行", "理财到期")).isEqualTo(WEALTH_MANAGEMENT);
        assertThat(in("某某小额贷款有限公司", "贷款发放")).isEqualTo(PRIVATE_LENDING);
        assertThat(out("张三", "个人借款归还")).isEqualTo(PRIVATE_LENDING);
    }

    @Test
    void direction_limits_a_rule() {
        // "还本" only means a loan repayment when money goes out; coming in it says nothing certain.
        assertThat(in("张三", "还本")).isEqualTo(OTHER);
        assertThat(in("张三", "工资")).isEqualTo(OTHER);
    }

    @Test
    void latin_keywords_match_whole_words_only() {
        assertThat(out("City Taxi", null)).isEqualTo(OTHER);
    }

    @Test
    void enterprise_looking_names_default_by_direction_and_others_are_other() {
        assertThat(in("温州某某机械厂", null)).isEqualTo(CUSTOMER);
        assertThat(out("Acme Trading Co., Ltd.", null)).isEqualTo(SUPPLIER);
        assertThat(in("李四", "转账")).isEqualTo(OTHER);
        assertThat(C.categorise(new BigDecimal("1"), null, "李四", null).reason()).isEqualTo("no rule matched");
    }

    @Test
    void reason_names_the_deciding_keyword() {
        assertThat(C.categorise(new BigDecimal("-1"), null, "员工", "代发工资").reason())
                .isEqualTo("keyword \"工资\" (PAYROLL, out)");
    }

    @Test
    void categorises_parsed_entries() {
        EntryDraft e = new EntryDraft("R", java.time.LocalDate.of(2024, 3, 1), null, new BigDecimal("-3300"), "CNY",
                "国家金库杭州市中心支库", null, "增值税");
        assertThat(C.categorise(e).category()).isEqualTo(TAX);
        assertThat(C.categorise(Flow.of(e), null).category()).isEqualTo(TAX);
    }

    @Test
    void rule_table_is_read_and_malformed_rows_are_named() {
        assertThat(CounterpartyCategoriser.defaultRules()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.keyword()).isNotBlank());
        assertThat(CounterpartyCategoriser.parseRules("category,direction,keyword\n# x\nTAX,any,税\n"))
                .containsExactly(new CounterpartyCategoriser.Rule(TAX, CounterpartyCategoriser.Direction.ANY, "税"));
        assertThatThrownBy(() -> CounterpartyCategoriser.parseRules("TAX,sideways,x"))
                .hasMessageContaining("line 1");
        assertThat(new CounterpartyCategoriser(Set.of(), Set.of(), Set.of(), Set.of(), List.of())
                .categorise(new BigDecimal("-1"), null, "x", "tax").category()).isEqualTo(OTHER);
    }
}
