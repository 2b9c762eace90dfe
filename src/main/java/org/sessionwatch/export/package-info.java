/**
 * Sessions and history answers as CSV and JSON, one format for the command line ({@code --format csv|json}) and the
 * window's exports, so a script that reads one reads the other. Plain Java (no JavaFX): the CLI runs headless.
 */
package org.sessionwatch.export;
