package cn.chanrong.statistics.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.statistics.Supervision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "statistics", description = "Supervision statistics")
class SupervisionApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Supervision supervision;
    private final MessageSource messages;

    SupervisionApi(Supervision supervision, MessageSource messages) {
        this.supervision = supervision;
        this.messages = messages;
    }

    @GetMapping("/api/v1/statistics/dashboard")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The regulator's dashboard, scoped to its region and department (definitions in docs/STATISTICS.md)")
    Supervision.Dashboard dashboard(Caller caller, Locale locale) {
        return supervision.dashboard(caller, locale);
    }

    @GetMapping("/api/v1/public/statistics")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The public overview: national aggregates with small cells suppressed; no sign-in")
    Supervision.Dashboard publicOverview(Locale locale) {
        return supervision.publicOverview(locale);
    }

    @PostMapping("/api/v1/statistics/refresh")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild the aggregates now (they are also rebuilt after changes and at end of day)")
    Map<String, Object> refresh(Caller caller) {
        return Map.of("millis", supervision.refresh(caller));
    }

    @GetMapping("/api/v1/statistics/dashboard/export")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "One breakdown (or the monthly series with dimension=MONTH) of the dashboard as CSV or XLSX")
    @ApiResponse(responseCode = "200", description = "The breakdown as CSV (UTF-8) or XLSX", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> export(Caller caller, Locale locale, @RequestParam(defaultValue = "CHAIN") String dimension,
                                  @RequestParam(defaultValue = "csv") String format) {
        return export(supervision.dashboard(caller, locale), locale, dimension, format);
    }

    @GetMapping("/api/v1/public/statistics/export")
    @PreAuthorize("permitAll()")
    @Operation(summary = "One breakdown of the public overview as CSV or XLSX (suppressed cells stay empty)")
    @ApiResponse(responseCode = "200", description = "The breakdown as CSV (UTF-8) or XLSX", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> publicExport(Locale locale, @RequestParam(defaultValue = "CHAIN") String dimension,
                                        @RequestParam(defaultValue = "csv") String format) {
        return export(supervision.publicOverview(locale), locale, dimension, format);
    }

    private ResponseEntity<byte[]> export(Supervision.Dashboard d, Locale locale, String dimension, String format) {
        List<Rejection> problems = new ArrayList<>();
        List<Supervision.Cell> cells = dimension.equals("MONTH") ? d.series() : d.breakdowns().get(dimension);
        if (cells == null) {
            problems.add(Rejection.of("enum", "dimension", dimension, "MONTH, " + d.breakdowns().keySet()));
        }
        if (!format.equals("csv") && !format.equals("xlsx")) {
            problems.add(Rejection.of("enum", "format", format, "[csv, xlsx]"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        TableExport.Table table = table(dimension, cells, locale);
        boolean xlsx = format.equals("xlsx");
        String name = "chanrong-" + (d.publicView() ? "public" : "dashboard") + "-" + dimension.toLowerCase(Locale.ROOT)
                + "-" + d.asOf() + "." + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(xlsx ? MediaType.parseMediaType(XLSX) : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(xlsx ? TableExport.xlsx(table) : TableExport.csv(table));
    }

    /** The columns every export carries, in the caller's language. */
    static final List<String> COLUMNS = List.of("key", "label", "enterprises", "needs", "needAmount", "matchedNeeds",
            "signedAmount", "disbursedAmount", "beneficiaries", "averagePerBeneficiary", "balance", "yoyGrowth",
            "mfgBalance", "mltShare", "creditShare", "exposureBalance", "nplRatio", "juniorBalance", "firstLoanBorrowers",
            "suppressed");

    TableExport.Table table(String dimension, List<Supervision.Cell> cells, Locale locale) {
        List<String> header = COLUMNS.stream().map(c -> messages.getMessage("stats.col." + c, null, c, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Supervision.Cell c : cells) {
            Supervision.Figures f = c.figures();
            List<Object> r = new ArrayList<>();
            r.add(c.key());
            r.add(c.label());
            r.add(f.enterprises());
            if (f.suppressed()) {
                for (int i = 3; i < COLUMNS.size() - 1; i++) {
                    r.add(null);
                }
            } else {
                r.addAll(java.util.Arrays.asList(f.needs(), f.needAmount(), f.matchedNeeds(), f.signedAmount(),
                        f.disbursedAmount(), f.beneficiaries(), f.averagePerBeneficiary(), f.balance(), f.yoyGrowth(),
                        f.mfgBalance(), f.mltShare(), f.creditShare(), f.exposureBalance(), f.nplRatio(), f.juniorBalance(),
                        f.firstLoanBorrowers()));
            }
            r.add(f.suppressed() ? "Y" : "");
            rows.add(r);
        }
        return new TableExport.Table(dimension, header, rows);
    }
}
