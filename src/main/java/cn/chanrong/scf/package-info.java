/**
 * Supply-chain finance on data and asset credit (issue 8): trade documents and signed receivable
 * confirmations, splittable e-vouchers, warehouse receipts under monitoring, de-nucleated financing.
 * This first slice is the pure core in {@code scf.domain}; services, API and screens follow.
 */
package cn.chanrong.scf;
