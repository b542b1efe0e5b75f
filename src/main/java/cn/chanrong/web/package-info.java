/**
 * The web shell: layout, navigation, languages (Chinese first, English by choice or
 * Accept-Language), request ids, the request-size limit, and the one place where rejections become
 * RFC 9457 problem details with localised text. Business screens and endpoints live in their modules.
 */
package cn.chanrong.web;
