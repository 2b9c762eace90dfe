package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sessionwatch.netapi.InfoLevel;

/**
 * One stub vector from {@code src/test/resources/ndr-vectors}: the bytes of its {@code .hex} file and the
 * {@code expected} values and byte {@code layout} of its {@code .json} file.
 */
record NdrVector(String name, String kind, int opnum, byte[] bytes, JsonNode expected, JsonNode layout) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The NetrSessionEnum (opnum 12) vectors. */
    static Stream<NdrVector> all() {
        return in(directory());
    }

    /** The NetrFileEnum, NetrFileClose and NetrSessionDel vectors (opnums 9, 11, 13) of {@code ndr-vectors/files}. */
    static Stream<NdrVector> fileVectors() {
        return in(directory().resolve("files"));
    }

    static NdrVector fileVector(String name) {
        return fileVectors().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No vector files/" + name));
    }

    private static Stream<NdrVector> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<NdrVector> vectors = new ArrayList<>();
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                vectors.add(load(json));
            }
            return vectors.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<NdrVector> requests() {
        return all().filter(v -> v.kind().equals("request"));
    }

    static Stream<NdrVector> responses() {
        return all().filter(v -> v.kind().equals("response"));
    }

    static NdrVector named(String name) {
        return all().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No vector " + name));
    }

    static Path directory() {
        URL index = NdrVector.class.getResource("/ndr-vectors/INDEX.md");
        if (index == null) {
            throw new IllegalStateException("ndr-vectors/INDEX.md is not on the test class path");
        }
        try {
            return Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NdrVector load(Path json) throws IOException {
        JsonNode description = JSON.readTree(json.toFile());
        Path hex = json.resolveSibling(json.getFileName().toString().replace(".json", ".hex"));
        byte[] bytes = HexFormat.of().parseHex(Files.readString(hex, StandardCharsets.US_ASCII).strip());
        if (bytes.length != description.get("length").asInt()) {
            throw new IllegalStateException(hex + " holds " + bytes.length + " bytes, its .json says "
                    + description.get("length"));
        }
        return new NdrVector(description.get("name").asText(), description.get("kind").asText(),
                description.get("opnum").asInt(), bytes,
                description.get("expected"), description.get("layout"));
    }

    InfoLevel level() {
        return InfoLevel.ofCode(expected.get("InfoStruct.Level").asInt()).orElseThrow();
    }

    /** The byte offset of the layout item whose field name starts with {@code fieldPrefix}. */
    int offsetOf(String fieldPrefix) {
        for (JsonNode item : layout) {
            if (item.get("field").asText().startsWith(fieldPrefix)) {
                return item.get("offset").asInt();
            }
        }
        throw new IllegalArgumentException(name + " has no layout item " + fieldPrefix);
    }

    /** Offsets of every alignment gap the layout lists. */
    List<int[]> paddings() {
        List<int[]> gaps = new ArrayList<>();
        for (JsonNode item : layout) {
            if (item.get("field").asText().equals("(padding)")) {
                gaps.add(new int[]{item.get("offset").asInt(), item.get("length").asInt()});
            }
        }
        return gaps;
    }

    /** A copy of the bytes with the little-endian DWORD at {@code offset} replaced. */
    byte[] withDword(int offset, long value) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < 4; i++) {
            copy[offset + i] = (byte) (value >>> (8 * i));
        }
        return copy;
    }

    /** A copy of the bytes with the DWORD of the layout item {@code fieldPrefix} replaced. */
    byte[] withDword(String fieldPrefix, long value) {
        return withDword(offsetOf(fieldPrefix), value);
    }

    @Override
    public String toString() {
        return name;
    }
}
