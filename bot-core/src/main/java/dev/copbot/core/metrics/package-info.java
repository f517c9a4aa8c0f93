/**
 * Meters on Micrometer's global registry, recorded where adapters hand work to the core: commands by name, outcome
 * and platform, messages ingested, and calls to the platforms' APIs. A no-op until the host adds a registry.
 */
package dev.copbot.core.metrics;
