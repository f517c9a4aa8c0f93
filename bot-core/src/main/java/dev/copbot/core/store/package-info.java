/**
 * The relational store: SQLite or PostgreSQL through HikariCP, migrated by Flyway, with small JDBC helpers,
 * idempotency receipts, and the one durable db-scheduler that runs every feature's jobs ({@code Jobs}).
 */
package dev.copbot.core.store;
