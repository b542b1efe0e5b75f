package cn.chanrong.reference.internal;

import cn.chanrong.reference.CalendarNote;
import cn.chanrong.reference.Industry;
import cn.chanrong.reference.LprFixing;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.Region;
import cn.chanrong.reference.SectorListEntry;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the reference tables once and answers from memory. Sector lists are read per call since
 * they are effective-dated data that administrators will maintain.
 */
@Service
class JdbcReferenceData implements ReferenceData {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    JdbcReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Snapshot(Map<String, Industry> industries, Map<String, Region> regions,
                            Map<LocalDate, CalendarNote> calendar, Map<String, NavigableMap<LocalDate, BigDecimal>> lpr) {
    }

    private Snapshot data() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot load() {
        Map<String, Industry> industries = new LinkedHashMap<>();
        jdbc.sql("SELECT code, level, parent, name_zh, name_en FROM ref_industry ORDER BY code")
                .query((rs, i) -> new Industry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list().forEach(x -> industries.put(x.code(), x));
        Map<String, Region> regions = new LinkedHashMap<>();
        jdbc.sql("SELECT code, level, parent, name_zh, name_en FROM ref_region ORDER BY code")
                .query((rs, i) -> new Region(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list().forEach(x -> regions.put(x.code(), x));
        Map<LocalDate, CalendarNote> calendar = new TreeMap<>();
        jdbc.sql("SELECT day, kind, name_zh, name_en FROM ref_calendar_day")
                .query((rs, i) -> new CalendarNote(rs.getObject(1, LocalDate.class), "WORKDAY".equals(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .list().forEach(n -> calendar.put(n.day(), n));
        Map<String, NavigableMap<LocalDate, BigDecimal>> lpr = new LinkedHashMap<>();
        jdbc.sql("SELECT tenor, effective_from, rate_percent FROM ref_lpr")
                .query((rs, i) -> {
                    lpr.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
                    return 0;
                }).list();
        return new Snapshot(Map.copyOf(industries), Map.copyOf(regions), Map.copyOf(calendar), lpr);
    }

    @Override
    public Optional<Industry> industry(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(data().industries().get(code));
    }

    @Override
    public List<Industry> industries() {
        return data().industries().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    @Override
    public Optional<Region> region(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return Optional.empty();
        }
        Map<String, Region> regions = data().regions();
        Region exact = regions.get(code);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!code.endsWith("00")) {
            return Optional.ofNullable(regions.get(code.substring(0, 4) + "00")).filter(r -> r.level() == 2);
        }
        return Optional.empty();
    }

    @Override
    public List<Region> regions() {
        return data().regions().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    @Override
    public Optional<BigDecimal> lpr(LprTenor tenor, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> history = data().lpr().get(tenor.code());
        if (history == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(history.floorEntry(date)).map(Map.Entry::getValue);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        CalendarNote exception = data().calendar().get(date);
        if (exception != null) {
            return exception.workingDay();
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    @Override
    public Optional<CalendarNote> calendarNote(LocalDate date) {
        return Optional.ofNullable(data().calendar().get(date));
    }

    @Override
    public List<LprFixing> lprHistory() {
        List<LprFixing> all = new ArrayList<>();
        for (LprTenor tenor : LprTenor.values()) {
            NavigableMap<LocalDate, BigDecimal> history = data().lpr().get(tenor.code());
            if (history != null) {
                history.forEach((d, r) -> all.add(new LprFixing(tenor, d, r)));
            }
        }
        all.sort(java.util.Comparator.comparing(LprFixing::effectiveFrom).thenComparing(LprFixing::tenor));
        return all;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        for (int i = 0; i < n; i++) {
            d = d.plusDays(1);
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
        }
        return d;
    }

    @Override
    public List<SectorListEntry> sectorStances(String industryCode, LocalDate date) {
        List<String> codes = new ArrayList<>();
        for (int len = industryCode.length(); len >= 1; len = len == 3 ? 1 : len - 1) {
            codes.add(industryCode.substring(0, len));
            if (len == 1) {
                break;
            }
        }
        return jdbc.sql("""
                        SELECT list_code, stance, industry_code, note, valid_from, valid_to FROM ref_sector_list_entry
                        WHERE industry_code IN (:codes) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
                        ORDER BY list_code, industry_code""")
                .param("codes", codes).param("d", date)
                .query((rs, i) -> new SectorListEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .list();
    }
}
