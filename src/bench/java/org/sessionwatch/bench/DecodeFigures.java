package org.sessionwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Figure 3: level-502 decode throughput of both backends' decoders, against a copy-and-UTF-16 floor. */
final class DecodeFigures {
    static final double TARGET_ENTRIES_PER_SECOND = 1_000_000;

    private DecodeFigures() {
    }

    static List<Figure> run() throws Exception {
        Map<String, Jmh.Score> scores = Jmh.run("org\\.sessionwatch\\.netapi\\..*DecodeBenchmark\\..*");
        List<Figure> figures = new ArrayList<>();
        figures.add(figure("decode.jna_level502", scores, "JnaDecodeBenchmark",
                "JNA buffer decoder (netapi.windows.SessionInfoDecoder) on a 10,000-entry SESSION_INFO_502 buffer"
                        + " laid out as netapi32 returns it (x64)"));
        if (scores.containsKey("NdrDecodeBenchmark.decoder")) {
            figures.add(figure("decode.ndr_level502", scores, "NdrDecodeBenchmark",
                    "NDR decoder (netapi.srvsvc.SessionInfoDecoder) on a 10,000-entry NetrSessionEnum level-502"
                            + " response stub"));
        }
        return figures;
    }

    private static Figure figure(String name, Map<String, Jmh.Score> scores, String benchmark, String what) {
        Jmh.Score decoder = Jmh.require(scores, benchmark + ".decoder");
        Jmh.Score floor = Jmh.require(scores, benchmark + ".copyAndUtf16Floor");
        return Figure.higherIsBetter(name, decoder.value(), "entries/s", floor.value(),
                "floor: bulk copy of the same bytes + UTF-16LE decode of the same 40,000 strings at known offsets",
                ">= 1,000,000 entries/s", decoder.value() >= TARGET_ENTRIES_PER_SECOND,
                what + "; decoder " + decoder.describe() + "; floor " + floor.describe()
                        + "; ratio 1.0 would mean the decoder costs no more than copying and decoding the strings");
    }
}
