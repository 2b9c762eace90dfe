package org.sessionwatch.netapi.demo;

import java.util.List;
import java.util.SplittableRandom;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FilePermission;
import org.sessionwatch.netapi.OpenFile;

/**
 * What a simulated open file looks like: path, permissions and locks follow from the server and the file id alone,
 * so a file keeps them for as long as it is open and every poll shows the same thing.
 */
final class DemoFiles {

    private static final List<String> FOLDERS = List.of("Finance", "Sales", "HR", "Engineering", "Marketing", "Legal",
            "IT", "Projects");
    private static final List<String> SUBFOLDERS = List.of("2026", "Q4", "Reports", "Templates", "Archive",
            "Contracts", "Shared");
    private static final List<String> NAMES = List.of("budget.xlsx", "forecast-Q4.xlsx", "minutes.docx",
            "roadmap.pptx", "invoice-10482.pdf", "onboarding.docx", "pricing.xlsx", "contract-draft.docx",
            "inventory.accdb", "notes.txt", "site-plan.dwg", "build.log", "Budget 2027 (draft).xlsx");

    private DemoFiles() {
    }

    /**
     * The first file id of a server: a Samba NAS numbers files as Samba does ({@code pid << 16 | n}, above 2^31, so
     * the demo exercises unsigned ids); Windows servers use small ids.
     */
    static long firstId(boolean samba) {
        return samba ? 0x8A2F_0001L : 0x0004_1A01L;
    }

    /** File {@code id} of {@code user} on {@code server}, as {@code NetFileEnum} reports it at level 3. */
    static OpenFile render(String server, long id, String user, boolean samba) {
        SplittableRandom random = new SplittableRandom(id * 0x9E37_79B9_7F4A_7C15L ^ server.hashCode());
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String folder = FOLDERS.get(random.nextInt(FOLDERS.size())) + "\\" + SUBFOLDERS.get(random.nextInt(SUBFOLDERS.size()));
        // Samba reports "C:" and the Unix path; Windows the local path of the share.
        String path = (samba ? "C:\\srv\\samba\\" : "D:\\Shares\\") + folder + "\\" + name;
        return new OpenFile(server, FileInfoLevel.LEVEL_3, id, permissions(name, random), locks(name, random), path, user);
    }

    private static long permissions(String name, SplittableRandom random) {
        int read = FilePermission.READ.bit();
        int write = read | FilePermission.WRITE.bit();
        if (name.endsWith(".pdf") || name.endsWith(".log") || random.nextInt(4) == 0) {
            return read;
        }
        if (name.endsWith(".accdb")) {
            return write | FilePermission.CREATE.bit();
        }
        return random.nextInt(5) == 0 ? write | FilePermission.ATTRIBUTES.bit() : write;
    }

    private static long locks(String name, SplittableRandom random) {
        if (name.endsWith(".accdb")) {
            return 1 + random.nextInt(4);
        }
        return name.endsWith(".xlsx") && random.nextInt(3) == 0 ? 1 : 0;
    }
}
