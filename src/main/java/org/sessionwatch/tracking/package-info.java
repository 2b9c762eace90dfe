/**
 * The session tracker: poll results in, session events out. The one place that decides whether a session in this
 * answer is the same as one in the previous answer ({@link org.sessionwatch.tracking.SessionKey}); the window's table,
 * {@code --watch} and every later consumer (history, alerts, the team collector) read its events instead of comparing
 * poll results themselves. {@link org.sessionwatch.tracking.OpenFilesTracker} does the same for each server's open
 * files ({@link org.sessionwatch.tracking.FileEvent}). Plain Java, no JavaFX; one thread at a time.
 */
package org.sessionwatch.tracking;
