/**
 * Quality evaluations: search on BEIR-style collections (TREC runs, nDCG, a plain BM25 baseline) and expert
 * finding on held-out questions beside the popularity baseline.
 */
package dev.copbot.tools.eval;
