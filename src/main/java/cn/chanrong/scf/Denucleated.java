package cn.chanrong.scf;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * De-nucleated financing (脱核, FACTS §4): an SME finances an order or a receivable from a buyer that is
 * not on the platform, or without any core enterprise's confirmation, on its own data credit (the
 * credit module's decision on its verified cash flows) plus the goods it puts up (warehouse receipts
 * valued at the price feed). The assessment lists both sources of credit and the registry check; the
 * funder then books it, filing the document and the receipts in the same transaction.
 */
public interface Denucleated {

    /**
     * {@code basis} ORDER or RECEIVABLE; the buyer is named (its credit code if known); the document is
     * the order or invoice number with its amount; {@code receiptNumbers} the SME's unpledged warehouse
     * receipts offered as cover.
     */
    record Request(Long institutionId, String basis, String buyerName, String buyerCode, String documentNo,
                   BigDecimal documentAmount, BigDecimal amount, LocalDate maturity, List<String> receiptNumbers) {
    }

    /** The SME's own data credit: the credit decision taken for this request. */
    record DataCredit(long decisionId, String outcome, String grade, int score, int spreadBps,
                      BigDecimal recommendedLimit) {
    }

    /** One receipt offered as cover, at the latest price on or before the assessment. */
    record Asset(String receiptNumber, String commodityCode, BigDecimal quantity, BigDecimal price, LocalDate pricedOn,
                 BigDecimal value) {
    }

    /** The goods' value and what it lends against (value × the advance rate for goods). */
    record AssetCredit(List<Asset> assets, BigDecimal value, BigDecimal advanceRate, BigDecimal cover) {
    }

    /** What the registry said about the document and the receipts, for the chosen funder. */
    record RegistryCheck(List<String> identifiers, List<String> conflicts) {
    }

    record Assessment(long id, long enterpriseId, String enterpriseName, long institutionId, String institutionName,
                      String basis, String buyerName, String buyerCode, String documentNo, BigDecimal documentAmount,
                      BigDecimal amount, LocalDate maturity, String outcome, BigDecimal capacity, DataCredit dataCredit,
                      AssetCredit assetCredit, RegistryCheck registry, List<String> reasons, Long loanId,
                      String filingNumber, Instant createdAt) {
    }

    /** The SME asks one funder; the assessment is stored whatever its outcome. */
    Assessment assess(Caller caller, Request request);

    /** The funder books an approved (or, by an approver, a referred) assessment: filings and loan together. */
    Assessment fund(Caller caller, long id);

    Assessment get(Caller caller, long id);

    /** The SME's own, or those sent to the funder. */
    Page<Assessment> search(Caller caller, PageRequest page);
}
