/**
 * Load and fuzz runs of the Slack HTTP endpoint ({@code copbot fuzz-http}, {@code copbot load-http}): signed,
 * mutated or well-formed Slack payloads sent at a whole bot started on loopback against a local fake of Slack's
 * Web API.
 */
package dev.copbot.app.loadtest;
