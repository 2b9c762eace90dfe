package org.sessionwatch.icons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Width and height of a PNG, read from its IHDR chunk; enough to check icon sizes without AWT or JavaFX. */
record PngHeader(int width, int height) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Reads the signature and the IHDR chunk, which the PNG format requires to come first. */
    static PngHeader read(InputStream in, String name) throws IOException {
        byte[] head = in.readNBytes(24);
        return parse(head, name);
    }

    static PngHeader parse(byte[] head, String name) {
        if (head.length < 24 || !Arrays.equals(head, 0, 8, SIGNATURE, 0, 8)) {
            throw new IllegalArgumentException(name + " is not a PNG: the PNG signature is missing");
        }
        ByteBuffer buffer = ByteBuffer.wrap(head); // big-endian, as PNG stores its numbers
        String firstChunk = new String(head, 12, 4, StandardCharsets.US_ASCII);
        if (buffer.getInt(8) != 13 || !firstChunk.equals("IHDR")) {
            throw new IllegalArgumentException(name + " is not a valid PNG: the first chunk is '" + firstChunk
                    + "', not a 13-byte IHDR");
        }
        return new PngHeader(buffer.getInt(16), buffer.getInt(20));
    }
}
