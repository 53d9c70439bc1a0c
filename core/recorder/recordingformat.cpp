// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingformat.h"

#include <array>
#include <cstring>

namespace Recording {

namespace {

std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> table {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (0x82F63B78u ^ (c >> 1)) : (c >> 1);
        table[i] = c;
    }
    return table;
}

} // namespace

quint32 crc32c(const char *data, qsizetype size, quint32 crc)
{
    static const std::array<quint32, 256> table = makeTable();
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

QByteArray fileHeader()
{
    QByteArray h(FILE_HEADER_SIZE, '\0');
    std::memcpy(h.data(), FILE_MAGIC, 8);
    putU32(h.data() + 8, FORMAT_VERSION);
    putU32(h.data() + 12, 0);
    return h;
}

bool isFileHeader(const QByteArray &bytes)
{
    return bytes.size() >= FILE_HEADER_SIZE && std::memcmp(bytes.constData(), FILE_MAGIC, 8) == 0
        && getU32(bytes.constData() + 8) == FORMAT_VERSION;
}

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(quint8(value) | 0x80));
        value >>= 7;
    }
    out.append(char(quint8(value)));
}

bool readVarint(const char *data, qsizetype size, qsizetype *pos, quint64 *value)
{
    quint64 v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (*pos >= size)
            return false;
        const quint8 b = quint8(data[(*pos)++]);
        v |= quint64(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *value = v;
            return true;
        }
    }
    return false;
}

void putU32(char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char(quint8(v >> (8 * i)));
}

void putU64(char *p, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        p[i] = char(quint8(v >> (8 * i)));
}

quint32 getU32(const char *p)
{
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v |= quint32(quint8(p[i])) << (8 * i);
    return v;
}

quint64 getU64(const char *p)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v |= quint64(quint8(p[i])) << (8 * i);
    return v;
}

} // namespace Recording
