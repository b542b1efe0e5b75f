package cn.chanrong.cashflow.web;

import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enterprises/{enterpriseId}")
@Tag(name = "cash flow", description = "Bound accounts, statements (camt.053/054, CSV) and transactions; institutions read under consent")
class CashFlowApi {

    record AccountRequest(String accountNo, String bankName, String currency) {
    }

    private final CashFlows cashFlows;

    CashFlowApi(CashFlows cashFlows) {
        this.cashFlows = cashFlows;
    }

    @PostMapping(value = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Bind a bank account to the enterprise (the enterprise itself, or an administrator)")
    CashFlows.Account bind(Caller caller, @PathVariable long enterpriseId, @RequestBody AccountRequest body) {
        return cashFlows.bindAccount(caller, enterpriseId, body.accountNo(), body.bankName(), body.currency());
    }

    @GetMapping("/accounts")
    @PreAuthorize("isAuthenticated()")
    List<CashFlows.Account> accounts(Caller caller, @PathVariable long enterpriseId) {
        return cashFlows.accounts(caller, enterpriseId);
    }

    @PostMapping(value = "/statements", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "text/csv",
            MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Import a camt.053 / camt.054 file or a statement CSV (UTF-8 or GBK); all of it or nothing",
            description = "The source follows the caller: the enterprise's own upload (SELF_UPLOAD), its bank under consent "
                    + "(BANK_DIRECT), or an administrator loading the PBOC platform's data (PBOC_PLATFORM).")
    CashFlows.ImportResult importStatements(Caller caller, @PathVariable long enterpriseId,
                                            @RequestBody InputStreamResource body,
                                            @RequestParam(required = false) CashFlows.Source source) {
        try (Upload file = Uploads.spool(body)) {
            return cashFlows.importStatements(caller, enterpriseId, file, source);
        }
    }

    @GetMapping("/statements")
    @PreAuthorize("isAuthenticated()")
    Page<CashFlows.Statement> statements(Caller caller, @PathVariable long enterpriseId, @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return cashFlows.statements(caller, enterpriseId, PageRequest.of(page, size));
    }

    @GetMapping("/transactions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Categorised transactions, newest first, within the consented accounts and period")
    Page<CashFlows.Transaction> transactions(Caller caller, @PathVariable long enterpriseId,
                                             @RequestParam(required = false) String account,
                                             @RequestParam(required = false) LocalDate from,
                                             @RequestParam(required = false) LocalDate to,
                                             @RequestParam(required = false) String category,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return cashFlows.transactions(caller, enterpriseId, new CashFlows.TransactionFilter(account, from, to, category),
                PageRequest.of(page, size));
    }
}
