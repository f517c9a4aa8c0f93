/**
 * The web dashboard: server-rendered pages (jte templates, SVG charts drawn here, no script) over the same figures
 * and access rules as chat, behind sign-in links that {@code /cop dashboard} hands out.
 */
package dev.copbot.app.web;
