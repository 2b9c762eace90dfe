package org.sessionwatch.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a reader (or a crash, or a full disk) sees either the old content or the new content,
 * never a mix: the data goes to a temporary file in the same directory, is forced to the device, and is then moved
 * over the target in one step. The one implementation behind the configuration, the window layout and the export.
 *
 * <p>Files are created 0600 on POSIX systems: the configuration and the exports name servers, accounts and who is
 * connected, which is nobody else's business. {@link #write}, for our own files (configuration, window layout), also
 * creates missing directories, 0700; {@link #writeDocument}, for a file the user chose in a dialog (an export),
 * creates none, so a typo in a path fails instead of leaving a new directory behind.
 */
public final class AtomicFiles {

    /** Produces the content; may fail half-way, in which case the target is left untouched. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Writes one of our own files: owner-only on POSIX, missing directories created owner-only. */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        createDirectories(absolute.getParent());
        replace(absolute, content);
    }

    /** Writes a file the user chose; its directory must exist. */
    public static void writeDocument(Path target, ContentWriter content) throws IOException {
        replace(target.toAbsolutePath(), content);
    }

    private static void replace(Path target, ContentWriter content) throws IOException {
        Path directory = target.getParent();
        Path temp = isPosix()
                ? Files.createTempFile(directory, "." + target.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                // Without this the rename can reach the disk before the data, leaving an empty file after a crash.
                channel.force(true);
            }
            move(temp, target);
            moved = true;
            syncDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    public static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and FUSE file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Creates {@code directory} and missing parents, each 0700 on POSIX; an existing folder is left as it is (such as
     * {@code ~/.config}, whose mode the user chose).
     */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        FileAttribute<?>[] attributes = isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)}
                : new FileAttribute<?>[0];
        Files.createDirectory(directory, attributes);
    }

    /**
     * Why a file operation failed, in words for a message (never a Java class name): "permission denied", "no such
     * file or folder", "a file of that name is in the way", or the operating system's own reason ("Read-only file system", "No space left on device").
     */
    public static String reason(IOException failure) {
        if (failure instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (failure instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (failure instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return failure.getMessage() != null ? failure.getMessage() : "an input/output error";
    }

    /** Makes the rename itself durable on POSIX; Windows cannot open a directory this way and needs no help. */
    private static void syncDirectory(Path directory) {
        if (!isPosix()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // The new file is already in place; a file system that cannot sync directories loses nothing here.
        }
    }
}
