package org.sessionwatch.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The process's stdout, remembering why a write failed. {@link PrintStream} swallows write errors, so without this a
 * listing redirected to a full disk would end with an empty file and exit code 0. A closed pipe ({@code | head} has
 * read enough) is not such a failure: the reader chose to stop.
 */
final class StandardOutput extends FilterOutputStream {
    private volatile IOException failure;

    private StandardOutput(OutputStream out) {
        super(out);
    }

    /** Puts a remembering stdout in place of {@link System#out}, in its charset, and returns it. */
    static StandardOutput install() {
        StandardOutput stdout = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        // buffered and flushed at each line, as the JVM's own System.out
        System.setOut(new PrintStream(new BufferedOutputStream(stdout, 8192), true, System.out.charset()));
        return stdout;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Why the output could not be written, unless nothing failed or the reader closed the pipe. */
    Optional<String> failure() {
        IOException e = failure;
        if (e == null || isClosedPipe(e)) {
            return Optional.empty();
        }
        return Optional.of(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }

    private static boolean isClosedPipe(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("Broken pipe") || message.contains("pipe is being closed")
                || message.contains("pipe has been ended"));
    }
}
