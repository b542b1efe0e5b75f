/**
 * Supply-chain finance on data and asset credit (docs/SCF.md): trade documents and signed receivable
 * confirmations with financing by one funder, splittable e-vouchers, warehouse receipts under
 * monitoring, de-nucleated financing. Every financing is a loan booked through the loan core's
 * {@code TradeFinance} and filed in the collateral registry in the same transaction.
 */
package cn.chanrong.scf;
