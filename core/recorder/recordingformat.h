// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

// The market recording file format (".ktrec"), append-only, version 1. All integers little-endian.
//
//   file   = header block*
//   header = "KTREC01\n" (8 bytes) | u32 version (1) | u32 reserved (0)              16 bytes
//   block  = u32 magic "KTRB" (0x4252544B) | u32 flags | u32 payloadLength | u32 rawLength
//            | u32 recordCount | u64 baseTimeMs | u32 crc | payload[payloadLength]  32 + n bytes
//
// crc is CRC-32C (Castagnoli) over the 28 header bytes before it and the payload: a block is used
// only when it is complete and intact, so a torn or damaged tail (power loss, SIGKILL mid-write)
// loses at most that block; the reader stops there and reports it (RecordingReader::tailDamaged).
//
// The payloads of one file form one zstd stream, cut into blocks with ZSTD_e_flush: every block
// decodes once the blocks before it have (earlier data is the compression window, which is what
// makes small blocks of similar JSON frames cheap). flags bit 0 (STREAM_START) marks the first block
// of a new stream: the writer starts one per opening of the file (a restarted app appends to the
// day's file), and the reader resets its decoder there.
//
// A block's decompressed payload (rawLength bytes) is recordCount records:
//   record = u8 kind | varint zigzag(timeMs - previous timeMs) | varint length | bytes[length]
// where the first record's previous time is baseTimeMs. Kinds:
//   1 RealtimeFrame  a WebSocket text frame from the broker, verbatim (UTF-8 JSON)
//   2 RestReply      {"api_id": "...", "request": {...}, "pages": [{...}, ...]} of a quote/chart TR
//   3 ConditionResult{"seq", "name", "search_type", "codes": [...]}: a CNSRREQ reply with the name
//                    CNSRLST gave the seq (also in the verbatim frames; this spares a reader the join)
// Times are market time (UTC epoch ms) when the frame was received.
namespace Recording {

enum class Kind : quint8
{
    RealtimeFrame = 1,
    RestReply = 2,
    ConditionResult = 3,
};

struct Record
{
    Kind kind = Kind::RealtimeFrame;
    qint64 timeMs = 0;
    QByteArray data;
};

inline constexpr char FILE_MAGIC[9] = "KTREC01\n";
inline constexpr quint32 FORMAT_VERSION = 1;
inline constexpr int FILE_HEADER_SIZE = 16;
inline constexpr quint32 BLOCK_MAGIC = 0x4252544B; // "KTRB"
inline constexpr int BLOCK_HEADER_SIZE = 32;
inline constexpr quint32 FLAG_STREAM_START = 1;
// A sanity bound: no writer makes blocks this large; a larger length is damage.
inline constexpr quint32 MAX_BLOCK_BYTES = 64u << 20;
inline constexpr const char *FILE_SUFFIX = ".ktrec";

quint32 crc32c(const char *data, qsizetype size, quint32 crc = 0);
QByteArray fileHeader();
bool isFileHeader(const QByteArray &bytes);

void appendVarint(QByteArray &out, quint64 value);
// Reads a varint at *pos (advanced); false when it runs past end.
bool readVarint(const char *data, qsizetype size, qsizetype *pos, quint64 *value);
inline quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}
inline qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

void putU32(char *p, quint32 v);
void putU64(char *p, quint64 v);
quint32 getU32(const char *p);
quint64 getU64(const char *p);

} // namespace Recording
