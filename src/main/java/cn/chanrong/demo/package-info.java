/**
 * The demo economy: in demo mode, a small world of banks, SMEs, core enterprises and regulators with
 * logins (password {@code demo}), loaded through the modules' public services so that every row is
 * audited like any other. Later issues grow it into the generator that scales to millions of rows.
 */
package cn.chanrong.demo;
