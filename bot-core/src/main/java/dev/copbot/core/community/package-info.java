/**
 * Communities of practice: their store (members, roles, channels, charter), the commands that create, join,
 * describe and change them, and the charter form. Every feature builds on it; it depends only on the other bottom
 * packages.
 */
package dev.copbot.core.community;
