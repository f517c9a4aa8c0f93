/**
 * Community life: the welcome for new members, the weekly digest, the yearly charter review, health figures with
 * their chart, and the admins' audit. {@code CommunityLife} wires them and owns their recurring job.
 */
package dev.copbot.core.life;
