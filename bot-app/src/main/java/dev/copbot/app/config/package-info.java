/**
 * Configuration: {@code copbot.yaml} and the environment ({@code COPBOT_*}), validated into {@code Settings} with
 * messages that say which setting is wrong.
 */
package dev.copbot.app.config;
