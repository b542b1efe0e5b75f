/**
 * Fund-usage monitoring (资金用途监控, issue 18). So far: the check before the money leaves — every payment of a
 * loan's proceeds that cites a supporting invoice is matched against the platform's fully-digital invoices
 * (scf) and the invoice is kept as used, so that it supports one payment or financing only. Lending asks
 * through its {@link cn.chanrong.lending.PaymentCheck}; this module answers and owns {@code monitoring_*}.
 * After it: the payments banks report on their borrowers' accounts, through the API or the Kafka topic
 * {@code chanrong.payments} (one path for both), run through the detections into alerts with their outcome.
 */
package cn.chanrong.monitoring;
