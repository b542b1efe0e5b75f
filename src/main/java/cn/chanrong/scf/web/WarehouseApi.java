package cn.chanrong.scf.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.platform.Uploads;
import cn.chanrong.scf.WarehouseReceipts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "warehouse receipts", description = "Supervised warehouses, warehouse receipts pledged statically or dynamically, "
        + "supervision events, commodity prices and revaluation, SCF alerts")
class WarehouseApi {

    record NoteRequest(String note) {
    }

    record ReleaseRequest(Boolean anyway, String note) {
    }

    record CancelRequest(String reason) {
    }

    record RevalueRequest(LocalDate date) {
    }

    private final WarehouseReceipts receipts;

    WarehouseApi(WarehouseReceipts receipts) {
        this.receipts = receipts;
    }

    // ---- warehouses

    @PostMapping(value = "/warehouses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    @Operation(summary = "Register a warehouse: name, regionCode, address, operatorId (enterprise, optional), supervised")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<WarehouseReceipts.Warehouse> register(Caller caller, @RequestBody WarehouseReceipts.WarehouseRequest body) {
        var w = receipts.register(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/warehouses/" + w.id()).body(w);
    }

    @GetMapping("/warehouses")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Registered warehouses, newest first")
    Page<WarehouseReceipts.Warehouse> warehouses(Caller caller, @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return receipts.warehouses(caller, PageRequest.of(page, size));
    }

    @GetMapping("/warehouses/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One warehouse")
    WarehouseReceipts.Warehouse warehouse(Caller caller, @PathVariable long id) {
        return receipts.warehouse(caller, id);
    }

    // ---- receipts

    @PostMapping(value = "/warehouse-receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Issue a receipt (the warehouse operator enterprise or an administrator): warehouseId, ownerId, "
            + "commodityCode, commodityName, quantity, unit")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<WarehouseReceipts.Receipt> issue(Caller caller, @RequestBody WarehouseReceipts.IssueRequest body) {
        var r = receipts.issue(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/warehouse-receipts/" + r.id()).body(r);
    }

    @GetMapping("/warehouse-receipts")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Receipts the caller may see: the owner its own, a funder those pledged to it, an operator its "
            + "warehouses', administrators and regulators all")
    Page<WarehouseReceipts.Receipt> search(Caller caller, @RequestParam(required = false) String status,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return receipts.search(caller, status, PageRequest.of(page, size));
    }

    @GetMapping("/warehouse-receipts/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One receipt with its pledge, supervision events, valuations and margin calls")
    WarehouseReceipts.Detail receipt(Caller caller, @PathVariable long id) {
        return receipts.detail(caller, id);
    }

    @PostMapping(value = "/warehouse-receipts/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Cancel a receipt never pledged (the warehouse operator or an administrator)")
    WarehouseReceipts.Receipt cancel(Caller caller, @PathVariable long id, @RequestBody CancelRequest body) {
        return receipts.cancel(caller, id, body.reason());
    }

    @PostMapping(value = "/warehouse-receipts/{id}/pledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The owner pledges the receipt to a funder (STATIC or DYNAMIC): registry check and filing and "
            + "the loan booked in one transaction")
    WarehouseReceipts.Receipt pledge(Caller caller, @PathVariable long id,
                                     @RequestBody WarehouseReceipts.PledgeRequest body) {
        return receipts.pledge(caller, id, body);
    }

    @PostMapping("/warehouse-receipts/{id}/release-request")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The owner asks the funder to release the goods")
    WarehouseReceipts.Receipt requestRelease(Caller caller, @PathVariable long id,
                                             @RequestBody(required = false) NoteRequest body) {
        return receipts.requestRelease(caller, id, body == null ? null : body.note());
    }

    @PostMapping("/warehouse-receipts/{id}/release")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The funder releases: the loan must be repaid unless anyway=true; when repaid the filing is cancelled")
    WarehouseReceipts.Receipt release(Caller caller, @PathVariable long id,
                                      @RequestBody(required = false) ReleaseRequest body) {
        return receipts.release(caller, id, body != null && Boolean.TRUE.equals(body.anyway()),
                body == null ? null : body.note());
    }

    @PostMapping(value = "/warehouse-receipts/{id}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "A supervision event from the warehouse: INBOUND, OUTBOUND, STOCKTAKE (quantity = counted), "
            + "SENSOR_ALARM")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<WarehouseReceipts.Event> event(Caller caller, @PathVariable long id,
                                                  @RequestBody WarehouseReceipts.EventRequest body) {
        return ResponseEntity.status(201).body(receipts.record(caller, id, body));
    }

    @PostMapping(value = "/warehouse-receipts/revaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revalue every pledged receipt at the latest price on or before the date (default today)")
    WarehouseReceipts.Revaluation revalue(Caller caller, @RequestBody(required = false) RevalueRequest body) {
        return receipts.revalue(caller, body == null ? null : body.date());
    }

    // ---- prices

    @PostMapping(value = "/commodity-prices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR', 'INSTITUTION')")
    @Operation(summary = "Enter a price (commodityCode, date, pricePerUnit, unit); pledged receipts are revalued for that date")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<WarehouseReceipts.Price> enterPrice(Caller caller, @RequestBody WarehouseReceipts.PriceRequest body) {
        return ResponseEntity.status(201).body(receipts.enterPrice(caller, body));
    }

    @PostMapping(value = "/commodity-prices/import",
            consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR', 'INSTITUTION')")
    @Operation(summary = "Import prices from CSV with header code,date,price,unit: all rows or none")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<List<WarehouseReceipts.Price>> importPrices(Caller caller, @RequestBody InputStreamResource body,
                                                               @RequestParam(required = false) String encoding) {
        try (Upload file = Uploads.spool(body)) {
            return ResponseEntity.status(201).body(receipts.importPrices(caller, file, encoding));
        }
    }

    @GetMapping("/commodity-prices")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Prices, newest first, optionally for one commodity code")
    Page<WarehouseReceipts.Price> prices(Caller caller, @RequestParam(required = false) String code,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return receipts.prices(caller, code, PageRequest.of(page, size));
    }

    // ---- alerts (shared by every SCF part)

    @GetMapping("/scf-alerts")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'REGULATOR', 'ADMIN')")
    @Operation(summary = "Supply-chain finance alerts: a funder its own, regulators and administrators all; kind filter")
    Page<WarehouseReceipts.Alert> alerts(Caller caller, @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return receipts.alerts(caller, kind, PageRequest.of(page, size));
    }
}
