package cn.chanrong.institution.web;

import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The product form. Eligibility clauses are edited as lines of
 * {@code 中文标签 | English label | expression}; lists as comma-separated codes.
 */
public class ProductForm {

    private String code;
    private String name;
    private String nameEn;
    private String type;
    private String minAmount;
    private String maxAmount;
    private String minTermMonths;
    private String maxTermMonths;
    private String pricing = "LPR_SPREAD";
    private String spreadMinBp;
    private String spreadMaxBp;
    private String fixedRatePercent;
    private String security = "CREDIT";
    private String targetChains;
    private String targetSizes;
    private String targetStages;
    private String targetRegions;
    private String effectiveFrom;
    private String effectiveTo;
    private String clauses;
    private Integer version;

    static ProductForm of(Product p) {
        ProductForm f = new ProductForm();
        f.code = p.code();
        f.name = p.name();
        f.nameEn = p.nameEn();
        f.type = p.type().name();
        f.minAmount = p.minAmount().toPlainString();
        f.maxAmount = p.maxAmount().toPlainString();
        f.minTermMonths = Integer.toString(p.minTermMonths());
        f.maxTermMonths = Integer.toString(p.maxTermMonths());
        f.pricing = p.pricing();
        f.spreadMinBp = p.spreadMinBp() == null ? null : p.spreadMinBp().toString();
        f.spreadMaxBp = p.spreadMaxBp() == null ? null : p.spreadMaxBp().toString();
        f.fixedRatePercent = p.fixedRatePercent() == null ? null : p.fixedRatePercent().stripTrailingZeros().toPlainString();
        f.security = p.security();
        f.targetChains = String.join(",", p.targetChains());
        f.targetSizes = String.join(",", p.targetSizes());
        f.targetStages = String.join(",", p.targetStages());
        f.targetRegions = String.join(",", p.targetRegions());
        f.effectiveFrom = p.effectiveFrom() == null ? null : p.effectiveFrom().toString();
        f.effectiveTo = p.effectiveTo() == null ? null : p.effectiveTo().toString();
        StringBuilder b = new StringBuilder();
        p.clauses().forEach(c -> b.append(c.labelZh()).append(" | ").append(c.labelEn()).append(" | ")
                .append(c.expression()).append('\n'));
        f.clauses = b.toString();
        f.version = p.version();
        return f;
    }

    /** The draft; call after {@link #malformedIntegers()} and {@link #malformedAmounts()} found nothing. */
    ProductDraft draft() {
        List<ProductDraft.Clause> list = new ArrayList<>();
        if (clauses != null) {
            for (String line : clauses.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                list.add(new ProductDraft.Clause(part(parts, 0), part(parts, 1), part(parts, 2)));
            }
        }
        return new ProductDraft(code, name, nameEn, type, amount(minAmount, "minAmount"), amount(maxAmount, "maxAmount"),
                integer(minTermMonths),
                integer(maxTermMonths), pricing, integer(spreadMinBp), integer(spreadMaxBp), fixedRatePercent, security,
                codes(targetChains), codes(targetSizes), codes(targetStages), codes(targetRegions), effectiveFrom, effectiveTo, list);
    }

    /** Fields that hold something that is not a whole number. */
    List<String> malformedIntegers() {
        List<String> out = new ArrayList<>();
        if (bad(minTermMonths)) {
            out.add("minTermMonths");
        }
        if (bad(maxTermMonths)) {
            out.add("maxTermMonths");
        }
        if (bad(spreadMinBp)) {
            out.add("spreadMinBp");
        }
        if (bad(spreadMaxBp)) {
            out.add("spreadMaxBp");
        }
        return out;
    }

    /**
     * The amounts typed that are none, read once here at the edge ({@code amount.format},
     * {@code amount.scale}); empty ones are left to the rules, which require them.
     */
    List<Rejection> malformedAmounts() {
        List<Rejection> out = new ArrayList<>();
        for (String[] f : new String[][] {{"minAmount", minAmount}, {"maxAmount", maxAmount}}) {
            try {
                amount(f[1], f[0]);
            } catch (Rejected r) {
                out.addAll(r.rejections());
            }
        }
        return out;
    }

    /** An amount as typed, as a number; null when blank. @throws Rejected when it is not an amount */
    private static BigDecimal amount(String raw, String field) {
        return Amounts.read(raw, field, 2);
    }

    String raw(String field) {
        return switch (field) {
            case "minTermMonths" -> minTermMonths;
            case "maxTermMonths" -> maxTermMonths;
            case "spreadMinBp" -> spreadMinBp;
            default -> spreadMaxBp;
        };
    }

    private static boolean bad(String s) {
        return s != null && !s.isBlank() && integer(s) == null;
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i].strip() : null;
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> codes(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("[,;\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String v) { nameEn = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getMinAmount() { return minAmount; }
    public void setMinAmount(String v) { minAmount = v; }
    public String getMaxAmount() { return maxAmount; }
    public void setMaxAmount(String v) { maxAmount = v; }
    public String getMinTermMonths() { return minTermMonths; }
    public void setMinTermMonths(String v) { minTermMonths = v; }
    public String getMaxTermMonths() { return maxTermMonths; }
    public void setMaxTermMonths(String v) { maxTermMonths = v; }
    public String getPricing() { return pricing; }
    public void setPricing(String v) { pricing = v; }
    public String getSpreadMinBp() { return spreadMinBp; }
    public void setSpreadMinBp(String v) { spreadMinBp = v; }
    public String getSpreadMaxBp() { return spreadMaxBp; }
    public void setSpreadMaxBp(String v) { spreadMaxBp = v; }
    public String getFixedRatePercent() { return fixedRatePercent; }
    public void setFixedRatePercent(String v) { fixedRatePercent = v; }
    public String getSecurity() { return security; }
    public void setSecurity(String v) { security = v; }
    public String getTargetChains() { return targetChains; }
    public void setTargetChains(String v) { targetChains = v; }
    public String getTargetSizes() { return targetSizes; }
    public void setTargetSizes(String v) { targetSizes = v; }
    public String getTargetStages() { return targetStages; }
    public void setTargetStages(String v) { targetStages = v; }
    public String getTargetRegions() { return targetRegions; }
    public void setTargetRegions(String v) { targetRegions = v; }
    public String getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(String v) { effectiveFrom = v; }
    public String getEffectiveTo() { return effectiveTo; }
    public void setEffectiveTo(String v) { effectiveTo = v; }
    public String getClauses() { return clauses; }
    public void setClauses(String v) { clauses = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
