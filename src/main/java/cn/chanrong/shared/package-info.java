/**
 * The shared kernel: small value types that every module speaks — the unified social credit code
 * (GB 32100), rejections as data, paging. It depends on nothing and holds no Spring, JDBC or HTTP
 * types, so any module (and the command line without a Spring context) can use it.
 */
package cn.chanrong.shared;
