#!/usr/bin/python3
"""Regenerates the NetrSessionEnum (MS-SRVS opnum 12) NDR20 stub vectors in this directory with impacket.

Each vector is described by the ``expected`` block of its ``.json`` file (the values a decoder must produce); this
script builds the same request or response with Debian's python3-impacket NDR classes
(``impacket.dcerpc.v5.srvs.NetrSessionEnum`` / ``NetrSessionEnumResponse``, ``SESSION_ENUM_STRUCT``,
``SESSION_INFO_0/1/2/10/502``) and serialises it to the stub bytes in the ``.hex`` file beside it.

Usage (Debian: ``apt-get install -y python3-impacket``; use Debian's /usr/bin/python3, not a pyenv one)::

    /usr/bin/python3 generate_vectors.py           # check: every .hex equals what impacket produces (exit 1 if not)
    /usr/bin/python3 generate_vectors.py --write   # rewrite the .hex files from the .json values, and the
                                                   # fuzz test's binary seeds (see SEED_DIRECTORY)

Two deliberate departures from impacket's defaults, so the bytes are those a Windows or Samba peer sends:

* Referent ids: impacket picks random ones; here every non-NULL pointer gets 0x00020000 + 4n in the order it is
  marshalled (NULL pointers take no id), the Windows/Samba convention. Decoders only test zero/non-zero.
* Padding: impacket fills alignment gaps with marker bytes (0xBF, 0xAA, 0xCC, ...) to ease its own debugging; the
  script loads impacket's ``ndr`` module with those fill bytes replaced by zero. NDR leaves pad contents
  unspecified, so decoders must not rely on either.

Tested with python3-impacket 0.10.0-4 (Debian 12): all 21 vectors (7 requests, 14 responses) are reproduced
byte for byte. The ``layout`` blocks of the .json files are documentation written beside the bytes and are not
regenerated here.
"""

import importlib.util
import json
import re
import struct
import sys
from pathlib import Path


def _load_ndr_with_zero_padding():
    """Imports impacket.dcerpc.v5.ndr with its pad fill bytes (b'\\xbf'*pad and friends) replaced by zero bytes."""
    import impacket.dcerpc.v5  # noqa: F401  (the parent package must exist before the patched module is registered)
    spec = importlib.util.find_spec("impacket.dcerpc.v5.ndr")
    source = Path(spec.origin).read_text()
    patched, replacements = re.subn(r"b'\\x[0-9a-fA-F]{2}'\s*\*\s*(pad0?)\b", r"b'\\x00'*\1", source)
    if replacements == 0:
        sys.exit("impacket's ndr.py has no recognisable pad fill; this script needs updating for this version")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    exec(compile(patched, spec.origin, "exec"), module.__dict__)
    return module


ndr = _load_ndr_with_zero_padding()
from impacket.dcerpc.v5 import srvs  # noqa: E402  (must come after the patched ndr module is in place)

_referent_ids = {}
_impacket_pointer_get_data = ndr.NDRPOINTER.getData


def _pointer_get_data(self, soFar=0):
    """Gives each non-NULL pointer the next Windows-style referent id the first time it is marshalled."""
    if self.fields["ReferentID"] != 0:
        key = id(self)
        if key not in _referent_ids:
            _referent_ids[key] = 0x00020000 + 4 * len(_referent_ids)
        self.fields["ReferentID"] = _referent_ids[key]
    return _impacket_pointer_get_data(self, soFar)


ndr.NDRPOINTER.getData = _pointer_get_data

# Jazzer's JUnit integration runs the files in <TestClass>Inputs/<method>/ next to the test class's package as
# regression inputs and uses them as the seed corpus when fuzzing: the same stubs, as raw bytes.
SEED_DIRECTORY = Path("../org/sessionwatch/netapi/srvsvc/SessionInfoDecoderFuzzTestInputs/decoderOnlyEverRejectsWithNdrFormatException")

# Malformed variants of these responses are seeds too, so the regression run reaches the decoder's bounds checks
# (well-formed stubs alone never do): named <mutation>__<vector>.bin, see malformed_seeds().
MALFORMED_FROM = ("resp_level0_3entries", "resp_level10_3entries", "resp_level502_3entries",
                  "resp_level502_4entries_surrogates")

STRING_FIELDS = ("cname", "username", "cltype_name", "transport")
NUMBER_FIELDS = ("num_opens", "time", "idle_time", "user_flags")


def _wstr(value):
    """impacket's LPWSTR wants the terminating NUL spelled out; None stays a NULL pointer."""
    return ndr.NULL if value is None else value + "\x00"


def build_request(expected):
    level = expected["InfoStruct.Level"]
    request = srvs.NetrSessionEnum()
    request["ServerName"] = _wstr(expected["ServerName"])
    request["ClientName"] = _wstr(expected["ClientName"])
    request["UserName"] = _wstr(expected["UserName"])
    request["InfoStruct"]["Level"] = level
    request["InfoStruct"]["SessionInfo"]["tag"] = level
    request["InfoStruct"]["SessionInfo"]["Level%d" % level]["EntriesRead"] = expected["EntriesRead"]
    request["InfoStruct"]["SessionInfo"]["Level%d" % level]["Buffer"] = ndr.NULL
    request["PreferedMaximumLength"] = expected["PreferedMaximumLength"]
    request["ResumeHandle"] = ndr.NULL if expected["ResumeHandle"] is None else expected["ResumeHandle"]
    return request


def _session_info(level, row):
    entry = getattr(srvs, "SESSION_INFO_%d" % level)()
    prefix = "sesi%d_" % level
    for name in STRING_FIELDS:
        if prefix + name in row:
            entry[prefix + name] = _wstr(row[prefix + name])
    for name in NUMBER_FIELDS:
        if prefix + name in row:
            entry[prefix + name] = row[prefix + name]
    return entry


def build_response(expected):
    level = expected["InfoStruct.Level"]
    response = srvs.NetrSessionEnumResponse()
    response["InfoStruct"]["Level"] = level
    response["InfoStruct"]["SessionInfo"]["tag"] = level
    container = response["InfoStruct"]["SessionInfo"]["Level%d" % level]
    container["EntriesRead"] = expected["EntriesRead"]
    if expected["Buffer"] is None:
        container["Buffer"] = ndr.NULL
    else:
        for row in expected["Buffer"]:
            container["Buffer"].append(_session_info(level, row))
    response["TotalEntries"] = expected["TotalEntries"]
    response["ResumeHandle"] = ndr.NULL if expected["ResumeHandle"] is None else expected["ResumeHandle"]
    response["ErrorCode"] = expected["ErrorCode"]
    return response


def stub_bytes(description):
    _referent_ids.clear()
    expected = description["expected"]
    message = build_request(expected) if description["kind"] == "request" else build_response(expected)
    return message.getData()


def malformed_seeds(description, stub):
    """Truncated and over-long variants of one response stub, found through its byte layout."""
    layout = description["layout"]
    strings = [f for f in layout if f["field"].endswith("UTF-16LE incl. NUL")]
    actual = [f for f in layout if f["field"].endswith(" ActualCount")]
    maximum = {f["field"][:-len(" MaximumCount")]: f for f in layout
               if f["field"].endswith(" MaximumCount") and not f["field"].startswith("InfoStruct")}
    entries = next(f for f in layout if f["field"].endswith("EntriesRead"))
    last_end = strings[-1]["offset"] + strings[-1]["length"]
    first_end = strings[0]["offset"] + strings[0]["length"]

    def dword(field):
        return struct.unpack_from("<I", stub, field["offset"])[0]

    def patched(*changes):
        mutated = bytearray(stub)
        for field, value in changes:
            struct.pack_into("<I", mutated, field["offset"], value)
        return bytes(mutated)

    def count_of(string_count, value):
        # MaximumCount follows ActualCount, so only the length is wrong, not the ActualCount <= MaximumCount rule
        return patched((string_count, value), (maximum[string_count["field"][:-len(" ActualCount")]], value))

    return {
        "truncated_last_string_1_byte_short": stub[:last_end - 1],
        "truncated_last_string_1_unit_short": stub[:last_end - 2],
        "truncated_first_string_1_unit_short": stub[:first_end - 2],
        "truncated_in_string_header": stub[:actual[0]["offset"] + 2],
        "truncated_in_fixed_entries": stub[:entries["offset"] + 14],
        "truncated_before_status": stub[:-4],
        "overlong_trailing_byte": stub + b"\x00",
        "overlong_trailing_dword": stub + b"\x00\x00\x00\x00",
        "overlong_last_string_count_plus_one": count_of(actual[-1], dword(actual[-1]) + 1),
        "overlong_first_string_count_plus_one": count_of(actual[0], dword(actual[0]) + 1),
        "overlong_first_string_count_huge": count_of(actual[0], 0xFFFFFFFF),
        "overlong_entries_read_plus_one": patched((entries, dword(entries) + 1)),
        "overlong_entries_read_huge": patched((entries, 0xFFFFFFFF)),
    }


def main(argv):
    write = "--write" in argv
    directory = Path(__file__).resolve().parent
    mismatches = 0
    for json_path in sorted(directory.glob("*.json")):
        description = json.loads(json_path.read_text(encoding="utf-8"))
        produced = stub_bytes(description).hex()
        hex_path = json_path.with_suffix(".hex")
        if write:
            hex_path.write_text(produced + "\n")
            seeds = directory / SEED_DIRECTORY
            seeds.mkdir(parents=True, exist_ok=True)
            (seeds / (json_path.stem + ".bin")).write_bytes(bytes.fromhex(produced))
            print("wrote %s (%d bytes) and its fuzz seed" % (hex_path.name, len(produced) // 2))
            if json_path.stem in MALFORMED_FROM:
                for mutation, seed in malformed_seeds(description, bytes.fromhex(produced)).items():
                    (seeds / ("%s__%s.bin" % (mutation, json_path.stem))).write_bytes(seed)
                print("wrote the malformed seeds of %s" % json_path.stem)
            continue
        committed = hex_path.read_text().strip() if hex_path.exists() else None
        if committed == produced:
            print("same      %s (%d bytes)" % (hex_path.name, len(produced) // 2))
        else:
            mismatches += 1
            print("DIFFERENT %s\n  committed %s\n  impacket  %s" % (hex_path.name, committed, produced))
    if mismatches:
        print("%d vector(s) differ from what impacket produces" % mismatches)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
