package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.UseReports;
import cn.chanrong.monitoring.internal.PaymentEventReader;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A self-paid loan's use of funds, reported by the borrower and read by its bank and the financial regulators. */
@RestController
@Tag(name = "monitoring")
class UseReportsApi {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final UseReports reports;

    UseReportsApi(UseReports reports) {
        this.reports = reports;
    }

    /** A use as the borrower sends it: the amount as text with two decimals, the day paid as YYYY-MM-DD. */
    record UseDoc(String payeeName, String payeeAccount, @Schema(example = "120000.00") String amount, String purpose,
                  String documentNumber, @Schema(format = "date") String paidOn) {
    }

    @PostMapping(value = "/api/v1/loans/{id}/use-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The borrower reports what it paid with a self-paid loan: payee, amount, purpose, invoice or contract "
            + "number, day paid; all of them or none; each matched to a payment the bank reported")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = UseDoc.class))))
    UseReports.Ledger report(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        if (body == null || !body.isArray()) {
            throw Rejected.invalid(Rejection.of("monitoring.use.array", "body"));
        }
        if (body.size() > UseReports.MAX_USES) {
            throw Rejected.invalid(Rejection.of("monitoring.report.too-many", "body", body.size(), UseReports.MAX_USES));
        }
        List<Rejection> problems = new ArrayList<>();
        List<UseReports.Use> uses = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            UseReports.Use u = read("uses[" + i + "].", body.get(i), problems);
            if (u != null) {
                uses.add(u);
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return reports.report(caller, id, uses);
    }

    @GetMapping("/api/v1/loans/{id}/use-reports")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A self-paid loan's reported uses, what each matched, the documents sampled, and the payments of the "
            + "loan's money with no use reported")
    UseReports.Ledger ledger(Caller caller, @PathVariable long id) {
        return reports.ledger(caller, id);
    }

    /** One use read at the edge (with the payment reader's field rules), or null with the reasons added. */
    static UseReports.Use read(String at, JsonNode n, List<Rejection> problems) {
        if (n == null || !n.isObject()) {
            problems.add(Rejection.of("monitoring.payment.object", at.isEmpty() ? "use" : at.substring(0, at.length() - 1)));
            return null;
        }
        int before = problems.size();
        String payee = PaymentEventReader.text(n, at, "payeeName", 1, 200, true, problems);
        String account = PaymentEventReader.text(n, at, "payeeAccount", 4, 40, false, problems);
        String purpose = PaymentEventReader.text(n, at, "purpose", 2, 200, true, problems);
        String document = PaymentEventReader.text(n, at, "documentNumber", 1, 60, true, problems);
        BigDecimal amount = PaymentEventReader.amount(n, at, "amount", MAX_AMOUNT, problems);
        LocalDate paidOn = PaymentEventReader.date(n, at, "paidOn", problems);
        return problems.size() > before ? null : new UseReports.Use(payee, account, amount, purpose, document, paidOn);
    }
}
