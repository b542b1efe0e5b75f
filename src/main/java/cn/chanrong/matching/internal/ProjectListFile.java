package cn.chanrong.matching.internal;

import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.matching.domain.DockingStep;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A project-list CSV read and checked whole: one batch and one list type per file, valid credit codes,
 * names, amounts, no duplicate rows. Every broken rule is reported with its line (the first 1,000 of
 * them listed, the rest counted); nothing is saved here and no row is kept: {@link #forEachRow} reads
 * them again from the file.
 */
record ProjectListFile(String batch, String type, CsvTable table, FirstErrors<ImportReport.RowError> errors, int lines) {

    static final String COLUMNS = "batch_no,list_type,credit_code,enterprise_name,project_name,investment,financing_needed";
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    record Row(int line, String creditCode, String enterpriseName, String projectName, BigDecimal investment,
               BigDecimal needed) {
    }

    static ProjectListFile read(Upload csv, String charset) {
        CsvTable table = CsvTable.read(csv, charset, COLUMNS, null);
        FirstErrors<ImportReport.RowError> errors = table.firstErrors();
        String batch = null;
        String type = null;
        Set<String> seen = new HashSet<>();
        if (table.errors().isEmpty()) {
            try (Csv.Records records = table.records()) {
                for (Csv.Row record = records.next(); record != null; record = records.next()) {
                    Csv.Row r = record;
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
                    List<Rejection> problems = new ArrayList<>();
                    row(table, r, problems);
                    problems.forEach(p -> errors.add(new ImportReport.RowError(r.line(), p.field(), p)));
                    if (code != null && project != null && !seen.add(code + "|" + project)) {
                        errors.add(new ImportReport.RowError(r.line(), "credit_code",
                                Rejection.of("project-list.duplicate-row", "credit_code", code, project)));
                    }
                }
            }
            if (table.rowCount() == 0) {
                errors.add(new ImportReport.RowError(1, null, Rejection.of("csv.no-rows", null)));
            }
        }
        return new ProjectListFile(batch, type, table, errors, table.rowCount());
    }

    /** The values of one record, amounts parsed; what is wrong with the amounts goes to {@code problems}. */
    private static Row row(CsvTable table, Csv.Row r, List<Rejection> problems) {
        BigDecimal inv = Amounts.parse(table.get(r, "investment"), "investment", false, MAX, problems);
        BigDecimal need = Amounts.parse(table.get(r, "financing_needed"), "financing_needed", false, MAX, problems);
        if (need != null && need.signum() == 0) {
            problems.add(Rejection.of("need.amount-positive", "financing_needed", "0"));
        }
        return new Row(r.line(), table.get(r, "credit_code"), table.get(r, "enterprise_name"),
                table.get(r, "project_name"), inv, need);
    }

    /** Reads the rows again, in file order, once the file has passed its check. */
    void forEachRow(Consumer<Row> action) {
        try (Csv.Records records = table.records()) {
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                action.accept(row(table, r, new ArrayList<>()));
            }
        }
    }
}
