/**
 * Backups of the embedded SQLite store: a consistent online copy ({@code VACUUM INTO}) and a restore that refuses
 * while anything uses the data directory. PostgreSQL stores are pointed to pg_dump.
 */
package dev.copbot.app.backup;
