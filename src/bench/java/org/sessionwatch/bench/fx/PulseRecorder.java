package org.sessionwatch.bench.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse. JavaFX asks for a pulse every 1/60 s; an
 * {@link AnimationTimer} runs in each one, so the gap between two of its calls is a frame (about 16.7 ms) plus
 * however long the FX thread was busy with something else. Gaps are recorded with {@link System#nanoTime()}.
 */
final class PulseRecorder extends AnimationTimer {
    private long last;
    private final List<Double> gapsMillis = new ArrayList<>();
    private volatile boolean recording;

    /** Starts recording on the FX thread. */
    void begin() {
        last = 0;
        gapsMillis.clear();
        recording = true;
        start();
    }

    /** Stops and returns the gaps seen, in milliseconds; call on the FX thread. */
    List<Double> end() {
        stop();
        recording = false;
        return List.copyOf(gapsMillis);
    }

    @Override
    public void handle(long frameTime) {
        long now = System.nanoTime();
        if (recording && last != 0) {
            gapsMillis.add((now - last) / 1e6);
        }
        last = now;
    }
}
