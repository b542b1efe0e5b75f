package cn.chanrong.reference.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A catalogue row is read cell by cell and every wrong field is named. */
class RestrictedEntryTests {

    static final Set<String> KNOWN = Set.of("C", "C33", "C336", "C3360", "C3321");

    static RestrictedEntry.Outcome check(String category, String industry, String products, String from, String to) {
        return RestrictedEntry.check(new RestrictedEntry.Input("产业结构调整指导目录（2024年本）", "国家发展改革委令2023年第7号",
                category, "一（十）4", "含氰电镀工艺", industry, products, null, from, to), KNOWN::contains);
    }

    @Test
    void a_good_row_reads_its_category_by_code_or_chinese_name_and_splits_its_keywords() {
        var o = check("淘汰类", "C336", " 含氰电镀；氰化镀铜 ; ;含氰电镀 ", "2024-02-01", null);
        assertThat(o.ok()).as(o.rejections().toString()).isTrue();
        assertThat(o.entry().category()).isEqualTo(RestrictedCategory.ELIMINATED);
        assertThat(o.entry().products()).containsExactly("含氰电镀", "氰化镀铜");
        assertThat(check("restricted", "C", null, "2024-02-01", null).entry().category()).isEqualTo(RestrictedCategory.RESTRICTED);
        assertThat(check("限制", "C3321", null, "2024-02-01", null).entry().wholeIndustry()).isTrue();
    }

    @Test
    void every_wrong_field_is_named() {
        var o = check("鼓励类", "C3", "灯;" + "长".repeat(51), "2024-13-01", null);
        assertThat(o.ok()).isFalse();
        assertThat(o.rejections()).extracting(Rejection::field)
                .containsExactly("category", "industryCode", "products", "products", "validFrom");
        assertThat(o.rejections()).extracting(Rejection::code)
                .containsExactly("enum", "restricted.industry-code", "restricted.keyword", "restricted.keyword", "date.format");
        assertThat(check("ELIMINATED", "C3999", null, "2024-02-01", null).rejections()).extracting(Rejection::code)
                .containsExactly("restricted.industry-unknown");
        assertThat(check("ELIMINATED", "C3360", null, "2024-02-01", "2024-02-01").rejections()).extracting(Rejection::code)
                .containsExactly("range.reversed");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append("关键词").append(i).append(';');
        }
        assertThat(check("ELIMINATED", "C3360", many.toString(), "2024-02-01", null).rejections()).extracting(Rejection::code)
                .containsExactly("restricted.keywords");
    }
}
