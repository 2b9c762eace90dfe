/**
 * Composition shared by the command line and the window: the one package that names the concrete backends
 * ({@code netapi.windows}, {@code netapi.srvsvc}). Headless (no JavaFX), because the CLI builds on it.
 */
package org.sessionwatch.app;
