/**
 * Supervision statistics with fixed definitions (docs/STATISTICS.md). The module never reads another
 * module's tables: it keeps its own copies of registry facts from events, and rebuilds its aggregates
 * ({@code stat_figure}) from the views other modules publish for it — {@code enterprise_fact_view},
 * {@code loan_fact_view}, {@code loan_tag}, {@code loan_principal_movement}, {@code matching_need_view},
 * {@code matching_push_view}. Events mark the aggregates stale; a scheduled pass rebuilds them.
 * Regulators see their region and department; the public overview shows aggregates only, with small
 * cells suppressed.
 */
package cn.chanrong.statistics;
