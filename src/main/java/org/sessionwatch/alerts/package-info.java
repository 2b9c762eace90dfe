/**
 * Alerts: the configuration's rules evaluated on the session tracker's events, off the FX thread, rate-limited, and
 * handed to whoever shows them ({@code --watch} prints them; the window notifies). A consumer of the one flow: it never
 * reaches back into the poller or another consumer.
 */
package org.sessionwatch.alerts;
