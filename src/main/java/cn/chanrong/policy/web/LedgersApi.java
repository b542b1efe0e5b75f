package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.Ledgers;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/policy/ledgers")
@Tag(name = "policy", description = "Re-lending ledgers compiled from the bank's book")
class LedgersApi {

    private final Ledgers ledgers;

    LedgersApi(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    record CompileDoc(@Schema(example = "PBOC-TECH-RL") String programme, @Schema(format = "date") String from,
                      @Schema(format = "date") String to) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Compile the bank's ledger of a re-lending programme for a period: every candidate loan with its "
            + "verdict and reasons, the programme's share of each qualifying loan's principal")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CompileDoc.class)))
    Ledgers.Ledger compile(Caller caller, @RequestBody JsonNode body, Locale locale) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("policy.object", "body"));
        }
        List<Rejection> problems = new ArrayList<>();
        String programme = text(body, "programme");
        if (programme == null || programme.isBlank()) {
            problems.add(Rejection.of("required", "programme"));
        }
        LocalDate from = cn.chanrong.shared.Dates.required(text(body, "from"), "from", problems);
        LocalDate to = cn.chanrong.shared.Dates.required(text(body, "to"), "to", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return ledgers.compile(caller, new Ledgers.Compile(programme, from, to), locale);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Ledgers: the bank's own; the financial regulators' where the bank operates")
    Page<Ledgers.Ledger> list(Caller caller, @RequestParam(required = false) String programme,
                              @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return ledgers.list(caller, programme, status, PageRequest.of(page, size));
    }

    @GetMapping("/quota")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "What a re-lending programme lent out of its quota in force: the quota, used by booked ledgers, left")
    Ledgers.Quota quota(Caller caller, @RequestParam(required = false) String programme) {
        return ledgers.quota(caller, programme);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The bank confirms its compiled ledger (an approver other than the one who compiled it)")
    Ledgers.Ledger confirm(Caller caller, @PathVariable long id, Locale locale) {
        return ledgers.confirm(caller, id, locale);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The central bank approves a confirmed ledger: the rate of the day, the maturity, the quota checked, "
            + "the borrowing booked in the bank's book")
    Ledgers.Ledger approve(Caller caller, @PathVariable long id, Locale locale) {
        return ledgers.approve(caller, id, locale);
    }

    @PostMapping("/{id}/roll-over")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "At maturity, roll the borrowing over for another term (the programme's rollovers at most), paying the interest")
    Ledgers.Ledger rollOver(Caller caller, @PathVariable long id, Locale locale) {
        return ledgers.rollOver(caller, id, locale);
    }

    @PostMapping("/{id}/repay")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Repay the borrowing from the central bank with the interest since it last ran")
    Ledgers.Ledger repay(Caller caller, @PathVariable long id, Locale locale) {
        return ledgers.repay(caller, id, locale);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One ledger with its lines: each loan's verdict and, when left out, the reasons by rule")
    Ledgers.Ledger get(Caller caller, @PathVariable long id, Locale locale) {
        return ledgers.get(caller, id, locale);
    }
}
