/**
 * The web dashboard's side in the core: {@code /cop dashboard} hands out one-time sign-in links, and the store keeps
 * the sessions they open (hashes only), closed when their owner leaves the workspace. The pages themselves are
 * served by bot-app and read the same figures as chat through the features' public views.
 */
package dev.copbot.core.dashboard;
