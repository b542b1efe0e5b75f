package cn.chanrong.capital.web;

import cn.chanrong.capital.Listings;
import cn.chanrong.capital.domain.ListingBoard;
import cn.chanrong.capital.domain.ListingStage;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.JsonInput;
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
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

/** The hard-tech evaluation and the 千帆百舸 listing-cultivation pipeline (issue 21 §4). */
@RestController
@RequestMapping("/api/v1/capital")
@Tag(name = "capital", description = "Investors and mandates, equity needs, deals from interest to investment")
class ListingApi {

    private final Listings listings;

    ListingApi(Listings listings) {
        this.listings = listings;
    }

    /** A query parameter naming one of an enum's values; anything else refused naming the parameter (echo bounded). */
    static <E extends Enum<E>> E choice(String raw, String field, Class<E> type, Function<String, Optional<E>> parse) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return parse.apply(raw.strip()).orElseThrow(() -> Rejected.invalid(Rejection.of("enum", field,
                raw.length() > 40 ? raw.substring(0, 40) : raw, Arrays.toString(type.getEnumConstants()))));
    }

    /** An optional {@code on} query parameter as a day; anything but YYYY-MM-DD refused naming it (echo bounded). */
    static LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(on.strip());
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(Rejection.of("date.format", "on", on.length() > 40 ? on.substring(0, 40) : on));
        }
    }

    @GetMapping("/hardtech-criteria")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A board's published positioning criteria in force on a day (default today), each row with its "
            + "threshold, the industries it applies to and its source, and the exceptions the criteria allow")
    Listings.Criteria criteria(Locale locale, @RequestParam(required = false) String board,
                               @RequestParam(required = false) String on) {
        ListingBoard b = choice(board, "board", ListingBoard.class, ListingBoard::parse);
        return listings.criteria(b == null ? ListingBoard.STAR : b, day(on), "en".equals(locale.getLanguage()));
    }

    record EvaluateDoc(@Schema(description = "credit code (an enterprise's own user may leave it out)") String enterprise,
                       @Schema(allowableValues = {"STAR", "CHINEXT", "BSE", "REGIONAL"}) String board,
                       @Schema(example = "9") Integer inventionPatents,
                       @Schema(description = "an exception the board's criteria allow, claimed",
                               example = "IMPORT_SUBSTITUTION") String exception,
                       @Schema(example = "工信部首台（套）重大技术装备推广应用指导目录（2024年版）第3.12项") String exceptionDocument) {
    }

    @PostMapping(value = "/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Evaluated", useReturnTypeSchema = true)
    @Operation(summary = "Evaluate an enterprise against a board's criteria in force today: its three latest full years of "
            + "statements, its headcount and the invention patents declared; every line met or missed with its source")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EvaluateDoc.class)))
    Listings.Evaluation evaluate(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("enterprise", "board", "inventionPatents", "exception", "exceptionDocument"));
        var r = new Listings.EvaluationRequest(in.text("enterprise"), in.choice(ListingBoard.class, "board"),
                in.integer("inventionPatents"), in.text("exception"), in.text("exceptionDocument"));
        in.done();
        return listings.evaluate(caller, r);
    }

    @GetMapping("/evaluations")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Evaluations in scope, newest first: the enterprise its own, the regulators those of their region")
    Page<Listings.Evaluation> evaluations(Caller caller, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return listings.evaluations(caller, PageRequest.of(page, size));
    }

    @GetMapping("/evaluations/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One evaluation in scope with every line: value, threshold, met or missed, source")
    Listings.Evaluation evaluation(Caller caller, @PathVariable long id) {
        return listings.evaluation(caller, id);
    }

    record EnterDoc(@Schema(description = "credit code") String enterprise,
                    @Schema(allowableValues = {"STAR", "CHINEXT", "BSE", "REGIONAL"}) String board,
                    @Schema(description = "the evaluation's number (HT…)", example = "HT2026000001") String evaluation) {
    }

    @PostMapping(value = "/listing-pipeline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Entered", useReturnTypeSchema = true)
    @Operation(summary = "The industry department enters an enterprise of its region on the cultivation list: a verified "
            + "专精特新 status, an evaluation of the last year (for the STAR Market one that is met or claims an exception) "
            + "and the board targeted")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EnterDoc.class)))
    Listings.Entry enter(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("enterprise", "board", "evaluation"));
        var r = new Listings.EntryRequest(in.text("enterprise"), in.choice(ListingBoard.class, "board"),
                in.text("evaluation"));
        in.done();
        return listings.enter(caller, r);
    }

    record MoveDoc(@Schema(allowableValues = {"COUNSELLING", "FILING", "LISTED", "WITHDRAWN"}) String stage,
                   @Schema(example = "已与保荐机构签订辅导协议并在福建证监局辅导备案") String note) {
    }

    @PostMapping(value = "/listing-pipeline/{id}/stage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "The industry department moves an entry one stage forward, or withdraws it with the reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = MoveDoc.class)))
    Listings.Entry move(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("stage", "note"));
        ListingStage stage = in.choice(ListingStage.class, "stage");
        String note = in.text("note");
        in.done();
        return listings.move(caller, id, stage, note);
    }

    @GetMapping("/listing-pipeline")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The cultivation pipeline in scope — the regulators of the region, qualified investors, the "
            + "enterprise its own entry — filtered by stage, board, region code and chain, with counts by stage per "
            + "province and per chain")
    Listings.Pipeline pipeline(Caller caller, @RequestParam(required = false) String stage,
                               @RequestParam(required = false) String board, @RequestParam(required = false) String region,
                               @RequestParam(required = false) String chain, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return listings.pipeline(caller, filter(stage, board, region, chain), PageRequest.of(page, size));
    }

    static Listings.Filter filter(String stage, String board, String region, String chain) {
        java.util.List<Rejection> problems = new java.util.ArrayList<>();
        String prefix = null;
        if (region != null && !region.isBlank()) {
            String r = region.strip();
            if (!r.matches("[0-9]{6}")) {
                problems.add(Rejection.of("region-code.format", "region", r.length() > 40 ? r.substring(0, 40) : r));
            } else {
                prefix = r.endsWith("0000") ? r.substring(0, 2) : r.endsWith("00") ? r.substring(0, 4) : r;
            }
        }
        ChainTag tag = collect(problems, () -> choice(chain, "chain", ChainTag.class, ChainTag::parse));
        ListingStage st = collect(problems, () -> choice(stage, "stage", ListingStage.class, ListingStage::parse));
        ListingBoard bd = collect(problems, () -> choice(board, "board", ListingBoard.class, ListingBoard::parse));
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return new Listings.Filter(st, bd, prefix, tag == null ? null : tag.name());
    }

    /** A parse whose refusal is added to the problems (null then), so that a form reports every field at once. */
    static <T> T collect(java.util.List<Rejection> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (Rejected e) {
            problems.addAll(e.rejections());
            return null;
        }
    }

    @GetMapping("/listing-pipeline/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One entry of the cultivation list in scope with every move")
    Listings.Entry entry(Caller caller, @PathVariable long id) {
        return listings.entry(caller, id);
    }
}
