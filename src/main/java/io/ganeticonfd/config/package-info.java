/** The cluster configuration: parsing config.data into immutable indexed snapshots, and the cache that serves them. */
package io.ganeticonfd.config;
