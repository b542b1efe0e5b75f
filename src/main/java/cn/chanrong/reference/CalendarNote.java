package cn.chanrong.reference;

import java.time.LocalDate;

/** An exception to the Monday–Friday week: a public holiday, or a weekend day worked in exchange (调休). */
public record CalendarNote(LocalDate day, boolean workingDay, String nameZh, String nameEn) {
}
