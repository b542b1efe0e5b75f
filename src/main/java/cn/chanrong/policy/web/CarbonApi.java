package cn.chanrong.policy.web;

import static cn.chanrong.policy.web.JsonBodies.object;
import static cn.chanrong.policy.web.JsonBodies.text;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.CarbonReductions;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Carbon-reduction loans and the banks' disclosures (issue 19 §6). */
@RestController
@Tag(name = "policy", description = "Carbon-reduction loans: verified CO2 reductions and disclosures")
class CarbonApi {

    private final CarbonReductions carbon;
    private final cn.chanrong.reference.BusinessDate businessDate;

    CarbonApi(CarbonReductions carbon, cn.chanrong.reference.BusinessDate businessDate) {
        this.carbon = carbon;
        this.businessDate = businessDate;
    }

    record RecordDoc(@Schema(example = "L2026063000000035") String loan, @Schema(example = "12500.00") String co2Tonnes,
                     @Schema(example = "中环联合（北京）认证中心有限公司") String verifier,
                     @Schema(example = "2026-05-20") String verifiedOn,
                     @Schema(example = "替代燃煤锅炉的年减排量，按项目可研与监测数据核证") String verificationMethod) {
    }

    @PostMapping(path = "/api/v1/policy/carbon-reductions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Record the verified CO2 reduction (tonnes a year, two decimals) of one of the bank's green loans, "
            + "by its number, with its verifier, day and method; once per loan")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RecordDoc.class)))
    CarbonReductions.Reduction record(Caller caller, @RequestBody JsonNode body) {
        object(body, Set.of("loan", "co2Tonnes", "verifier", "verifiedOn", "verificationMethod"));
        List<Rejection> problems = new ArrayList<>();
        String raw = text(body, "co2Tonnes");
        BigDecimal tonnes = raw == null || raw.isBlank() ? null
                : Amounts.parse(raw.strip(), "co2Tonnes", false, new BigDecimal("100000000.00"), problems);
        String day = text(body, "verifiedOn");
        LocalDate verifiedOn = day == null || day.isBlank() ? null : Dates.required(day, "verifiedOn", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return carbon.record(caller, new CarbonReductions.Request(text(body, "loan"), tonnes, text(body, "verifier"),
                verifiedOn, text(body, "verificationMethod")));
    }

    @GetMapping("/api/v1/policy/carbon-reductions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Carbon-reduction loans with their verified CO2: the bank's own, the borrower's own, financial "
            + "regulators' where the borrower is; latest verified first")
    Page<CarbonReductions.Reduction> list(Caller caller, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return carbon.list(caller, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/policy/carbon-disclosures")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Each bank's disclosure for a year (default: the business date's): carbon-reduction loans paid out, "
            + "their principal, what is outstanding, the CO2 avoided a year, in the caller's scope")
    List<CarbonReductions.Disclosure> disclosures(Caller caller, @RequestParam(required = false) Integer year) {
        int y = year == null ? businessDate.today().getYear() : year;
        if (y < 2021 || y > 2100) {
            throw Rejected.invalid(Rejection.of("range", "year", 2021, 2100, y));
        }
        return carbon.disclosures(caller, y);
    }
}
