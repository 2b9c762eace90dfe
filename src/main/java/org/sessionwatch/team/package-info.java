/**
 * Team mode: one collector polls the file servers and stores live state, heartbeat and history in PostgreSQL; any
 * number of consoles and CLIs read it, told of each commit by {@code NOTIFY}. Several collectors may run: the one
 * holding the database's advisory lock polls, the others stand by.
 */
package org.sessionwatch.team;
