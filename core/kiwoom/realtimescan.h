// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>
#include <QVarLengthArray>

#include <array>

// The realtime fast path's reader of frame text (realtimeparse.h, parseRealFrameFast): a strict
// scanner over the UTF-8 bytes of a WebSocket frame that understands exactly the shape Kiwoom
// sends for REAL pushes and nothing more:
//
//   {"trnm":"REAL","data":[{"type":"0B","name":"..","item":"..","values":{"20":"..",...}}, ...]}
//
// (members in any order, standard JSON whitespace, other members with string values ignored).
// Everything it accepts is standard JSON that QJsonDocument reads to the same strings; whenever it
// meets anything else it gives up and the caller takes the full JSON path, so a frame is never
// misread here, only handed on:
//   - not an object, a BOM, bytes after the closing brace other than whitespace
//   - a value of another JSON type where a string belongs (numbers, true/false/null, nesting)
//   - a key with escapes or non-ASCII bytes; a "values" key longer than 8 bytes
//   - a duplicate key (QJsonDocument keeps the last; the fast path does not guess)
//   - in strings: raw control characters (< 0x20), escapes other than \" \\ \/ \b \f \n \r \t
//     \uXXXX, a \u surrogate that is not half of a pair, invalid UTF-8 (overlong, surrogates,
//     beyond U+10FFFF, truncated) — QJsonDocument is lenient with some of these and strict with
//     others, so they are left to it.
//
// Pure functions and value types over caller-owned text; no allocation for frames of up to 512
// string members; any thread.
namespace Kiwoom::Scan {

// One JSON string of the frame text, between its quotes, still escaped (16 bytes: returned in
// registers by the scanner).
struct Str
{
    const char *data = nullptr;
    qint32 size = 0;
    // Printable ASCII without escapes: the bytes are the characters (read as Latin-1).
    bool plain = true;

    QLatin1StringView latin1() const { return QLatin1StringView(data, size); }
    // The string's characters: escapes resolved, UTF-8 decoded (validated by the scanner).
    QString toString() const;
};

// A member of a "values" object. The key (≤ 8 ASCII bytes) is packed little-endian into an integer,
// which identifies it exactly (a key holds no NUL byte).
struct Member
{
    quint64 key = 0;
    Str value;
};

// One entry of "data".
struct Entry
{
    Str type;
    Str item; // empty when absent
    Str name; // empty when absent
    qsizetype firstMember = 0; // into Frame::members
    qsizetype memberCount = 0;
};

struct Frame
{
    Str trnm; // empty when absent
    bool hasData = false;
    QVarLengthArray<Entry, 16> entries;
    QVarLengthArray<Member, 512> members;
};

// Reads text into *out. False when the text is not in the shape above (out is then unspecified);
// true says nothing about trnm, which the caller checks.
bool scanFrame(QByteArrayView text, Frame *out);

// Packs a key of ≤ 8 bytes, byte i into bits 8i..8i+7; 0 for longer keys (never a packed key of a
// member: those are ≤ 8 bytes, and non-empty keys pack to non-zero).
inline quint64 packKey(const char *data, qsizetype size)
{
    if (size > 8)
        return 0;
    quint64 k = 0;
    for (qsizetype i = size - 1; i >= 0; --i)
        k = (k << 8) | uchar(data[i]);
    return k;
}

inline quint64 packKey(QLatin1StringView key)
{
    return packKey(key.data(), key.size());
}

// The "values" object of one entry with a hash index for lookups by key.
class Object
{
public:
    Object(const Member *members, qsizetype count);

    // False when a key occurs twice (the caller hands the frame to the full JSON path).
    bool unique() const { return m_unique; }
    const Str *find(QLatin1StringView key) const;
    bool contains(QLatin1StringView key) const { return find(key) != nullptr; }
    // All members as a QJsonObject of strings (types kept raw, RawRealtime).
    QJsonObject toJsonObject() const;

private:
    static constexpr int MAX_BITS = 11; // 2048 slots: up to 1024 members at half load

    const Member *m_members;
    qsizetype m_count;
    int m_shift = 64;
    quint32 m_mask = 0;
    bool m_unique = true;
    std::array<quint16, (1 << MAX_BITS)> m_slots; // member index + 1; 0 = empty
};

} // namespace Kiwoom::Scan
