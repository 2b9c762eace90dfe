#!/usr/bin/python3
"""Regenerates the open-file and action NDR20 stub vectors in ``files/``: NetrFileEnum (MS-SRVS opnum 9, levels 2
and 3), NetrFileClose (opnum 11) and NetrSessionDel (opnum 13), requests and responses.

Each vector is one entry of ``VECTORS`` below (the values a decoder must produce or an encoder must be given). The
script builds it twice, independently:

* with Debian's python3-impacket NDR classes (``impacket.dcerpc.v5.srvs.NetrFileEnum`` / ``NetrFileEnumResponse``,
  ``FILE_ENUM_STRUCT``, ``FILE_INFO_2/3``, ``NetrFileClose``, ``NetrSessionDel`` and their responses), loaded with the
  same zero padding and Windows-style referent ids as ``generate_vectors.py`` (which it imports for that);
* with a small layout walker that lists every item of the stub with its offset, length and value.

Both must give the same bytes. The ``.hex`` file holds them, the ``.json`` file the values (``expected``) and the
``layout`` (field names as the Java decoder names them in its errors), so tests can corrupt a named field.

Usage (Debian: ``apt-get install -y python3-impacket``; Debian's /usr/bin/python3)::

    /usr/bin/python3 generate_file_vectors.py           # check: every committed file equals what is built (exit 1)
    /usr/bin/python3 generate_file_vectors.py --write   # rewrite files/*.hex and *.json and the fuzz seeds

The fuzz seeds (``FileInfoDecoderFuzzTestInputs/<method>/``) are every NetrFileEnum response as it is, plus, for
each, a truncated copy (cut inside the array) and an over-long copy (8 bytes after the status), and one with a forged
element count of 0xFFFFFFFF: malformed inputs the decoder must reject without allocating.
"""

import json
import struct
import sys
from pathlib import Path

import generate_vectors as common  # patches impacket's ndr (zero pads, referent ids 0x00020000 + 4n)

ndr = common.ndr
srvs = common.srvs
_wstr = common._wstr

DIRECTORY = Path(__file__).resolve().parent / "files"
SEED_DIRECTORY = (Path(__file__).resolve().parent
                  / "../org/sessionwatch/netapi/srvsvc/FileInfoDecoderFuzzTestInputs/decoderOnlyEverRejectsWithNdrFormatException")

INTERFACE = "srvsvc 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0"
TRANSFER = "NDR20, little-endian, stub data only (bytes after the PDU header, fragments reassembled)"

BUDGET = "C:\\srv\\data\\Finance\\budget.xlsx"
FILE_ROWS_3 = [
    # Samba builds ids as pid << 16 | file id, so ids above 2^31 are normal: 0x9C4F0001 = 2622423041.
    {"fi3_id": 0x9C4F0001, "fi3_permissions": 0x3, "fi3_num_locks": 0,
     "fi3_path_name": BUDGET, "fi3_username": "Jürgen"},
    {"fi3_id": 7, "fi3_permissions": 0x7F, "fi3_num_locks": 4294967295,
     "fi3_path_name": "C:\\srv\\data\\用户\\Zoë.docx", "fi3_username": None},
    {"fi3_id": 4294967295, "fi3_permissions": 0x1, "fi3_num_locks": 2,
     "fi3_path_name": None, "fi3_username": ""},
]

VECTORS = [
    {"name": "req_fileenum_level3_default", "kind": "request", "opnum": 9,
     "description": "level 3 as SessionWatch asks first: ServerName \\\\FS01, no filters, "
                    "PreferedMaximumLength 0xFFFFFFFF, ResumeHandle pointer to 0",
     "expected": {"ServerName": "\\\\FS01", "BasePath": None, "UserName": None, "InfoStruct.Level": 3,
                  "PreferedMaximumLength": 0xFFFFFFFF, "ResumeHandle": 0}},
    {"name": "req_fileenum_level2_filters_paged", "kind": "request", "opnum": 9,
     "description": "level 2 with BasePath C:\\srv\\Büro, UserName Jürgen, PreferedMaximumLength 4096, "
                    "ResumeHandle 0x00001002",
     "expected": {"ServerName": "\\\\PEER", "BasePath": "C:\\srv\\Büro", "UserName": "Jürgen",
                  "InfoStruct.Level": 2, "PreferedMaximumLength": 4096, "ResumeHandle": 0x1002}},
    {"name": "req_fileenum_level3_null_resume", "kind": "request", "opnum": 9,
     "description": "level 3, ServerName NULL, ResumeHandle NULL pointer, PreferedMaximumLength 1024",
     "expected": {"ServerName": None, "BasePath": None, "UserName": None, "InfoStruct.Level": 3,
                  "PreferedMaximumLength": 1024, "ResumeHandle": None}},
    {"name": "resp_fileenum_level3_3entries", "kind": "response", "opnum": 9,
     "description": "level 3, 3 entries: id 0x9C4F0001 (above 2^31, Samba's pid<<16|id), 7 and 2^32-1; "
                    "permissions read+write, all seven bits, read; locks 0, 2^32-1, 2; NULL fi3_username in entry 2, "
                    "NULL fi3_path_name and empty user in entry 3; non-ASCII path and user",
     "expected": {"InfoStruct.Level": 3, "EntriesRead": 3, "Buffer": FILE_ROWS_3, "TotalEntries": 3,
                  "ResumeHandle": 3, "ErrorCode": 0}},
    {"name": "resp_fileenum_level2_3entries", "kind": "response", "opnum": 9,
     "description": "level 2, 3 entries: ids only (0x9C4F0001, 7, 2^32-1)",
     "expected": {"InfoStruct.Level": 2, "EntriesRead": 3,
                  "Buffer": [{"fi2_id": 0x9C4F0001}, {"fi2_id": 7}, {"fi2_id": 4294967295}],
                  "TotalEntries": 3, "ResumeHandle": 3, "ErrorCode": 0}},
    {"name": "resp_fileenum_level3_0entries_nullbuffer", "kind": "response", "opnum": 9,
     "description": "level 3, no open files: EntriesRead 0 and a NULL Buffer pointer",
     "expected": {"InfoStruct.Level": 3, "EntriesRead": 0, "Buffer": None, "TotalEntries": 0,
                  "ResumeHandle": 0, "ErrorCode": 0}},
    {"name": "resp_fileenum_level3_0entries_emptyarray", "kind": "response", "opnum": 9,
     "description": "level 3, no open files: EntriesRead 0 and a Buffer pointing to an array of MaximumCount 0",
     "expected": {"InfoStruct.Level": 3, "EntriesRead": 0, "Buffer": [], "TotalEntries": 0,
                  "ResumeHandle": 0, "ErrorCode": 0}},
    {"name": "resp_fileenum_level3_more_data", "kind": "response", "opnum": 9,
     "description": "level 3, first page of 5: 2 entries, ERROR_MORE_DATA (234), opaque resume handle 0x00001002",
     "expected": {"InfoStruct.Level": 3, "EntriesRead": 2, "Buffer": FILE_ROWS_3[:2], "TotalEntries": 5,
                  "ResumeHandle": 0x1002, "ErrorCode": 234}},
    {"name": "resp_fileenum_level3_access_denied", "kind": "response", "opnum": 9,
     "description": "level 3, ERROR_ACCESS_DENIED (5) in the stub: container echoed with NULL Buffer",
     "expected": {"InfoStruct.Level": 3, "EntriesRead": 0, "Buffer": None, "TotalEntries": 0,
                  "ResumeHandle": 0, "ErrorCode": 5}},
    {"name": "resp_fileenum_level2_invalid_level", "kind": "response", "opnum": 9,
     "description": "level 2 rejected with ERROR_INVALID_LEVEL (124), as Samba answers it; ResumeHandle NULL",
     "expected": {"InfoStruct.Level": 2, "EntriesRead": 0, "Buffer": None, "TotalEntries": 0,
                  "ResumeHandle": None, "ErrorCode": 124}},
    {"name": "req_fileclose_high_id", "kind": "request", "opnum": 11,
     "description": "NetrFileClose of id 0x9C4F0001 (above 2^31) on \\\\FS01",
     "expected": {"ServerName": "\\\\FS01", "FileId": 0x9C4F0001}},
    {"name": "req_fileclose_null_server", "kind": "request", "opnum": 11,
     "description": "NetrFileClose of id 7, ServerName NULL",
     "expected": {"ServerName": None, "FileId": 7}},
    {"name": "req_sessiondel_client_and_user", "kind": "request", "opnum": 13,
     "description": "NetrSessionDel on \\\\FS01 of user Jürgen from client \\\\10.0.0.5",
     "expected": {"ServerName": "\\\\FS01", "ClientName": "\\\\10.0.0.5", "UserName": "Jürgen"}},
    {"name": "req_sessiondel_client_only", "kind": "request", "opnum": 13,
     "description": "NetrSessionDel on \\\\FS01 of every session from client \\\\用户-PC (UserName NULL)",
     "expected": {"ServerName": "\\\\FS01", "ClientName": "\\\\用户-PC", "UserName": None}},
    {"name": "req_sessiondel_user_only", "kind": "request", "opnum": 13,
     "description": "NetrSessionDel on \\\\FS01 of every session of user bob (ClientName NULL)",
     "expected": {"ServerName": "\\\\FS01", "ClientName": None, "UserName": "bob"}},
]

for _code, _name, _opnums in ((0, "NERR_Success", (11, 13)), (5, "ERROR_ACCESS_DENIED", (11, 13)),
                              (2, "ERROR_FILE_NOT_FOUND", (11,)), (2314, "NERR_FileIdNotFound", (11,)),
                              (2312, "NERR_ClientNameNotFound", (13,)), (2221, "NERR_UserNotFound", (13,))):
    for _opnum in _opnums:
        VECTORS.append({"name": "resp_%s_%s" % ("fileclose" if _opnum == 11 else "sessiondel", _name.lower()),
                        "kind": "response", "opnum": _opnum,
                        "description": "%s answered with %s (%d): the stub is only the NET_API_STATUS"
                                       % ("NetrFileClose" if _opnum == 11 else "NetrSessionDel", _name, _code),
                        "expected": {"ErrorCode": _code}})


# ---- impacket ------------------------------------------------------------------------------------------------------

def _impacket(vector):
    e, opnum = vector["expected"], vector["opnum"]
    if vector["kind"] == "request":
        message = {9: srvs.NetrFileEnum, 11: srvs.NetrFileClose, 13: srvs.NetrSessionDel}[opnum]()
        message["ServerName"] = _wstr(e["ServerName"])
        if opnum == 9:
            message["BasePath"] = _wstr(e["BasePath"])
            message["UserName"] = _wstr(e["UserName"])
            level = e["InfoStruct.Level"]
            message["InfoStruct"]["Level"] = level
            message["InfoStruct"]["FileInfo"]["tag"] = level
            message["InfoStruct"]["FileInfo"]["Level%d" % level]["EntriesRead"] = 0
            message["InfoStruct"]["FileInfo"]["Level%d" % level]["Buffer"] = ndr.NULL
            message["PreferedMaximumLength"] = e["PreferedMaximumLength"]
            message["ResumeHandle"] = ndr.NULL if e["ResumeHandle"] is None else e["ResumeHandle"]
        elif opnum == 11:
            message["FileId"] = e["FileId"]
        else:
            message["ClientName"] = _wstr(e["ClientName"])
            message["UserName"] = _wstr(e["UserName"])
        return message.getData()
    if opnum != 9:
        message = {11: srvs.NetrFileCloseResponse, 13: srvs.NetrSessionDelResponse}[opnum]()
        message["ErrorCode"] = e["ErrorCode"]
        return message.getData()
    level = e["InfoStruct.Level"]
    response = srvs.NetrFileEnumResponse()
    response["InfoStruct"]["Level"] = level
    response["InfoStruct"]["FileInfo"]["tag"] = level
    container = response["InfoStruct"]["FileInfo"]["Level%d" % level]
    container["EntriesRead"] = e["EntriesRead"]
    if e["Buffer"] is None:
        container["Buffer"] = ndr.NULL
    else:
        for row in e["Buffer"]:
            entry = getattr(srvs, "FILE_INFO_%d" % level)()
            for key, value in row.items():
                entry[key] = _wstr(value) if key in ("fi3_path_name", "fi3_username") else value
            container["Buffer"].append(entry)
    response["TotalEntries"] = e["TotalEntries"]
    response["ResumeHandle"] = ndr.NULL if e["ResumeHandle"] is None else e["ResumeHandle"]
    response["ErrorCode"] = e["ErrorCode"]
    return response.getData()


# ---- layout walker -------------------------------------------------------------------------------------------------

class Layout:
    """Appends NDR20 items the way the Java decoder reads them, naming each as its error messages do."""

    def __init__(self):
        self.items, self.data, self.next_referent = [], bytearray(), 0x00020000

    def _align(self):
        gap = -len(self.data) % 4
        if gap:
            self.items.append({"offset": len(self.data), "length": gap, "field": "(padding)", "value": None})
            self.data += bytes(gap)

    def dword(self, field, value):
        self._align()
        self.items.append({"offset": len(self.data), "length": 4, "field": field, "value": value})
        self.data += struct.pack("<I", value)

    def pointer(self, field, present):
        if present:
            self.dword(field + " (referent id)", self.next_referent)
            self.items[-1]["value"] = "0x%08x" % self.next_referent
            self.next_referent += 4
        else:
            self.dword(field + " (NULL pointer)", 0)

    def string(self, field, value):
        units = len((value + "\x00").encode("utf-16-le")) // 2
        self.dword(field + " MaximumCount", units)
        self.dword(field + " Offset", 0)
        self.dword(field + " ActualCount", units)
        self.items.append({"offset": len(self.data), "length": 2 * units, "field": field + " UTF-16LE incl. NUL",
                           "value": value})
        self.data += (value + "\x00").encode("utf-16-le")

    def unique_string(self, field, value):
        self.pointer(field, value is not None)
        if value is not None:
            self.string(field, value)


STRINGS_3 = ("fi3_path_name", "fi3_username")


def _layout(vector):
    e, opnum, out = vector["expected"], vector["opnum"], Layout()
    if vector["kind"] == "request":
        out.unique_string("ServerName", e["ServerName"])
        if opnum == 9:
            out.unique_string("BasePath", e["BasePath"])
            out.unique_string("UserName", e["UserName"])
            level = e["InfoStruct.Level"]
            out.dword("InfoStruct.Level", level)
            out.dword("InfoStruct.FileInfo switch", level)
            out.pointer("InfoStruct.FileInfo.Level%d" % level, True)
            out.dword("InfoStruct.FileInfo.Level%d.EntriesRead" % level, 0)
            out.pointer("InfoStruct.FileInfo.Level%d.Buffer" % level, False)
            out.dword("PreferedMaximumLength", e["PreferedMaximumLength"])
            out.pointer("ResumeHandle", e["ResumeHandle"] is not None)
            if e["ResumeHandle"] is not None:
                out.dword("*ResumeHandle", e["ResumeHandle"])
        elif opnum == 11:
            out.dword("FileId", e["FileId"])
        else:
            out.unique_string("ClientName", e["ClientName"])
            out.unique_string("UserName", e["UserName"])
        return out
    if opnum == 9:
        level = e["InfoStruct.Level"]
        container = "InfoStruct.FileInfo.Level%d" % level
        out.dword("InfoStruct.Level", level)
        out.dword("InfoStruct.FileInfo switch", level)
        out.pointer(container, True)
        out.dword(container + ".EntriesRead", e["EntriesRead"])
        out.pointer(container + ".Buffer", e["Buffer"] is not None)
        if e["Buffer"] is not None:
            out.dword(container + ".Buffer MaximumCount", len(e["Buffer"]))
            for i, row in enumerate(e["Buffer"]):
                for key, value in row.items():
                    what = "Buffer[%d].%s" % (i, key)
                    if key in STRINGS_3:
                        out.pointer(what, value is not None)
                    else:
                        out.dword(what, value)
            for i, row in enumerate(e["Buffer"]):
                for key in STRINGS_3:
                    if row.get(key) is not None:
                        out.string("Buffer[%d].%s" % (i, key), row[key])
        out.dword("TotalEntries", e["TotalEntries"])
        out.pointer("ResumeHandle", e["ResumeHandle"] is not None)
        if e["ResumeHandle"] is not None:
            out.dword("*ResumeHandle", e["ResumeHandle"])
    out.dword("return value (NET_API_STATUS)", e["ErrorCode"])
    return out


def build(vector):
    common._referent_ids.clear()
    produced = _impacket(vector)
    walked = _layout(vector)
    if bytes(walked.data) != produced:
        sys.exit("%s: impacket and the layout walker disagree\n  impacket %s\n  layout   %s"
                 % (vector["name"], produced.hex(), bytes(walked.data).hex()))
    description = {"name": vector["name"], "kind": vector["kind"], "interface": INTERFACE, "opnum": vector["opnum"],
                   "transfer_syntax": TRANSFER, "description": vector["description"], "length": len(produced),
                   "expected": vector["expected"], "layout": walked.items}
    return produced, json.dumps(description, indent=1, ensure_ascii=False) + "\n"


def seeds(vector, produced):
    """The fuzz seeds of one vector: only NetrFileEnum responses, as they are and damaged."""
    if vector["kind"] != "response" or vector["opnum"] != 9:
        return {}
    result = {vector["name"] + ".bin": produced,
              vector["name"] + "-overlong.bin": produced + bytes(8)}
    if vector["expected"]["Buffer"]:
        result[vector["name"] + "-truncated.bin"] = produced[:28 + (len(produced) - 28) // 2]
        forged = bytearray(produced)
        struct.pack_into("<II", forged, 12, 0xFFFFFFFF, 0x00020004)
        struct.pack_into("<I", forged, 20, 0xFFFFFFFF)
        result[vector["name"] + "-forged-count.bin"] = bytes(forged)
    return result


def main(argv):
    write = "--write" in argv
    mismatches = 0
    for vector in VECTORS:
        produced, description = build(vector)
        hex_path, json_path = DIRECTORY / (vector["name"] + ".hex"), DIRECTORY / (vector["name"] + ".json")
        files = {hex_path: produced.hex() + "\n", json_path: description}
        if write:
            DIRECTORY.mkdir(exist_ok=True)
            SEED_DIRECTORY.mkdir(parents=True, exist_ok=True)
            for path, text in files.items():
                path.write_text(text, encoding="utf-8")
            for name, data in seeds(vector, produced).items():
                (SEED_DIRECTORY / name).write_bytes(data)
            print("wrote %s (%d bytes)" % (vector["name"], len(produced)))
            continue
        for path, text in files.items():
            committed = path.read_text(encoding="utf-8") if path.exists() else None
            if committed != text:
                mismatches += 1
                print("DIFFERENT %s" % path.name)
        for name, data in seeds(vector, produced).items():
            path = SEED_DIRECTORY / name
            if not path.exists() or path.read_bytes() != data:
                mismatches += 1
                print("DIFFERENT seed %s" % name)
        print("checked   %s (%d bytes)" % (vector["name"], len(produced)))
    if mismatches:
        print("%d file(s) differ from what impacket and the layout produce" % mismatches)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
