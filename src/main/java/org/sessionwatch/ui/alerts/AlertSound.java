package org.sessionwatch.ui.alerts;

/** Plays the alert sound, when the user turned it on in Settings. Must return at once. */
@FunctionalInterface
public interface AlertSound {

    void play();
}
