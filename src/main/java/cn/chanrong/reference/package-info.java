/**
 * Reference data every module reads: GB/T 4754-2017 industries and GB/T 2260 regions (Chinese and
 * English names), the LPR history, the working-day calendar with public holidays and make-up days,
 * sector lists (有扶有控), restricted-industry catalogues — all effective-dated where they change —
 * and the business date.
 * <p>
 * <b>Restricted-industry catalogues</b> ({@link cn.chanrong.reference.RestrictedLists}, 产业结构调整指导目录
 * （2024年本）): a regulator of NDRC or MIIT, or an administrator, imports the 淘汰类 and 限制类 items as CSV
 * ({@code POST /api/v1/restricted-lists}); each entry names its catalogue and issuing document, the item,
 * a GB/T 4754 code at any level and, optionally, the products and processes it is about. The rule that
 * says which entry applies and what it forbids is {@link cn.chanrong.reference.domain.RestrictedIndustryPolicy}
 * (the {@code domain} named interface); credit's decisions and lending's applications apply it. The
 * entries live in their own table, {@code ref_restricted_entry}, not in {@code ref_sector_list_entry}: a
 * sector stance is a lender's general attitude to an industry (support, control, prohibit), while a
 * catalogue entry is a legal item whose effect depends on what the credit is for and that names products,
 * processes, an item and a document — none of which a stance row has. The two lists are applied side by
 * side. This module sits below identity, so it takes the importer's name only and the web layer
 * authorises by the caller's department authority.
 */
package cn.chanrong.reference;
