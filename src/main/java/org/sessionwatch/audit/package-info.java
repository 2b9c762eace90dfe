/**
 * The audit log of destructive actions (close a file, end a session): who attempted what on which server, when, and
 * how it ended, one JSON line per action in {@code actions.log} next to the configuration. The window and the CLI
 * write to it; nothing in it is ever a password.
 */
package org.sessionwatch.audit;
