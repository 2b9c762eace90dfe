package org.sessionwatch.netapi.srvsvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;

/**
 * Decodes the stub of a {@code NetrFileEnum} response (MS-SRVS 3.1.4.1, opnum 9), NDR20 little-endian, at level 2
 * ({@code FILE_INFO_2}: {@code fi2_id}) or 3 ({@code FILE_INFO_3}: {@code fi3_id}, {@code fi3_permissions},
 * {@code fi3_num_locks}, {@code fi3_path_name}, {@code fi3_username}).
 *
 * <p>The stub is {@code FILE_ENUM_STRUCT} (Level, the union discriminant, a unique pointer to the container, whose
 * EntriesRead and Buffer pointer are followed by the conformant array and then, element by element, the deferred
 * strings), {@code TotalEntries}, the unique {@code ResumeHandle} and the {@code NET_API_STATUS}. It is checked as
 * {@link SessionInfoDecoder} checks session answers: every count against the bytes received before allocating, the
 * union at the level asked for, nothing after the status; anything else is an {@link NdrFormatException}. Ids,
 * permissions and lock counts are unsigned DWORDs: an id above 2^31 (Samba's {@code pid << 16 | file id}) stays
 * positive.
 */
public final class FileInfoDecoder {

    private static final String[] LEVEL_3_MEMBERS =
            {"fi3_id", "fi3_permissions", "fi3_num_locks", "fi3_path_name", "fi3_username"};

    private FileInfoDecoder() {
    }

    /**
     * @param stub          the response stub: the bytes after the response PDU headers, fragments reassembled
     * @param expectedLevel the level the request asked for
     * @param server        the server the files are open on, as configured, copied into every {@link OpenFile}
     * @throws NdrFormatException when the stub is malformed; the message names the item and its byte offset
     */
    public static DecodedFileEnum decode(byte[] stub, FileInfoLevel expectedLevel, String server)
            throws NdrFormatException {
        Objects.requireNonNull(stub, "stub");
        Objects.requireNonNull(expectedLevel, "expectedLevel");
        Objects.requireNonNull(server, "server");
        NdrReader in = new NdrReader(stub);

        long level = in.readEnumLevel("InfoStruct.FileInfo");
        if (level != expectedLevel.code()) {
            throw new NdrFormatException("the server answered with " + (level == 2 || level == 3 ? "" : "unknown ")
                    + "information level " + level + " to a level " + expectedLevel.code() + " request", 0);
        }
        String container = "InfoStruct.FileInfo.Level" + level;
        boolean full = expectedLevel == FileInfoLevel.LEVEL_3;
        int count = in.readArrayCount(container, full ? 4 * LEVEL_3_MEMBERS.length : 4);
        List<OpenFile> entries = full ? readLevel3(in, count, server) : readLevel2(in, count, server);

        NdrReader.EnumTail tail = in.readEnumTail();
        boolean bufferMeaningful = tail.status() == NetApiStatus.NERR_SUCCESS
                || tail.status() == NetApiStatus.ERROR_MORE_DATA;
        return new DecodedFileEnum(expectedLevel, tail.status(), bufferMeaningful ? entries : List.of(),
                tail.totalEntries(), tail.resumeHandle());
    }

    private static List<OpenFile> readLevel2(NdrReader in, int count, String server) throws NdrFormatException {
        List<OpenFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add(OpenFile.idOnly(server, in.readDword("Buffer[" + i + "].fi2_id")));
        }
        return files;
    }

    private static List<OpenFile> readLevel3(NdrReader in, int count, String server) throws NdrFormatException {
        // Fixed parts first (three DWORDs and two pointers each), then the deferred strings in element order.
        long[] numbers = new long[count * 3];
        boolean[] present = new boolean[count * 2];
        for (int i = 0; i < count; i++) {
            for (int m = 0; m < 3; m++) {
                numbers[i * 3 + m] = in.readDword(member(i, m));
            }
            present[i * 2] = in.readPointer(member(i, 3));
            present[i * 2 + 1] = in.readPointer(member(i, 4));
        }
        List<OpenFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = present[i * 2] ? in.readString(member(i, 3)) : null;
            String user = present[i * 2 + 1] ? in.readString(member(i, 4)) : null;
            files.add(new OpenFile(server, FileInfoLevel.LEVEL_3, numbers[i * 3], numbers[i * 3 + 1],
                    numbers[i * 3 + 2], path, user));
        }
        return files;
    }

    private static String member(int index, int member) {
        return "Buffer[" + index + "]." + LEVEL_3_MEMBERS[member];
    }
}
