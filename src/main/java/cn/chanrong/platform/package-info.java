/**
 * The platform's plumbing, shared by every business module: the database (an embedded PostgreSQL
 * kept durable in a data directory, or an external server by configuration), idempotency records
 * for creating calls, and whether demo mode is on. It knows no business concept.
 */
package cn.chanrong.platform;
