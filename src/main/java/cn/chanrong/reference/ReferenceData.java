package cn.chanrong.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read access to the reference tables. Small tables are held in memory; all reads are cheap. */
public interface ReferenceData {

    Optional<Industry> industry(String code);

    /** Every industry entry, in code order. */
    List<Industry> industries();

    /**
     * The region for a six-digit code: a province or prefecture from the table, or — for a county
     * code (last two digits not 00) — the prefecture containing it when that prefecture is known.
     */
    Optional<Region> region(String code);

    List<Region> regions();

    /** The LPR in percent in force on {@code date} for the tenor, if the history reaches back that far. */
    Optional<BigDecimal> lpr(LprTenor tenor, LocalDate date);

    /** Every published fixing, oldest first. */
    List<LprFixing> lprHistory();

    boolean isWorkingDay(LocalDate date);

    /** The holiday or make-up working day on {@code date}, if it is one. */
    Optional<CalendarNote> calendarNote(LocalDate date);

    /** {@code date} moved forward by {@code n} working days (n ≥ 0; n = 0 rolls to the next working day). */
    LocalDate addWorkingDays(LocalDate date, int n);

    /** Stances (SUPPORT, CONTROL, PROHIBIT) of sector lists naming the industry or an ancestor on {@code date}. */
    List<SectorListEntry> sectorStances(String industryCode, LocalDate date);
}
