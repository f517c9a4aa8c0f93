/**
 * Starting the platforms from the settings: the Slack and Discord launchers, and which one runs when both or
 * neither are configured.
 */
package dev.copbot.app.launch;
