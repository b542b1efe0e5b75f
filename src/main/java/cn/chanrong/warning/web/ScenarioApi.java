package cn.chanrong.warning.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.platform.JsonInput;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.StressScenarios;
import cn.chanrong.warning.domain.ScenarioKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Stress scenarios: a default, a sector or a region shock propagated through the chain (issue 20 §3). */
@RestController
@RequestMapping("/api/v1/warning/scenarios")
@Tag(name = "warning", description = "Shared high-risk lists, the institutions exposed and their answers")
class ScenarioApi {

    private static final Set<String> FIELDS = Set.of("shockKind", "title", "creditCode", "industryCode", "regionCode",
            "shockPercent", "thresholdPercent", "maxDepth");

    private final StressScenarios scenarios;

    ScenarioApi(StressScenarios scenarios) {
        this.scenarios = scenarios;
    }

    record RunDoc(@Schema(allowableValues = {"ENTERPRISE_DEFAULT", "SECTOR_SHOCK", "REGION_SHOCK"}) String shockKind,
                  @Schema(example = "核心企业违约情景") String title,
                  @Schema(description = "The enterprise that defaults (ENTERPRISE_DEFAULT)", example = "91350100MA2Y0A0A0A")
                  String creditCode,
                  @Schema(description = "The sector shocked, a code of GB/T 4754 at any level (SECTOR_SHOCK)", example = "C31")
                  String industryCode,
                  @Schema(description = "The region shocked (REGION_SHOCK)", example = "350100") String regionCode,
                  @Schema(description = "Share of revenue lost by every firm shocked, per cent (not for a default)",
                          example = "30") String shockPercent,
                  @Schema(description = "Impact from which a firm is stressed and passes it on, per cent (default 10)",
                          example = "10") String thresholdPercent,
                  @Schema(description = "Most steps from the shock (1 to 10, default 6)", example = "6") Integer maxDepth) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR') or hasRole('INSTITUTION')")
    @Operation(summary = "Run a stress scenario: a named enterprise's default, a sector shock or a region shock propagated "
            + "through supply relationships, claims held, guarantees and groups (docs/WARNING.md §3); a regulator's is "
            + "shared with every institution for its own exposures, an institution's is its own")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RunDoc.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Run",
            useReturnTypeSchema = true)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    StressScenarios.Scenario run(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, FIELDS);
        var run = new StressScenarios.Run(in.choice(ScenarioKind.class, "shockKind"), in.text("title"),
                strip(in.text("creditCode")), in.text("industryCode"), in.text("regionCode"), in.decimal("shockPercent", 2),
                in.decimal("thresholdPercent", 2), in.integer("maxDepth"));
        in.done();
        return scenarios.run(caller, run);
    }

    @GetMapping
    @PreAuthorize("hasRole('REGULATOR') or hasRole('INSTITUTION') or hasRole('ADMIN')")
    @Operation(summary = "Scenarios the caller sees, latest first: an institution its own and the regulators'; a regulator "
            + "the regulators' that are national or of its region")
    Page<StressScenarios.Scenario> scenarios(Caller caller, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return scenarios.scenarios(caller, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('INSTITUTION') or hasRole('ADMIN')")
    @Operation(summary = "A scenario's results on the book as it stands, by institution, chain and province: an institution "
            + "its own exposures; the financial regulators the amounts in their region; the industry departments the "
            + "firms stressed without amounts")
    StressScenarios.Results results(Caller caller, @PathVariable long id) {
        return scenarios.results(caller, id);
    }

    @GetMapping("/{id}/exposures")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('INSTITUTION') or hasRole('ADMIN')")
    @Operation(summary = "The loans outstanding tied to a stressed firm, in the caller's scope, each with the firm's impact "
            + "and the path from the shock; nearest the shock first")
    Page<StressScenarios.Exposure> exposures(Caller caller, @PathVariable long id,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return scenarios.exposures(caller, id, PageRequest.of(page, size));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
