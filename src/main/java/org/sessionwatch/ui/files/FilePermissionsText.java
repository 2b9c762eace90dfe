package org.sessionwatch.ui.files;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.sessionwatch.netapi.FilePermission;

/** The permissions of an open file ({@code fi3_permissions}) as a person reads them. */
final class FilePermissionsText {

    private FilePermissionsText() {
    }

    /** "Read, Write, Create"; "" for null (a level without permissions) or no named bit. */
    static String names(Long permissions) {
        if (permissions == null) {
            return "";
        }
        Set<FilePermission> set = FilePermission.of(permissions);
        return set.stream().map(FilePermissionsText::title).collect(Collectors.joining(", "));
    }

    /** "Read, Write (raw 0x3)", "none (raw 0x0)", or why there is no value. */
    static String detail(Long permissions) {
        if (permissions == null) {
            return "not provided at level 2";
        }
        String names = names(permissions);
        return (names.isEmpty() ? "none" : names) + String.format(" (raw 0x%X)", permissions);
    }

    private static String title(FilePermission permission) {
        String name = permission.name();
        return permission == FilePermission.ACL ? "ACL" : name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
