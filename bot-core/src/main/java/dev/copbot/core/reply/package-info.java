/**
 * What the core answers: a {@code Reply} of text, blocks, buttons, images, a form and structured data, which each
 * adapter renders in its platform's terms (Block Kit, Discord components, console text or JSON).
 */
package dev.copbot.core.reply;
