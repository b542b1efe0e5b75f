package cn.chanrong.demo.generator;

import java.util.Map;

/**
 * The streaming pass: for each enterprise in index order, its row, its statements and its
 * qualifications, reporting progress at every whole per cent.
 */
final class EnterpriseRows {

    private EnterpriseRows() {
    }

    static void write(Population p, SupplyChains chains, Groups groups, Map<String, CsvOut> out, GenerationProgress progress) {
        CsvOut enterprises = out.get(EconomyGenerator.ENTERPRISES);
        CsvOut statements = out.get(EconomyGenerator.STATEMENTS);
        CsvOut qualifications = out.get(EconomyGenerator.QUALIFICATIONS);
        CompanyNames names = new CompanyNames(p);
        Statements.Facts facts = new Statements.Facts();
        long nextReport = 0;
        int percent = 0;
        for (int i = 0; i < p.count; i++) {
            if (i >= nextReport) {
                progress.update(i, p.count, EconomyGenerator.rows(out.values()));
                percent++;
                nextReport = (long) p.count * percent / 100;
            }
            Rng rng = new Rng(p.seed, i, Rng.Stream.DETAIL);
            String code = p.creditCode(i);
            int tags = ChainTags.of(p.seed, i, p.industry(i).code());
            CompanyNames.Name name = names.name(i, groups.isParent(i), rng);
            enterprises.text(code).text(name.zh()).text(name.en()).text(p.prefecture(i).code()).text(p.industry(i).code())
                    .text(p.ownership(i).name()).text(p.founded(i).toString()).number(p.employees[i]).money(p.revenue[i])
                    .text(ChainTags.format(tags)).text(groups.groupCode(i)).text(groups.controller(i)).end();
            Statements.write(p, i, tags, code, statements, facts);
            Qualifications.write(p, i, tags, chains.role[i] == SupplyChains.CORE, facts, code, qualifications);
        }
        progress.update(p.count, p.count, EconomyGenerator.rows(out.values()));
    }
}
