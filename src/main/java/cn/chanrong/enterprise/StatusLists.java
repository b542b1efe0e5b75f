package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.StatusList;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The issuing authorities' lists (专精特新, 小巨人, 高新技术企业, 链主 / key-chain enterprise, 首台套
 * catalogue holder, 绿色工厂), imported by industry regulators as CSV: streamed, every row checked and
 * the file refused whole on any bad row (the first 1,000 errors listed with line and column, the rest
 * counted), effective-dated. A list row verifies its enterprise's status on the days within its
 * validity; the lists are public, as their issuers publish them.
 */
public interface StatusLists {

    /** Columns of a list file. */
    String COLUMNS = "list,issuer,document,credit_code,valid_from,valid_to";

    /** Any of them may be null. */
    record Filter(StatusList list, String creditCode, LocalDate validOn) {
    }

    /** A list row; {@code enterpriseId} and {@code enterpriseName} when the credit code is registered here. */
    record Entry(long id, StatusList list, String issuer, String document, String creditCode, LocalDate validFrom,
                 LocalDate validTo, String importedBy, Instant importedAt, Long enterpriseId, String enterpriseName) {
    }

    ImportReport importList(Caller caller, Upload file, String charset);

    /** As {@link #importList(Caller, Upload, String)}, for a file in memory. */
    ImportReport importList(Caller caller, byte[] file, String charset);

    Page<Entry> list(Caller caller, Filter filter, PageRequest page);
}
