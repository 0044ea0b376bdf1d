/**
 * Java client library for confd: signs requests, fans them out to peers over UDP, verifies the
 * replies and picks the newest answer. Plain Java (no Quarkus or CDI types), usable anywhere.
 */
package io.ganeticonfd.client;
