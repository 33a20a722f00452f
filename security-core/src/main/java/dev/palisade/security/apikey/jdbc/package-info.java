/**
 * The JDBC API key store (PostgreSQL, H2) on a plain {@link javax.sql.DataSource}, and its schema scripts.
 */
package dev.palisade.security.apikey.jdbc;
