package cn.chanrong.scf;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Inventory and warehouse receipts (物的信用, issue 8 §3): supervised warehouses issue electronic
 * receipts for goods; the owner pledges a receipt to a funder statically (these goods) or dynamically
 * (a minimum stock value that may rotate), which files in the collateral registry and books the loan
 * in one transaction; the warehouse reports inbound, outbound, stock-takes and sensor alarms; a
 * commodity price feed revalues pledged receipts against the alert and liquidation lines; release
 * needs the funder's approval. Alerts for funders land in the shared SCF alert list.
 */
public interface WarehouseReceipts {

    // ---- warehouses

    record WarehouseRequest(String name, String regionCode, String address, Long operatorId, Boolean supervised) {
    }

    record Warehouse(long id, String name, String regionCode, String address, Long operatorId, String operatorName,
                     boolean supervised, String createdBy) {
    }

    /** Registered by an administrator or a regulator. */
    Warehouse register(Caller caller, WarehouseRequest request);

    Warehouse warehouse(Caller caller, long id);

    Page<Warehouse> warehouses(Caller caller, PageRequest page);

    // ---- receipts

    /** A receipt the warehouse issues; quantity as a decimal string with at most four decimals. */
    record IssueRequest(Long warehouseId, Long ownerId, String commodityCode, String commodityName, String quantity,
                        String unit) {
    }

    record Receipt(long id, String number, long warehouseId, String warehouseName, long ownerId, String ownerName,
                   String commodityCode, String commodityName, BigDecimal quantity, String unit, String status,
                   LocalDate issuedOn, Pledge pledge) {
    }

    /** The pledge of a receipt; lines are fractions (0.70), {@code minimumValue} only for a dynamic pledge. */
    record Pledge(long institutionId, String institutionName, String mode, BigDecimal minimumValue, long loanId,
                  BigDecimal loanAmount, BigDecimal annualRate, LocalDate maturity, BigDecimal alertLine,
                  BigDecimal liquidationLine, int cureDays, String filingNumber, BigDecimal initialPrice,
                  BigDecimal initialValue, String ltvState, LocalDate pledgedOn, LocalDate releaseRequestedOn,
                  LocalDate releasedOn, String releasedBy, String releaseNote, Boolean releasedUnpaid) {
    }

    /** Issued by the warehouse's operator enterprise or an administrator. */
    Receipt issue(Caller caller, IssueRequest request);

    /** Cancels a receipt never pledged (issuer side: the operator enterprise or an administrator). */
    Receipt cancel(Caller caller, long id, String reason);

    Receipt get(Caller caller, long id);

    /** A receipt with its supervision events, valuations and margin calls. */
    record Detail(Receipt receipt, List<Event> events, List<Valuation> valuations, List<MarginCall> marginCalls) {
    }

    Detail detail(Caller caller, long id);

    /** The owner sees its own, a funder those pledged to it, an operator its warehouses', admins and regulators all. */
    Page<Receipt> search(Caller caller, String status, PageRequest page);

    // ---- pledge and release

    /**
     * {@code pledgeMode} STATIC or DYNAMIC (then {@code minimumValue}); amounts in yuan, {@code annualRate} in
     * percent, lines as fractions with alert &lt; liquidation &le; 1, {@code cureDays} default 5.
     */
    record PledgeRequest(Long funderId, String pledgeMode, BigDecimal minimumValue, BigDecimal loanAmount, LocalDate maturity,
                         String annualRate, String alertLine, String liquidationLine, Integer cureDays) {
    }

    /** The owner pledges: registry check and filing, loan booked, receipt PLEDGED — together or not at all. */
    Receipt pledge(Caller caller, long id, PledgeRequest request);

    /** The owner asks the funder to release the goods. */
    Receipt requestRelease(Caller caller, long id, String note);

    /**
     * The funder (operator or approver) releases: the loan must be repaid unless {@code anyway}; when
     * repaid, the registry filing is cancelled too.
     */
    Receipt release(Caller caller, long id, boolean anyway, String note);

    // ---- supervision

    /** INBOUND, OUTBOUND, STOCKTAKE (quantity = the counted figure) or SENSOR_ALARM. */
    record EventRequest(String kind, String quantity, String sensor, String note) {
    }

    record Event(long id, String kind, BigDecimal quantity, BigDecimal quantityAfter, LocalDate occurredOn,
                 String sensor, String note, String decision, String alert, String recordedBy) {
    }

    /** Posted by the warehouse's operator enterprise or an administrator. */
    Event record(Caller caller, long receiptId, EventRequest request);

    // ---- prices and revaluation

    record PriceRequest(String commodityCode, LocalDate date, String pricePerUnit, String unit) {
    }

    record Price(String commodityCode, String unit, LocalDate date, BigDecimal price, String source, String enteredBy) {
    }

    /** Entered by an administrator, a regulator or an institution operator; revalues for that date. */
    Price enterPrice(Caller caller, PriceRequest request);

    /** CSV with header {@code code,date,price,unit}: all rows or none; returns the prices stored. */
    List<Price> importPrices(Caller caller, byte[] csv, String encoding);

    /**
     * As {@link #importPrices(Caller, byte[], String)}, streaming an uploaded file: a refused file
     * lists its first 1,000 problems and counts the rest.
     */
    List<Price> importPrices(Caller caller, Upload csv, String encoding);

    Page<Price> prices(Caller caller, String commodityCode, PageRequest page);

    record Valuation(LocalDate valuedOn, LocalDate pricedOn, BigDecimal price, BigDecimal quantity, BigDecimal value,
                     BigDecimal exposure, BigDecimal ltv, String state) {
    }

    record MarginCall(long id, LocalDate raisedOn, LocalDate cureBy, BigDecimal ltv, String status, LocalDate closedOn) {
    }

    record Revaluation(LocalDate date, int valued, int unpriced, int alerts, int marginCalls, int cured, int lapsed) {
    }

    /** Values every pledged receipt at the latest price on or before {@code date} and applies the lines. */
    Revaluation revalue(LocalDate date);

    /** The same, asked for by an administrator through the API. */
    Revaluation revalue(Caller caller, LocalDate date);

    // ---- alerts (shared SCF list)

    record Alert(long id, String kind, Long institutionId, Long enterpriseId, String subject, String detail,
                 BigDecimal amount, LocalDate raisedOn, LocalDate clearedOn) {
    }

    /** A funder's own alerts; a regulator's or an administrator's: all. */
    Page<Alert> alerts(Caller caller, String kind, PageRequest page);
}
