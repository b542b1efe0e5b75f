package cn.chanrong.cashflow.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link CsvStatementParser} read from one file.
 *
 * @param encoding   the encoding the bytes were decoded with: {@code UTF-8} or {@code GBK}; reported
 *                   so the uploader can see we did not garble their Chinese text
 * @param statements one draft per account, in order of the account's first row
 */
public record CsvStatement(String encoding, List<StatementDraft> statements) {

    public CsvStatement {
        if (!Set.of("UTF-8", "GBK").contains(encoding)) {
            throw new IllegalArgumentException("encoding must be UTF-8 or GBK, got " + encoding);
        }
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
    }
}
