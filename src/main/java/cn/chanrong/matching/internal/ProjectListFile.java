package cn.chanrong.matching.internal;

import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.matching.domain.DockingStep;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project-list CSV read and checked whole: one batch and one list type per file, valid credit codes,
 * names, amounts, no duplicate rows. Every broken rule is reported with its line; nothing is saved here.
 */
record ProjectListFile(String batch, String type, List<Row> rows, List<ImportReport.RowError> errors, int lines) {

    static final String COLUMNS = "batch_no,list_type,credit_code,enterprise_name,project_name,investment,financing_needed";
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    record Row(int line, String creditCode, String enterpriseName, String projectName, BigDecimal investment,
               BigDecimal needed) {
    }

    static ProjectListFile read(byte[] csv, String charset) {
        CsvTable table = CsvTable.read(csv, charset, COLUMNS);
        List<ImportReport.RowError> errors = new ArrayList<>(table.errors());
        String batch = null;
        String type = null;
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (table.errors().isEmpty()) {
            for (Csv.Row r : table.rows()) {
                List<Rejection> problems = new ArrayList<>();
                String b = table.get(r, "batch_no");
                String t = table.get(r, "list_type");
                if (b == null) {
                    errors.add(new ImportReport.RowError(r.line(), "batch_no", Rejection.of("required", "batch_no")));
                } else if (batch == null) {
                    batch = b;
                } else if (!batch.equals(b)) {
                    errors.add(new ImportReport.RowError(r.line(), "batch_no",
                            Rejection.of("project-list.one-batch", "batch_no", batch, b)));
                }
                if (t == null || java.util.Arrays.stream(DockingStep.ListType.values()).noneMatch(x -> x.name().equals(t))) {
                    errors.add(new ImportReport.RowError(r.line(), "list_type", Rejection.of("enum", "list_type",
                            String.valueOf(t), java.util.Arrays.toString(DockingStep.ListType.values()))));
                } else if (type == null) {
                    type = t;
                } else if (!type.equals(t)) {
                    errors.add(new ImportReport.RowError(r.line(), "list_type",
                            Rejection.of("project-list.one-type", "list_type", type, t)));
                }
                String code = table.get(r, "credit_code");
                Optional<Rejection> bad = CreditCode.check(code, "credit_code");
                bad.ifPresent(x -> errors.add(new ImportReport.RowError(r.line(), "credit_code", x)));
                String ename = table.get(r, "enterprise_name");
                if (ename == null || ename.length() < 2) {
                    errors.add(new ImportReport.RowError(r.line(), "enterprise_name",
                            Rejection.of("required", "enterprise_name")));
                }
                String project = table.get(r, "project_name");
                if (project == null || project.length() < 2 || project.length() > 200) {
                    errors.add(new ImportReport.RowError(r.line(), "project_name",
                            Rejection.of("length", "project_name", 2, 200)));
                }
                BigDecimal inv = Amounts.parse(table.get(r, "investment"), "investment", false, MAX, problems);
                BigDecimal need = Amounts.parse(table.get(r, "financing_needed"), "financing_needed", false, MAX, problems);
                if (need != null && need.signum() == 0) {
                    problems.add(Rejection.of("need.amount-positive", "financing_needed", "0"));
                }
                problems.forEach(p -> errors.add(new ImportReport.RowError(r.line(), p.field(), p)));
                if (code != null && project != null && !seen.add(code + "|" + project)) {
                    errors.add(new ImportReport.RowError(r.line(), "credit_code",
                            Rejection.of("project-list.duplicate-row", "credit_code", code, project)));
                }
                rows.add(new Row(r.line(), code, ename, project, inv, need));
            }
            if (rows.isEmpty()) {
                errors.add(new ImportReport.RowError(1, null, Rejection.of("csv.no-rows", null)));
            }
        }
        return new ProjectListFile(batch, type, rows, errors, table.rows().size());
    }
}
