/** Values as people read them, shared by the command line and the window (headless: no JavaFX). */
package org.sessionwatch.format;
