package cn.chanrong.reference;

import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The green and transition catalogues (issue 19 §6), effective-dated: the green finance catalogue in force on a day
 * (绿色金融支持项目目录（2025年版） from 2025-10-01; before it the 2024 and 2019 industry catalogues), the
 * transition-finance pilot sectors and the energy-intensive (两高一资) sectors, each item with its code and, for the
 * sector catalogues, the GB/T 4754-2017 industry it names. Lending checks an application's green code here; policy and
 * statistics read the sectors. The PBOC (a national regulator of the PBOC) imports an edition's items from CSV.
 */
public interface FinanceCatalogues {

    /** Columns of an import file: the code (1, 1.1, 1.1.1 …), both names, the industry it names (optional). */
    String COLUMNS = "code,name_zh,name_en,industry_code";

    enum Kind { GREEN, TRANSITION, ENERGY_INTENSIVE }

    record Edition(String edition, Kind kind, String nameZh, String nameEn, String document, LocalDate validFrom,
                   LocalDate validTo) {

        public String name(boolean en) {
            return en ? nameEn : nameZh;
        }

        public boolean inForce(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    record Item(String edition, String code, int level, String parentCode, String nameZh, String nameEn,
                String industryCode) {

        public String name(boolean en) {
            return en ? nameEn : nameZh;
        }
    }

    /** Filter of items: the edition (or the edition of {@code kind} in force on {@code date}), level, parent, text. */
    record Filter(String edition, Kind kind, LocalDate date, Integer level, String parent, String text) {
    }

    List<Edition> editions();

    /** The edition of this kind in force on {@code day}. */
    Optional<Edition> inForce(Kind kind, LocalDate day);

    Optional<Item> item(String edition, String code);

    Page<Item> items(Filter filter, PageRequest page);

    /** Every item of an edition, in code order (a catalogue is a few hundred items), for a form to choose from. */
    List<Item> items(String edition);

    /** The industry codes the sector catalogue of {@code kind} in force on {@code day} names (any level). */
    List<String> sectors(Kind kind, LocalDate day);

    /** Whether {@code industryCode} (or an industry above it) is named by the sector catalogue of {@code kind}. */
    default boolean inSector(Kind kind, String industryCode, LocalDate day) {
        return industryCode != null && sectors(kind, day).stream().anyMatch(industryCode::startsWith);
    }

    /** Imports an edition's items as {@code actor} (the web layer has checked that they may): all or nothing. */
    RestrictedLists.Imported importItems(String actor, String edition, byte[] file, String charset);
}
