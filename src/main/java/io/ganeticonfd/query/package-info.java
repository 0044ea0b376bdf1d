/** Answers to confd requests: one pure handler per request type, computed from a cluster snapshot. */
package io.ganeticonfd.query;
