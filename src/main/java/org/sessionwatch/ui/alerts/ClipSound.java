package org.sessionwatch.ui.alerts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.sessionwatch.concurrent.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled chime ({@code alert.wav}, 0.3 s) through the JDK's own sound output, so the window needs no media
 * library. Opening an audio line can take a moment, so it happens on a thread of its own; a computer without a sound
 * device is told once in the log and then left alone.
 */
public final class ClipSound implements AlertSound {
    private static final Logger LOG = LoggerFactory.getLogger(ClipSound.class);
    private static final String RESOURCE = "/org/sessionwatch/ui/alerts/alert.wav";

    private final ExecutorService player = NamedThreads.singleThread("sessionwatch-alert-sound");
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicBoolean playing = new AtomicBoolean();

    @Override
    public void play() {
        // One chime at a time: a burst of alerts is one sound, not a dozen on top of each other.
        if (unavailable.get() || !playing.compareAndSet(false, true)) {
            return;
        }
        try {
            player.execute(this::playNow);
        } catch (RejectedExecutionException closing) {
            playing.set(false);
        }
    }

    private void playNow() {
        try (InputStream in = ClipSound.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the sound " + RESOURCE + " is missing from the application");
            }
            AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in));
            Clip clip = AudioSystem.getClip();
            clip.addLineListener(event -> {
                if (event.getType() == LineEvent.Type.STOP) {
                    clip.close();
                    playing.set(false);
                }
            });
            clip.open(audio);
            clip.start();
        } catch (IOException | UnsupportedAudioFileException | LineUnavailableException | IllegalArgumentException
                 | SecurityException | LinkageError e) {
            // IllegalArgumentException: the system has no audio output at all; LinkageError: the OS sound library
            // (ALSA on Linux) is not installed.
            unavailable.set(true);
            playing.set(false);
            LOG.warn("The alert sound cannot be played on this computer ({}); alerts stay silent", e.getMessage());
        }
    }

    /** Stops the player thread (the window is closing). */
    public void close() {
        player.shutdownNow();
    }
}
