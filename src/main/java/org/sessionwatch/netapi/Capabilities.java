package org.sessionwatch.netapi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link FileServer} can do: every {@link Capability} is either supported or comes with a plain-language
 * reason why not, so a menu can be disabled with that reason as its tooltip instead of failing when used.
 *
 * @param unsupported the capabilities this server lacks, each with the sentence that explains it to a person
 */
public record Capabilities(Map<Capability, String> unsupported) {

    public Capabilities {
        Map<Capability, String> copy = new EnumMap<>(Capability.class);
        Objects.requireNonNull(unsupported, "unsupported").forEach((capability, reason) -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("A missing capability needs a reason: " + capability);
            }
            copy.put(capability, reason);
        });
        unsupported = Collections.unmodifiableMap(copy);
    }

    /** Every capability supported. */
    public static Capabilities all() {
        return new Capabilities(Map.of());
    }

    /** Nothing at all, each capability refused with {@code reason} (a backend that cannot work here). */
    public static Capabilities none(String reason) {
        Map<Capability, String> missing = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            missing.put(capability, reason);
        }
        return new Capabilities(missing);
    }

    /**
     * Sessions only, for a backend that does not do open files and actions yet: each missing capability explained
     * as "Listing open files is not supported by {@code backend} yet."
     *
     * @param backend the backend as a person reads it, e.g. "the srvsvc backend"
     */
    public static Capabilities sessionsOnly(String backend) {
        Map<Capability, String> missing = new EnumMap<>(Capability.class);
        missing.put(Capability.LIST_OPEN_FILES, "Listing open files is not supported by " + backend + " yet.");
        missing.put(Capability.CLOSE_FILE, "Closing files is not supported by " + backend + " yet.");
        missing.put(Capability.END_SESSION, "Ending sessions is not supported by " + backend + " yet.");
        return new Capabilities(missing);
    }

    public boolean supports(Capability capability) {
        return !unsupported.containsKey(capability);
    }

    /** Why {@code capability} is not available, or empty when it is. */
    public Optional<String> reason(Capability capability) {
        return Optional.ofNullable(unsupported.get(capability));
    }

    /** The reason for a capability this server lacks; for the typed "unsupported" answers of its calls. */
    public String whyNot(Capability capability) {
        String reason = unsupported.get(capability);
        if (reason == null) {
            throw new IllegalStateException(capability + " is supported: there is no reason to refuse it");
        }
        return reason;
    }

    public Set<Capability> supported() {
        Set<Capability> supported = EnumSet.allOf(Capability.class);
        supported.removeAll(unsupported.keySet());
        return supported;
    }
}
