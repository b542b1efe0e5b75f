package cn.chanrong.reference.web;

import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.CalendarNote;
import cn.chanrong.reference.Industry;
import cn.chanrong.reference.LprFixing;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.Region;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only reference data for every logged-in user: code tables, LPR, the working-day calendar. */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "reference", description = "Industry and region codes, LPR, working days")
class ReferenceApi {

    private final ReferenceData reference;
    private final BusinessDate businessDate;

    ReferenceApi(ReferenceData reference, BusinessDate businessDate) {
        this.reference = reference;
        this.businessDate = businessDate;
    }

    @GetMapping("/industries")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "GB/T 4754-2017 entries, filtered by parent code, level or a text in either name")
    Page<Industry> industries(@RequestParam(required = false) String parent, @RequestParam(required = false) Integer level,
                              @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Predicate<Industry> match = i -> (parent == null || parent.equals(i.parent()))
                && (level == null || level == i.level()) && contains(i.nameZh(), i.nameEn(), i.code(), q);
        return page(reference.industries().stream().filter(match).toList(), PageRequest.of(page, size));
    }

    @GetMapping("/regions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "GB/T 2260 provinces and prefectures, filtered by parent code or a text in either name")
    Page<Region> regions(@RequestParam(required = false) String parent, @RequestParam(required = false) String q,
                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Predicate<Region> match = r -> (parent == null || parent.equals(r.parent()))
                && contains(r.nameZh(), r.nameEn(), r.code(), q);
        return page(reference.regions().stream().filter(match).toList(), PageRequest.of(page, size));
    }

    record LprOnDate(LocalDate date, BigDecimal oneYear, BigDecimal overFiveYears, List<LprFixing> history) {
    }

    @GetMapping("/lpr")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The LPR in force on a date (default: the business date) and the full history")
    LprOnDate lpr(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate d = date == null ? businessDate.today() : date;
        return new LprOnDate(d, reference.lpr(LprTenor.ONE_YEAR, d).orElse(null),
                reference.lpr(LprTenor.OVER_FIVE_YEARS, d).orElse(null), reference.lprHistory());
    }

    record Day(LocalDate date, boolean workingDay, String note, LocalDate nextWorkingDay) {
    }

    @GetMapping("/calendar")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Working days between two dates (at most 366 days), with holidays and make-up days named")
    List<Day> calendar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0 || days > 366) {
            throw Rejected.invalid(Rejection.of("range", "to", from.toString(), from.plusDays(366).toString(), to.toString()));
        }
        boolean en = "en".equals(locale.getLanguage());
        List<Day> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String note = reference.calendarNote(d).map(n -> en ? n.nameEn() : n.nameZh()).orElse(null);
            out.add(new Day(d, reference.isWorkingDay(d), note, reference.addWorkingDays(d.plusDays(1), 0)));
        }
        return out;
    }

    private static boolean contains(String zh, String en, String code, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return zh.contains(needle) || en.toLowerCase(Locale.ROOT).contains(needle) || code.toLowerCase(Locale.ROOT).startsWith(needle);
    }

    private static <T> Page<T> page(List<T> all, PageRequest p) {
        int from = (int) Math.min(p.offset(), all.size());
        int to = Math.min(from + p.size(), all.size());
        return new Page<>(all.subList(from, to), p.page(), p.size(), all.size());
    }
}
