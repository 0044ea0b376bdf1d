/** The confd wire protocol: request and reply values, the signed envelope codec and HMAC keys. */
package io.ganeticonfd.protocol;
