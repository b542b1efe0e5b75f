package cn.chanrong.matching.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.matching.Needs;
import cn.chanrong.matching.ProjectLists;
import cn.chanrong.matching.Roadshows;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
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

@RestController
@RequestMapping("/api/v1")
@Tag(name = "matching", description = "Financing needs and matches, project lists pushed to institutions, roadshows")
class MatchingApi {

    record InterestRequest(Long productId, String note) {
    }

    record WithdrawRequest(String note) {
    }

    record ApplyRequest(String pitch, java.math.BigDecimal seeking) {
    }

    record AmountRequest(Long enterpriseId, java.math.BigDecimal amount) {
    }

    record SummaryRequest(String summary) {
    }

    private final Needs needs;
    private final ProjectLists lists;
    private final Roadshows roadshows;
    private final ApiErrors errors;

    MatchingApi(Needs needs, ProjectLists lists, Roadshows roadshows, ApiErrors errors) {
        this.needs = needs;
        this.lists = lists;
        this.roadshows = roadshows;
        this.errors = errors;
    }

    // ---- needs

    @PostMapping(value = "/needs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Publish a financing need (the enterprise)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Needs.Need> publish(Caller caller, @RequestBody Needs.Request body) {
        Needs.Need n = needs.publish(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/needs/" + n.id()).body(n);
    }

    @GetMapping("/needs")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Needs the caller may see: an enterprise's own; for an institution the open needs its products match (商机) unless mine=false")
    Page<Needs.Need> needs(Caller caller, @RequestParam(required = false) String status,
                           @RequestParam(required = false) Boolean mine, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        return needs.search(caller, new Needs.Filter(status, mine), PageRequest.of(page, size));
    }

    @GetMapping("/needs/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One need")
    Needs.Need need(Caller caller, @PathVariable long id) {
        return needs.get(caller, id);
    }

    @GetMapping("/needs/{id}/matches")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Eligible products ranked by the documented score, and near misses with the condition missed")
    Needs.Matches matches(Caller caller, Locale locale, @PathVariable long id) {
        return needs.matches(caller, id, locale);
    }

    @PostMapping(value = "/needs/{id}/interest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "An institution expresses interest in a need")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Needs.Interest> interest(Caller caller, @PathVariable long id, @RequestBody InterestRequest body) {
        return ResponseEntity.status(201).body(needs.expressInterest(caller, id, body.productId(), body.note()));
    }

    @GetMapping("/needs/{id}/interests")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Institutions interested in a need (an institution sees its own)")
    List<Needs.Interest> interests(Caller caller, @PathVariable long id) {
        return needs.interests(caller, id);
    }

    @PostMapping("/needs/{id}/withdraw")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The enterprise withdraws its need")
    Needs.Need withdrawNeed(Caller caller, @PathVariable long id) {
        return needs.withdraw(caller, id);
    }

    // ---- project lists

    @PostMapping(value = "/project-lists", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "Import a candidate list and push its items (MIIT, NDRC); columns: batch_no,list_type,credit_code,"
            + "enterprise_name,project_name,investment,financing_needed")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose report names every bad row",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    ResponseEntity<Map<String, Object>> importList(Caller caller, Locale locale, @RequestBody InputStreamResource body,
                                                   @RequestParam(required = false) String encoding,
                                                   @RequestParam(required = false) Integer contactDays) {
        ProjectLists.Imported r;
        try (Upload file = Uploads.spool(body)) {
            r = lists.importList(caller, file, encoding, contactDays);
        }
        Map<String, Object> json = new java.util.LinkedHashMap<>(r.report().asJson(x -> errors.message(x, locale)));
        json.put("list", r.list());
        return r.report().accepted() ? ResponseEntity.status(201).body(json) : ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(errors.asProblem(json, org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
    }

    @GetMapping("/project-lists")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lists the caller may see, with contact rate and overdue pushes")
    Page<ProjectLists.ListInfo> lists(Caller caller, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return lists.lists(caller, PageRequest.of(page, size));
    }

    @GetMapping("/project-lists/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One list with its service level")
    ProjectLists.ListInfo list(Caller caller, @PathVariable long id) {
        return lists.list(caller, id);
    }

    @GetMapping("/project-lists/{id}/items")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Items of a list; an institution sees only those pushed to it")
    Page<ProjectLists.Item> items(Caller caller, @PathVariable long id, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return lists.items(caller, id, status, PageRequest.of(page, size));
    }

    @GetMapping("/project-items/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One item with its pushes and steps")
    ProjectLists.Item item(Caller caller, @PathVariable long id) {
        return lists.item(caller, id);
    }

    @PostMapping(value = "/project-items/{id}/steps", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Record a docking step: CONTACTED, DUE_DILIGENCE, APPROVED, SIGNED (amount), DISBURSED (loanId), DECLINED (reason)")
    ProjectLists.Push step(Caller caller, @PathVariable long id, @RequestBody ProjectLists.StepRequest body) {
        return lists.advance(caller, id, body);
    }

    @PostMapping(value = "/project-items/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "The issuing regulator withdraws an item")
    ProjectLists.Item withdrawItem(Caller caller, @PathVariable long id, @RequestBody WithdrawRequest body) {
        return lists.withdraw(caller, id, body.note());
    }

    @GetMapping("/project-items/overdue")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'REGULATOR', 'ADMIN')")
    @Operation(summary = "Items whose contact is overdue: an institution's own pushes, or those of the regulator's lists")
    List<ProjectLists.Item> overdue(Caller caller) {
        return lists.overdue(caller);
    }

    // ---- roadshows

    @PostMapping(value = "/roadshows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "Create a roadshow for a chain and month (一月一链)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Roadshows.Roadshow> createRoadshow(Caller caller, @RequestBody Roadshows.Request body) {
        Roadshows.Roadshow r = roadshows.create(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/roadshows/" + r.id()).body(r);
    }

    @GetMapping("/roadshows")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Roadshows, newest month first")
    Page<Roadshows.Roadshow> roadshows(Caller caller, @RequestParam(required = false) String chain,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return roadshows.search(caller, chain, PageRequest.of(page, size));
    }

    @GetMapping("/roadshows/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One roadshow with participants and the interests the caller may see")
    Roadshows.Roadshow roadshow(Caller caller, @PathVariable long id) {
        return roadshows.get(caller, id);
    }

    @PostMapping(value = "/roadshows/{id}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "An enterprise applies to present")
    Roadshows.Roadshow apply(Caller caller, @PathVariable long id, @RequestBody ApplyRequest body) {
        return roadshows.apply(caller, id, body.pitch(), body.seeking());
    }

    @PostMapping(value = "/roadshows/{id}/interests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "An institution registers interest in a presenting enterprise with an intended amount")
    Roadshows.Roadshow roadshowInterest(Caller caller, @PathVariable long id, @RequestBody AmountRequest body) {
        return roadshows.registerInterest(caller, id, body.enterpriseId() == null ? -1 : body.enterpriseId(), body.amount());
    }

    @PostMapping(value = "/roadshows/{id}/signed", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "An institution records the amount signed with a presenting enterprise")
    Roadshows.Roadshow signed(Caller caller, @PathVariable long id, @RequestBody AmountRequest body) {
        return roadshows.recordSigned(caller, id, body.enterpriseId() == null ? -1 : body.enterpriseId(), body.amount());
    }

    @PostMapping(value = "/roadshows/{id}/summary", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "The organiser records the outcome summary")
    Roadshows.Roadshow summary(Caller caller, @PathVariable long id, @RequestBody SummaryRequest body) {
        return roadshows.summarise(caller, id, body.summary());
    }
}
