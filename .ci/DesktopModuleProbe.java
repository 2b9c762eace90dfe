import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.beans.PropertyDescriptor;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Arrays;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;

import javafx.beans.property.adapter.JavaBeanStringProperty;
import javafx.beans.property.adapter.JavaBeanStringPropertyBuilder;

/**
 * Run by .ci/app-image-check as the main class of a copy of the app image: uses the parts of java.desktop that stay in
 * the packaged runtime after jpackage/RuntimeTrim.java left out Swing, Java2D, fonts, printing and image I/O. A class
 * that the trimming removed but these parts need fails here with NoClassDefFoundError; the window itself swallows
 * such an error where it plays the alert chime (ClipSound reports "cannot be played on this computer"), so the check
 * needs its own probe. Prints one line per part and exits 0 only if each worked.
 */
public final class DesktopModuleProbe {

    /** A JavaBean with a bound property, as JavaFX's bean adapters and java.beans' Introspector expect one. */
    public static final class Bean {
        private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
        private String name = "before";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            String old = this.name;
            this.name = name;
            changes.firePropertyChange("name", old, name);
        }

        public void addPropertyChangeListener(PropertyChangeListener listener) {
            changes.addPropertyChangeListener(listener);
        }

        public void removePropertyChangeListener(PropertyChangeListener listener) {
            changes.removePropertyChangeListener(listener);
        }
    }

    private DesktopModuleProbe() {
    }

    public static void main(String[] args) throws Exception {
        // java.beans: the Introspector reads the bean's descriptor (BeanDescriptor reads javax.swing.SwingContainer).
        BeanInfo info = Introspector.getBeanInfo(Bean.class, Object.class);
        String properties = Arrays.stream(info.getPropertyDescriptors()).map(PropertyDescriptor::getName).toList()
                .toString();
        check(properties.equals("[name]"), "java.beans Introspector found the properties " + properties);

        // javafx.base's JavaBean adapters, which are why the runtime has java.desktop at all.
        Bean bean = new Bean();
        JavaBeanStringProperty property = JavaBeanStringPropertyBuilder.create().bean(bean).name("name").build();
        String[] seen = new String[1];
        property.addListener((obs, old, now) -> seen[0] = now);
        bean.setName("after");
        check("after".equals(property.get()) && "after".equals(seen[0]),
                "JavaFX's JavaBean adapter follows the bean: " + property.get() + ", listener saw " + seen[0]);

        // javax.sound: the window's alert chime, decoded as ClipSound decodes it.
        String chime = "/org/sessionwatch/ui/alerts/alert.wav";
        try (InputStream in = DesktopModuleProbe.class.getResourceAsStream(chime)) {
            check(in != null, "the jar holds " + chime);
            AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in));
            AudioFormat format = audio.getFormat();
            check(audio.getFrameLength() > 0, "javax.sound decodes the chime: " + format + ", "
                    + audio.getFrameLength() + " frames");
            try {
                Clip clip = AudioSystem.getClip();
                clip.open(audio);
                System.out.println("OK   javax.sound opened a clip on this machine's sound device");
                clip.close();
            } catch (IllegalArgumentException | LineUnavailableException noDevice) {
                // A machine without a sound device (CI): the same answer as from a full JDK.
                System.out.println("OK   javax.sound: no sound device here (" + noDevice.getMessage() + ")");
            }
        }
    }

    private static void check(boolean ok, String what) {
        System.out.println((ok ? "OK   " : "FAIL ") + what);
        if (!ok) {
            System.exit(1);
        }
    }
}
