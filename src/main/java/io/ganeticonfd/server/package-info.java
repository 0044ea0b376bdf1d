/** The UDP side: the request pipeline (decode, answer, sign) and the Vert.x listeners that run it. */
package io.ganeticonfd.server;
