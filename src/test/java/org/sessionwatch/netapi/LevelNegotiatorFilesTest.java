package org.sessionwatch.netapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Open files: level 3 first, level 2 where a server calls 3 invalid, nothing else changed. */
class LevelNegotiatorFilesTest {

    private static final String SERVER = "FS01";

    @Test
    void fallsBackToLevel2WhereLevel3IsAnInvalidLevel() {
        FilesOnly server = new FilesOnly(level -> level == FileInfoLevel.LEVEL_3
                ? new OpenFilesResult.Failure(SERVER, level, FileApiStatus.listError(124, SERVER))
                : new OpenFilesResult.Success(SERVER, level, List.of(OpenFile.idOnly(SERVER, 7))));

        OpenFilesResult result = new LevelNegotiator(server).listOpenFiles(OpenFilesRequest.of(SERVER));

        assertThat(server.asked).containsExactly(FileInfoLevel.LEVEL_3, FileInfoLevel.LEVEL_2);
        assertThat(result).isEqualTo(new OpenFilesResult.Success(SERVER, FileInfoLevel.LEVEL_2,
                List.of(OpenFile.idOnly(SERVER, 7))));
    }

    @Test
    void anAccessDeniedAtLevel3IsTheAnswer() {
        OpenFilesResult denied = new OpenFilesResult.Failure(SERVER, FileInfoLevel.LEVEL_3,
                FileApiStatus.listError(5, SERVER));
        FilesOnly server = new FilesOnly(level -> denied);

        OpenFilesResult result = new LevelNegotiator(server).listOpenFiles(OpenFilesRequest.of(SERVER));

        assertThat(server.asked).containsExactly(FileInfoLevel.LEVEL_3);
        assertThat(result).isEqualTo(denied);
    }

    @Test
    void aLevel2RequestIsNotWidened() {
        FilesOnly server = new FilesOnly(level -> new OpenFilesResult.Failure(SERVER, level,
                FileApiStatus.listError(124, SERVER)));

        new LevelNegotiator(server).listOpenFiles(OpenFilesRequest.of(SERVER).withLevel(FileInfoLevel.LEVEL_2));

        assertThat(server.asked).containsExactly(FileInfoLevel.LEVEL_2);
    }

    @Test
    void actionsPassThroughUnchanged() {
        FilesOnly server = new FilesOnly(level -> null);
        LevelNegotiator negotiator = new LevelNegotiator(server);

        assertThat(negotiator.closeFile(4_294_967_295L)).isEqualTo(new ActionResult.AlreadyGone("closed 4294967295"));
        assertThat(negotiator.endSession("PC7", "bob")).isEqualTo(new ActionResult.AlreadyGone("ended PC7 bob"));
    }

    /** A server that answers open files through a function of the level, records the levels and echoes actions. */
    private static final class FilesOnly implements FileServer {
        final List<FileInfoLevel> asked = new ArrayList<>();
        private final Function<FileInfoLevel, OpenFilesResult> answer;

        FilesOnly(Function<FileInfoLevel, OpenFilesResult> answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return SERVER;
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.all();
        }

        @Override
        public EnumerationResult listSessions(EnumerationRequest request) {
            throw new AssertionError("not asked for sessions");
        }

        @Override
        public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
            asked.add(request.level());
            return answer.apply(request.level());
        }

        @Override
        public ActionResult closeFile(long fileId) {
            return new ActionResult.AlreadyGone("closed " + fileId);
        }

        @Override
        public ActionResult endSession(String client, String user) {
            return new ActionResult.AlreadyGone("ended " + client + " " + user);
        }

        @Override
        public void close() {
        }
    }
}
