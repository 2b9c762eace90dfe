/**
 * Composition shared by the command line and the window ({@link org.sessionwatch.app.PollSources}): the one package
 * that names the concrete backends ({@code netapi.windows}, {@code netapi.srvsvc}) and the demo fleet
 * ({@code netapi.demo}). Headless (no JavaFX), because the CLI builds on it.
 */
package org.sessionwatch.app;
