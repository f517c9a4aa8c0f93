/**
 * The search port ({@link dev.copbot.core.discussion.SearchBackend}) on OpenSearch, for installs that outgrow one
 * machine: {@link dev.copbot.opensearch.OpenSearchIndex} is the entry point; the rest is how it talks to the node.
 */
package dev.copbot.opensearch;
