package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One file open on a server as {@code NetFileEnum} reports it ({@code FILE_INFO_3}, or {@code FILE_INFO_2} with the
 * id only).
 *
 * <p>The id is an unsigned 32-bit value held in a {@code long}: ids above 2^31 occur (Samba builds them as
 * {@code pid << 16 | file id}), and an id shown or passed back as negative would close nothing or the wrong file.
 * A field the level does not carry, or a NULL string, is absent rather than zero or empty.
 *
 * @param server      the server as configured
 * @param level       the level the entry was read at
 * @param id          {@code fi3_id}, 0 to 4294967295
 * @param permissions {@code fi3_permissions} (see {@link FilePermission}), or null at level 2
 * @param locks       {@code fi3_num_locks}, or null at level 2
 * @param path        {@code fi3_pathname} as the server reports it, or null
 * @param user        {@code fi3_username}, or null
 */
public record OpenFile(String server, FileInfoLevel level, long id, Long permissions, Long locks, String path,
                       String user) {

    private static final long DWORD_MAX = 0xFFFF_FFFFL;

    public OpenFile {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(level, "level");
        requireDword("id", id);
        if (permissions != null) {
            requireDword("permissions", permissions);
        }
        if (locks != null) {
            requireDword("locks", locks);
        }
    }

    /** A level-2 entry: the id and nothing else. */
    public static OpenFile idOnly(String server, long id) {
        return new OpenFile(server, FileInfoLevel.LEVEL_2, id, null, null, null, null);
    }

    public OptionalLong permissionBits() {
        return permissions == null ? OptionalLong.empty() : OptionalLong.of(permissions);
    }

    /** The named permission bits, empty when the level carries none. */
    public Set<FilePermission> permissionSet() {
        return permissions == null ? Set.of() : FilePermission.of(permissions);
    }

    public OptionalLong lockCount() {
        return locks == null ? OptionalLong.empty() : OptionalLong.of(locks);
    }

    public Optional<String> pathName() {
        return Optional.ofNullable(path);
    }

    public Optional<String> userName() {
        return Optional.ofNullable(user);
    }

    private static void requireDword(String what, long value) {
        if (value < 0 || value > DWORD_MAX) {
            throw new IllegalArgumentException("The file " + what + " " + value
                    + " is not an unsigned 32-bit value");
        }
    }
}
