/**
 * The {@code ./chanrong} command line: {@code serve} starts the platform; batch commands such as
 * {@code audit verify} start a context without a web server and work through the modules' public
 * services. Commands that need no database start no Spring context at all.
 */
package cn.chanrong.cli;
