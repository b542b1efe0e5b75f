package cn.chanrong.reference;

import cn.chanrong.reference.domain.RestrictedCategory;
import cn.chanrong.reference.domain.RestrictedEntry;
import cn.chanrong.reference.domain.RestrictedIndustryPolicy;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Restricted-industry catalogues (产业结构调整指导目录（2024年本）: 淘汰类 and 限制类 items), written by a
 * regulator's CSV import — streamed, every row checked and the file refused whole on any bad row (the
 * first 1,000 errors listed with line and column, the rest counted), effective-dated, each row with
 * the document that issued it — and read by credit and lending, which apply
 * {@link RestrictedIndustryPolicy} to what is in force. Who may import is the web layer's to say: the
 * reference module sits below identity and takes the importer's name only.
 */
public interface RestrictedLists {

    /** Columns of a catalogue file; {@code products} and {@code processes} hold keywords separated by {@code ;}. */
    String COLUMNS = "catalogue,document,category,item_no,item,industry_code,products,processes,valid_from,valid_to";

    /** Any of them may be null; {@code industryCode} selects entries at, above or below that code. */
    record Filter(RestrictedCategory category, String industryCode, LocalDate asOf) {
    }

    /** An imported entry with where it came from. */
    record Listed(long id, RestrictedEntry entry, long importId, String importedBy, Instant importedAt) {
    }

    /** One broken rule on one line of a file; {@code column} is the CSV column, null for the whole row or file. */
    record RowError(int line, String column, Rejection rejection) {
    }

    /**
     * What an import did: the rows created, updated and unchanged under {@code importId}; or, when
     * {@code errors} is not empty, nothing at all (no import id) and the first errors with the count of
     * the rest.
     */
    record Imported(int rows, int created, int updated, int unchanged, Long importId, List<RowError> errors,
                    long errorsNotListed) {

        public Imported {
            errors = List.copyOf(errors);
        }

        public boolean accepted() {
            return errors.isEmpty() && errorsNotListed == 0;
        }
    }

    /** Imports a catalogue file as {@code actor} (the web layer has checked that they may). */
    Imported importList(String actor, Upload file, String charset);

    /** As {@link #importList(String, Upload, String)}, for a file in memory. */
    Imported importList(String actor, byte[] file, String charset);

    Page<Listed> list(Filter filter, PageRequest page);

    /** The entries in force on {@code date} whose industry code is {@code industryClass} or above it. */
    List<RestrictedEntry> inForce(String industryClass, LocalDate date);

    /** The entries that apply to an enterprise of this class with these main products on {@code date}. */
    default List<RestrictedIndustryPolicy.Match> applying(String industryClass, List<String> mainProducts, LocalDate date) {
        return RestrictedIndustryPolicy.applying(industryClass, mainProducts, inForce(industryClass, date), date);
    }

    /** The policy's verdict on a credit for {@code use} to such an enterprise on {@code date}. */
    default Optional<RestrictedIndustryPolicy.Verdict> verdict(String industryClass, List<String> mainProducts,
                                                               LocalDate date, RestrictedIndustryPolicy.Use use) {
        return RestrictedIndustryPolicy.verdict(applying(industryClass, mainProducts, date), use);
    }
}
