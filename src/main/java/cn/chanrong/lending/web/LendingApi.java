package cn.chanrong.lending.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.lending.EndOfDay;
import cn.chanrong.lending.Facilities;
import cn.chanrong.lending.Facility;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.platform.Idempotency;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "lending", description = "Facilities, applications through the approval chain, loans and their servicing")
class LendingApi {

    private final Facilities facilities;
    private final LoanApplications applications;
    private final Loans loans;
    private final EndOfDay endOfDay;
    private final Idempotency idempotency;
    private final JsonMapper json;

    private final cn.chanrong.lending.Drawdowns drawdowns;

    LendingApi(Facilities facilities, LoanApplications applications, Loans loans, EndOfDay endOfDay,
               Idempotency idempotency, JsonMapper json, cn.chanrong.lending.Drawdowns drawdowns) {
        this.drawdowns = drawdowns;
        this.facilities = facilities;
        this.applications = applications;
        this.loans = loans;
        this.endOfDay = endOfDay;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Runs a money-moving call under the caller's Idempotency-Key: a retry gets the first answer. */
    private ResponseEntity<String> idempotent(Caller caller, String key, String operation, Record body, String location,
                                              Supplier<Object> effect) {
        Idempotency.Response r = idempotency.execute(caller.username(), key == null || key.isBlank() ? null : key.strip(),
                operation, Idempotency.digest(body),
                () -> new Idempotency.Response(201, location, json.writeValueAsString(effect.get()), false));
        return ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LOCATION, r.location()).header("Idempotent-Replayed", Boolean.toString(r.replayed()))
                .body(r.body());
    }

    // ---- facilities

    @PostMapping(value = "/facilities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Open a credit line for a borrower (institution approvers)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Facility> openFacility(Caller caller, @RequestBody Facilities.Request body) {
        Facility f = facilities.open(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/facilities/" + f.id()).body(f);
    }

    @GetMapping("/facilities")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Facilities the caller may see: an institution's own, an enterprise's own")
    Page<Facility> facilities(Caller caller, @RequestParam(required = false) Long borrower,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return facilities.search(caller, borrower, PageRequest.of(page, size));
    }

    @GetMapping("/facilities/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One facility with its used and available amounts")
    Facility facility(Caller caller, @PathVariable long id) {
        return facilities.get(caller, id);
    }

    // ---- applications

    @PostMapping(value = "/loan-applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ENTERPRISE')")
    @Operation(summary = "Apply for a loan under a published product (the borrower, or an institution operator for it)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<LoanApplication> apply(Caller caller, @RequestBody LoanApplications.Request body) {
        LoanApplication a = applications.submit(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/loan-applications/" + a.id()).body(a);
    }

    @GetMapping("/loan-applications")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Applications the caller may see; ?step=REVIEW gives the queue waiting at that step")
    Page<LoanApplication> applications(Caller caller, @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String step,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return applications.search(caller, status, step, PageRequest.of(page, size));
    }

    @GetMapping("/loan-applications/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One application with its approval steps and acts")
    LoanApplication application(Caller caller, @PathVariable long id) {
        return applications.get(caller, id);
    }

    record ActRequest(String decision, String comment) {
    }

    @PostMapping(value = "/loan-applications/{id}/acts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Pass or reject the application's next step; each step by a different person with its authority")
    LoanApplication act(Caller caller, @PathVariable long id, @RequestBody ActRequest body) {
        return applications.act(caller, id, body.decision(), body.comment());
    }

    @PostMapping("/loan-applications/{id}/contract")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Sign the contract of an approved application: fixes the rate and draws the facility")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Loan> contract(Caller caller, @PathVariable long id) {
        Loan l = loans.contract(caller, id);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/loans/" + l.id()).body(l);
    }

    // ---- loans

    @GetMapping("/loans")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Loans the caller may see, most overdue first; filter by status, tier, borrower, overdue")
    Page<Loan> loans(Caller caller, @RequestParam(required = false) String status, @RequestParam(required = false) String tier,
                     @RequestParam(required = false) Long borrower, @RequestParam(required = false) Boolean overdue,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return loans.search(caller, new Loans.Filter(status == null || status.isBlank() ? null : status.strip().toUpperCase(),
                tier(tier), borrower, overdue), PageRequest.of(page, size));
    }

    private static Tier tier(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Tier.valueOf(raw.strip().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("enum", "tier", raw, java.util.Arrays.toString(Tier.values())));
        }
    }

    @GetMapping("/loans/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One loan with its balances, days past due and tier")
    Loan loan(Caller caller, @PathVariable long id) {
        return loans.get(caller, id);
    }

    @GetMapping("/loans/{id}/schedule")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The schedule as serviced: what falls due and what was paid of it")
    List<Installment> schedule(Caller caller, @PathVariable long id) {
        return loans.schedule(caller, id);
    }

    @PostMapping(value = "/loans/{id}/securities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Attach collateral, a pledge or a guarantee, optionally citing the institution's registry filing")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<cn.chanrong.lending.LoanSecurity> attach(Caller caller, @PathVariable long id,
                                                           @RequestBody Loans.SecurityRequest body) {
        return ResponseEntity.status(201).body(loans.attachSecurity(caller, id, body));
    }

    @GetMapping("/loans/{id}/securities")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "What secures the loan")
    List<cn.chanrong.lending.LoanSecurity> securities(Caller caller, @PathVariable long id) {
        return loans.securities(caller, id);
    }

    @GetMapping("/loans/{id}/payees")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The counterparties paid directly under entrusted payment")
    List<Loans.Payee> payees(Caller caller, @PathVariable long id) {
        return loans.payees(caller, id);
    }

    @GetMapping("/loans/{id}/tags")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The loan's tags, derived from facts (manufacturing, medium/long-term, unsecured, key chain…)")
    List<String> tags(Caller caller, @PathVariable long id) {
        return loans.tags(caller, id);
    }

    @GetMapping("/loans/{id}/transactions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Disbursements, repayments, write-off and recoveries, each with its journal entry")
    List<Loans.Transaction> transactions(Caller caller, @PathVariable long id) {
        return loans.transactions(caller, id);
    }

    @GetMapping("/loans/{id}/classifications")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Every tier change with its rule and reason")
    List<Loans.Classification> classifications(Caller caller, @PathVariable long id) {
        return loans.classifications(caller, id);
    }

    @GetMapping("/loans/{id}/dues")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "What is due on a value date, by bucket, and the payoff amount")
    Loans.Dues dues(Caller caller, @PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate valueDate) {
        return loans.dues(caller, id, valueDate);
    }

    /**
     * {@code payees} for entrusted payment to several counterparties; {@code payee} names a single one;
     * {@code amount}, when less than the contracted amount, draws only that much (more drawdowns follow).
     */
    record DisbursementRequest(LocalDate valueDate, String payee, List<Loans.Payee> payees, java.math.BigDecimal amount) {
        List<Loans.Payee> all() {
            if (payees != null && !payees.isEmpty()) {
                return payees;
            }
            return payee == null || payee.isBlank() ? List.of() : List.of(new Loans.Payee(payee, null, null));
        }
    }

    @PostMapping(value = "/loans/{id}/disbursements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Disburse a contracted loan; send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Disbursed; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Loan.class)))
    ResponseEntity<String> disburse(Caller caller, @PathVariable long id, @RequestBody DisbursementRequest body,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "loan.disburse:" + id, body, "/api/v1/loans/" + id,
                () -> body.amount() == null ? loans.disburse(caller, id, body.valueDate(), body.all())
                        : drawdowns.disburseFirst(caller, id, body.valueDate(), body.amount(), body.all()));
    }

    @PostMapping(value = "/loans/{id}/drawdowns", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "A later drawdown (借据) under the contract of this loan, up to the undrawn amount; send Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Drawn; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Loan.class)))
    ResponseEntity<String> draw(Caller caller, @PathVariable long id, @RequestBody DisbursementRequest body,
                                @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "loan.drawdown:" + id, body, "/api/v1/loans/" + id + "/contract",
                () -> drawdowns.draw(caller, id, body.valueDate(), body.amount(), body.all()));
    }

    @GetMapping("/loans/{id}/contract")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The contract this loan belongs to: contracted, drawn and available amounts, and every drawdown")
    cn.chanrong.lending.Drawdowns.Contract loanContract(Caller caller, @PathVariable long id) {
        return drawdowns.contract(caller, id);
    }

    @PostMapping(value = "/loans/{id}/repayments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Repay what is due (REPAYMENT) or settle the loan (PAYOFF); send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Repaid; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Loans.Transaction.class)))
    ResponseEntity<String> repay(Caller caller, @PathVariable long id, @RequestBody Loans.RepaymentRequest body,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "loan.repay:" + id, body, "/api/v1/loans/" + id + "/transactions",
                () -> loans.repay(caller, id, body));
    }

    record ClassificationRequest(String tier, String reason) {
    }

    @PostMapping(value = "/loans/{id}/classification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Reclassify by hand with a reason (approvers): downgrades freely, upgrades only when the rules allow")
    Loan reclassify(Caller caller, @PathVariable long id, @RequestBody ClassificationRequest body) {
        Tier t = tier(body.tier());
        return loans.reclassify(caller, id, t, body.reason());
    }

    @PostMapping(value = "/loans/{id}/restructuring", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Restructure the loan of a debtor in difficulty (approvers): new schedule, observation period")
    Loan restructure(Caller caller, @PathVariable long id, @RequestBody Loans.RestructureRequest body) {
        return loans.restructure(caller, id, body);
    }

    @PostMapping(value = "/loans/{id}/renewal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Renew an SME working-capital loan without repaying principal (无还本续贷); returns the new loan")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Loan> renew(Caller caller, @PathVariable long id, @RequestBody Loans.RenewalRequest body) {
        Loan l = loans.renew(caller, id, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/loans/" + l.id()).body(l);
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping(value = "/loans/{id}/purpose-breaches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Record an unauthorised change of the loan's purpose (挪用), with the reason: at least 关注 from now on")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Loan> purposeBreach(Caller caller, @PathVariable long id, @RequestBody ReasonRequest body) {
        Loan l = loans.recordPurposeBreach(caller, id, body.reason());
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/loans/" + id + "/classifications").body(l);
    }

    @PostMapping(value = "/loans/{id}/write-off", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Write off a non-performing loan (approvers), with the documented reason")
    Loan writeOff(Caller caller, @PathVariable long id, @RequestBody ReasonRequest body) {
        return loans.writeOff(caller, id, body.reason());
    }

    @PostMapping(value = "/loans/{id}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Transfer a non-performing loan to a buyer at a price (approvers); the loss is booked")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Loans.Transaction> transfer(Caller caller, @PathVariable long id, @RequestBody Loans.TransferRequest body) {
        return ResponseEntity.status(201).body(loans.transfer(caller, id, body));
    }

    record RecoveryRequest(java.math.BigDecimal amount, LocalDate valueDate) {
    }

    @PostMapping(value = "/loans/{id}/recoveries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Record cash recovered on a written-off loan; send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Recovered; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Loans.Transaction.class)))
    ResponseEntity<String> recover(Caller caller, @PathVariable long id, @RequestBody RecoveryRequest body,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "loan.recover:" + id, body, "/api/v1/loans/" + id + "/transactions",
                () -> loans.recover(caller, id, body.amount(), body.valueDate()));
    }

    // ---- end of day

    record EndOfDayRequest(LocalDate businessDate) {
    }

    @PostMapping(value = "/lending/end-of-day", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Run end of day for a business date (administrators); safe to repeat")
    EndOfDay.Run endOfDay(@RequestBody EndOfDayRequest body) {
        if (body.businessDate() == null) {
            throw Rejected.invalid(Rejection.of("required", "businessDate"));
        }
        return endOfDay.run(body.businessDate(), r -> { });
    }

    @GetMapping("/lending/end-of-day/{date}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Progress of the end-of-day run for a date")
    EndOfDay.Run endOfDayStatus(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return endOfDay.status(date).orElseThrow(() -> Rejected.notFound("end-of-day run", date));
    }
}
