// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtimescan.h"

#include <cstring>
#include <limits>

namespace Kiwoom::Scan {

namespace {

constexpr qsizetype MAX_ENTRY_MEMBERS = 1024;

// Byte classes inside a JSON string: 0 an ordinary printable ASCII character, else special.
enum : quint8
{
    Plain = 0,
    Quote = 1,
    Backslash = 2,
    Control = 3,
    NonAscii = 4,
};

constexpr std::array<quint8, 256> STRING_CLASS = [] {
    std::array<quint8, 256> t {};
    for (int c = 0; c < 256; ++c)
        t[c] = c < 0x20 ? Control : c >= 0x80 ? NonAscii : Plain;
    t['"'] = Quote;
    t['\\'] = Backslash;
    return t;
}();

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at p (p + 4 <= end checked by the caller) as a UTF-16 code unit, or -1.
int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const int d = hexValue(p[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

bool isCont(uchar c)
{
    return (c & 0xC0) == 0x80;
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates,
// nothing beyond U+10FFFF), or 0.
int utf8Length(const uchar *p, const uchar *end)
{
    const uchar c = p[0];
    const qsizetype left = end - p;
    if (c >= 0xC2 && c <= 0xDF)
        return left >= 2 && isCont(p[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !isCont(p[1]) || !isCont(p[2]))
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (c == 0xED && p[1] > 0x9F)
            return 0; // a surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !isCont(p[1]) || !isCont(p[2]) || !isCont(p[3]))
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0; // overlong
        if (c == 0xF4 && p[1] > 0x8F)
            return 0; // beyond U+10FFFF
        return 4;
    }
    return 0;
}

inline const char *skipSpace(const char *p, const char *end)
{
    // Every byte that may follow whitespace in JSON is above 0x20: one test in the common case.
    while (p < end && uchar(*p) <= 0x20 && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

// Where the next special byte of a string (a quote, a backslash, a control character or a
// non-ASCII byte) is among the 8 bytes of v (loaded little-endian): a mask whose lowest set bit is
// the high bit of the first such byte, 0 when there is none. (Each test sets a byte's high bit
// exactly when the byte is special or a lower byte was; the lowest set bit is therefore exact.)
quint64 specialBytes(quint64 v)
{
    constexpr quint64 ONES = 0x0101010101010101ULL;
    constexpr quint64 HIGHS = 0x8080808080808080ULL;
    const auto zeroBytes = [](quint64 x) { return (x - ONES) & ~x & HIGHS; };
    return zeroBytes(v ^ (ONES * '"')) | zeroBytes(v ^ (ONES * '\\')) | ((v - ONES * 0x20) & ~v & HIGHS) | (v & HIGHS);
}

// The first special byte at or after p (end if none).
inline const char *nextSpecial(const char *p, const char *end)
{
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    while (end - p >= 8) {
        quint64 v;
        std::memcpy(&v, p, 8);
        if (const quint64 m = specialBytes(v))
            return p + (qCountTrailingZeroBits(m) >> 3);
        p += 8;
    }
#endif
    while (p < end && STRING_CLASS[uchar(*p)] == Plain)
        ++p;
    return p;
}

// A string of the text: [begin, closing quote), or data == nullptr when it is not in the accepted
// subset (see the header). What follows the string is at data + size + 1.
Str stringAt(const char *begin, const char *quote, bool plain)
{
    if (quote - begin > std::numeric_limits<qint32>::max())
        return Str {};
    return Str { begin, qint32(quote - begin), plain };
}

// The rest of a string whose first special byte, at p, is not its closing quote.
Str stringWithSpecials(const char *begin, const char *p, const char *end)
{
    bool plain = true;
    while (true) {
        if (p >= end)
            return Str {}; // unterminated
        switch (STRING_CLASS[uchar(*p)]) {
        case Quote:
            return stringAt(begin, p, plain);
        case Backslash: {
            plain = false;
            if (end - p < 2)
                return Str {};
            const char e = p[1];
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                p += 2;
                break;
            }
            if (e != 'u' || end - p < 6)
                return Str {};
            const int unit = hex4(p + 2);
            if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
                return Str {}; // not hex, or a low surrogate on its own
            p += 6;
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                // A high surrogate must be followed by its low half, also escaped.
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return Str {};
                const int low = hex4(p + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                    return Str {};
                p += 6;
            }
            break;
        }
        case NonAscii: {
            plain = false;
            const int n = utf8Length(reinterpret_cast<const uchar *>(p), reinterpret_cast<const uchar *>(end));
            if (n == 0)
                return Str {};
            p += n;
            break;
        }
        default: // a raw control character
            return Str {};
        }
        p = nextSpecial(p, end);
    }
}

// The body of a string: p is just after the opening quote (see stringAt for the result). Inline
// for the common case, plain ASCII up to the quote.
inline Str string(const char *p, const char *end)
{
    const char *q = nextSpecial(p, end);
    if (q < end && *q == '"')
        return stringAt(p, q, true);
    return stringWithSpecials(p, q, end);
}

// Where the text goes on after a string.
inline const char *after(const Str &s)
{
    return s.data + s.size + 1;
}

// Scanner: one pass over a frame's text into a Frame of spans (the grammar of the header's
// subset, every string validated); false at the first byte outside it. A value used once, on the
// calling thread.
class Scanner
{
public:
    Scanner(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) { }

    bool frame(Frame *out);

private:
    bool eat(char c)
    {
        m_p = skipSpace(m_p, m_end);
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool peek(char c)
    {
        m_p = skipSpace(m_p, m_end);
        return m_p < m_end && *m_p == c;
    }
    // A string value (after optional whitespace).
    bool value(Str *out)
    {
        if (!eat('"'))
            return false;
        *out = string(m_p, m_end);
        if (!out->data)
            return false;
        m_p = after(*out);
        return true;
    }
    // A member name and its colon; names are plain ASCII.
    bool key(Str *out) { return value(out) && out->plain && eat(':'); }
    bool entry(Frame *frame);
    bool values(Frame *frame, Entry *entry);

    const char *m_p;
    const char *m_end;
};

// {"<key>":"<value>", ...}: the hot loop of the scanner (some 40 members per 0B entry), so the
// common compact form "k":"v" is read without the general helpers.
bool Scanner::values(Frame *frame, Entry *entry)
{
    if (!eat('{'))
        return false;
    entry->firstMember = frame->members.size();
    const char *p = skipSpace(m_p, m_end);
    const char *const end = m_end;
    if (p < end && *p == '}') {
        m_p = p + 1;
        entry->memberCount = 0;
        return true;
    }
    while (true) {
        // The key: plain ASCII of at most 8 bytes, packed (as packKey does) as it is read.
        if (p >= end || *p != '"')
            return false;
        ++p;
        const char *q = nextSpecial(p, end);
        if (q >= end || *q != '"' || q - p > 8)
            return false; // an escape, a control or non-ASCII byte, or longer than 8 bytes
        const quint64 packed = packKey(p, q - p);
        p = q + 1;
        p = skipSpace(p, end);
        if (p >= end || *p != ':')
            return false;
        p = skipSpace(p + 1, end);
        if (p >= end || *p != '"')
            return false;
        const Str value = string(p + 1, end);
        if (!value.data)
            return false;
        p = after(value);
        frame->members.append(Member { packed, value });
        p = skipSpace(p, end);
        if (p >= end)
            return false;
        if (*p == ',') {
            p = skipSpace(p + 1, end);
            continue;
        }
        if (*p != '}')
            return false;
        m_p = p + 1;
        break;
    }
    entry->memberCount = frame->members.size() - entry->firstMember;
    return entry->memberCount <= MAX_ENTRY_MEMBERS;
}

bool Scanner::entry(Frame *frame)
{
    if (!eat('{'))
        return false;
    Entry e;
    bool hasType = false;
    bool hasItem = false;
    bool hasName = false;
    bool hasValues = false;
    if (!eat('}')) {
        do {
            Str k;
            if (!key(&k))
                return false;
            const QLatin1StringView name = k.latin1();
            if (name == QLatin1StringView("values")) {
                if (hasValues || !values(frame, &e))
                    return false;
                hasValues = true;
                continue;
            }
            Str v;
            if (!value(&v))
                return false;
            if (name == QLatin1StringView("type")) {
                if (hasType)
                    return false;
                hasType = true;
                e.type = v;
            } else if (name == QLatin1StringView("item")) {
                if (hasItem)
                    return false;
                hasItem = true;
                e.item = v;
            } else if (name == QLatin1StringView("name")) {
                if (hasName)
                    return false;
                hasName = true;
                e.name = v;
            }
        } while (eat(','));
        if (!eat('}'))
            return false;
    }
    if (!hasType || !hasValues)
        return false;
    frame->entries.append(e);
    return true;
}

bool Scanner::frame(Frame *out)
{
    out->trnm = Str {};
    out->hasData = false;
    out->entries.clear();
    out->members.clear();
    bool hasTrnm = false;
    if (!eat('{'))
        return false;
    if (!eat('}')) {
        do {
            Str k;
            if (!key(&k))
                return false;
            const QLatin1StringView name = k.latin1();
            if (name == QLatin1StringView("data")) {
                if (out->hasData || !eat('['))
                    return false;
                out->hasData = true;
                if (!eat(']')) {
                    do {
                        if (!peek('{') || !entry(out))
                            return false;
                    } while (eat(','));
                    if (!eat(']'))
                        return false;
                }
                continue;
            }
            Str v;
            if (!value(&v))
                return false;
            if (name == QLatin1StringView("trnm")) {
                if (hasTrnm)
                    return false;
                hasTrnm = true;
                out->trnm = v;
            }
        } while (eat(','));
        if (!eat('}'))
            return false;
    }
    m_p = skipSpace(m_p, m_end);
    return m_p == m_end;
}

} // namespace

QString Str::toString() const
{
    if (plain)
        return QString::fromLatin1(data, size);
    QString out;
    out.reserve(size);
    const char *p = data;
    const char *end = data + size;
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            out += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char e = p[1];
        switch (e) {
        case 'b':
            out += QChar(u'\b');
            break;
        case 'f':
            out += QChar(u'\f');
            break;
        case 'n':
            out += QChar(u'\n');
            break;
        case 'r':
            out += QChar(u'\r');
            break;
        case 't':
            out += QChar(u'\t');
            break;
        case 'u':
            out += QChar(char16_t(hex4(p + 2)));
            p += 4;
            break;
        default: // " \ /
            out += QLatin1Char(e);
            break;
        }
        p += 2;
    }
    return out;
}

bool scanFrame(QByteArrayView text, Frame *out)
{
    return Scanner(text).frame(out);
}

namespace {

quint32 slotOf(quint64 key, int shift)
{
    return quint32((key * 0x9E3779B97F4A7C15ULL) >> shift);
}

} // namespace

Object::Object(const Member *members, qsizetype count) : m_members(members), m_count(count)
{
    int bits = 5;
    while ((qsizetype(1) << bits) < 2 * count && bits < MAX_BITS)
        ++bits;
    m_shift = 64 - bits;
    m_mask = (1u << bits) - 1;
    std::memset(m_slots.data(), 0, sizeof(quint16) << bits);
    for (qsizetype i = 0; i < count; ++i) {
        const quint64 key = members[i].key;
        quint32 s = slotOf(key, m_shift);
        while (m_slots[s] != 0) {
            if (m_members[m_slots[s] - 1].key == key) {
                m_unique = false;
                return;
            }
            s = (s + 1) & m_mask;
        }
        m_slots[s] = quint16(i + 1);
    }
}

const Str *Object::find(QLatin1StringView key) const
{
    const quint64 k = packKey(key);
    if (k == 0 && !key.isEmpty())
        return nullptr; // longer than any key stored here
    quint32 s = slotOf(k, m_shift);
    while (m_slots[s] != 0) {
        const Member &m = m_members[m_slots[s] - 1];
        if (m.key == k)
            return &m.value;
        s = (s + 1) & m_mask;
    }
    return nullptr;
}

QJsonObject Object::toJsonObject() const
{
    QJsonObject o;
    for (qsizetype i = 0; i < m_count; ++i) {
        const Member &m = m_members[i];
        char key[8];
        qsizetype n = 0;
        for (quint64 k = m.key; k != 0; k >>= 8)
            key[n++] = char(k & 0xFF);
        o.insert(QString::fromLatin1(key, n), m.value.toString());
    }
    return o;
}

} // namespace Kiwoom::Scan
