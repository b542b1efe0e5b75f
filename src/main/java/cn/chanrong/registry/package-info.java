/**
 * The collateral registry: notice filings indexed by grantor, in strict registration order, and
 * the double-financing check every financing must pass. Lending and supply-chain finance call it
 * synchronously inside their own transactions; the check and the filing hold PostgreSQL advisory
 * locks per identifier (and per blanket scope), so two institutions filing on one asset at the same
 * moment are strictly ordered and the second sees the first.
 */
package cn.chanrong.registry;
