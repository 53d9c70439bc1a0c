// SPDX-License-Identifier: GPL-3.0-or-later
#include "newstext.h"

#include <QHash>
#include <QStringDecoder>

#include <cerrno>
#include <iconv.h>

namespace NewsText {

QString stripTags(const QString &text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'<' && i + 1 < n) {
            qsizetype j = i + 1;
            if (text.at(j) == u'/')
                ++j;
            if (j < n && text.at(j).isLetter() && text.at(j).unicode() < 128) {
                const qsizetype close = text.indexOf(u'>', j);
                const qsizetype nextOpen = text.indexOf(u'<', j);
                if (close > 0 && (nextOpen < 0 || nextOpen > close)) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out.append(c);
        ++i;
    }
    return out;
}

namespace {

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> map {
        { QStringLiteral("quot"), U'"' },
        { QStringLiteral("amp"), U'&' },
        { QStringLiteral("lt"), U'<' },
        { QStringLiteral("gt"), U'>' },
        { QStringLiteral("apos"), U'\'' },
        { QStringLiteral("nbsp"), U' ' },
        { QStringLiteral("middot"), U'\u00B7' },
        { QStringLiteral("hellip"), U'\u2026' },
        { QStringLiteral("lsquo"), U'\u2018' },
        { QStringLiteral("rsquo"), U'\u2019' },
        { QStringLiteral("ldquo"), U'\u201C' },
        { QStringLiteral("rdquo"), U'\u201D' },
        { QStringLiteral("ndash"), U'\u2013' },
        { QStringLiteral("mdash"), U'\u2014' },
        { QStringLiteral("bull"), U'\u2022' },
        { QStringLiteral("times"), U'\u00D7' },
        { QStringLiteral("copy"), U'\u00A9' },
        { QStringLiteral("reg"), U'\u00AE' },
        { QStringLiteral("trade"), U'\u2122' },
        { QStringLiteral("larr"), U'\u2190' },
        { QStringLiteral("rarr"), U'\u2192' },
        { QStringLiteral("uarr"), U'\u2191' },
        { QStringLiteral("darr"), U'\u2193' },
    };
    return map;
}

void appendCodePoint(QString &out, char32_t cp)
{
    const char32_t one[1] = { cp };
    out.append(QString::fromUcs4(one, 1));
}

} // namespace

QString decodeEntities(const QString &text)
{
    if (!text.contains(u'&'))
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'&') {
            const qsizetype semi = text.indexOf(u';', i + 1);
            if (semi > i + 1 && semi - i <= 12) {
                const QString name = text.mid(i + 1, semi - i - 1);
                if (name.startsWith(u'#')) {
                    bool ok = false;
                    uint cp = 0;
                    if (name.size() > 2 && (name.at(1) == u'x' || name.at(1) == u'X'))
                        cp = name.mid(2).toUInt(&ok, 16);
                    else if (name.size() > 1)
                        cp = name.mid(1).toUInt(&ok, 10);
                    if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        appendCodePoint(out, char32_t(cp));
                        i = semi + 1;
                        continue;
                    }
                } else if (const auto it = namedEntities().constFind(name); it != namedEntities().constEnd()) {
                    appendCodePoint(out, it.value());
                    i = semi + 1;
                    continue;
                }
            }
        }
        out.append(c);
        ++i;
    }
    return out;
}

QString plainText(const QString &html)
{
    return decodeEntities(stripTags(html)).trimmed();
}

QByteArray charsetFromContentType(const QByteArray &contentType)
{
    for (const QByteArray &part : contentType.split(';')) {
        const QByteArray p = part.trimmed();
        if (p.toLower().startsWith("charset=")) {
            QByteArray value = p.mid(8).trimmed();
            if (value.size() >= 2 && (value.startsWith('"') || value.startsWith('\'')))
                value = value.mid(1, value.size() - 2);
            return value.trimmed().toLower();
        }
    }
    return {};
}

QByteArray charsetFromMeta(const QByteArray &html)
{
    // A byte scan, not a parse: the charset has to be known before the page can be decoded.
    const QByteArray head = html.left(2048).toLower();
    qsizetype from = 0;
    while (true) {
        const qsizetype meta = head.indexOf("<meta", from);
        if (meta < 0)
            return {};
        const qsizetype end = head.indexOf('>', meta);
        if (end < 0)
            return {};
        const QByteArray tag = head.mid(meta, end - meta);
        const qsizetype cs = tag.indexOf("charset=");
        if (cs >= 0) {
            qsizetype i = cs + 8;
            while (i < tag.size() && (tag.at(i) == '"' || tag.at(i) == '\'' || tag.at(i) == ' '))
                ++i;
            qsizetype j = i;
            while (j < tag.size() && tag.at(j) != '"' && tag.at(j) != '\'' && tag.at(j) != ' ' && tag.at(j) != ';'
                && tag.at(j) != '/')
                ++j;
            if (j > i)
                return tag.mid(i, j - i);
        }
        from = end;
    }
}

bool isKoreanCharset(const QByteArray &charset)
{
    static const QByteArrayList names { "euc-kr", "euckr", "cp949", "ms949", "windows-949", "x-windows-949",
        "ks_c_5601-1987", "ks_c_5601", "ksc5601", "uhc", "x-euc-kr", "csEUCKR" };
    const QByteArray c = charset.trimmed().toLower();
    for (const QByteArray &n : names) {
        if (c == n.toLower())
            return true;
    }
    return false;
}

namespace {

bool isUtf8(const QByteArray &charset)
{
    const QByteArray c = charset.trimmed().toLower();
    return c == "utf-8" || c == "utf8";
}

// Converts with iconv; nullopt on an unknown charset or invalid input.
std::optional<QByteArray> convert(const QByteArray &bytes, const char *from, const char *to, QString *problem)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == iconv_t(-1)) {
        *problem
            = QStringLiteral("the conversion %1 → %2 is not available").arg(QLatin1String(from), QLatin1String(to));
        return std::nullopt;
    }
    QByteArray out;
    out.resize(bytes.size() * 4 + 16);
    QByteArray in = bytes;
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    std::optional<QByteArray> result;
    const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    if (rc == size_t(-1)) {
        *problem = QStringLiteral("byte %1 is not valid %2").arg(qsizetype(inPtr - in.data())).arg(QLatin1String(from));
    } else {
        out.resize(out.size() - qsizetype(outLeft));
        result = out;
    }
    iconv_close(cd);
    return result;
}

} // namespace

Result<QString> decode(const QByteArray &bytes, const QByteArray &charset)
{
    if (isUtf8(charset) || charset.isEmpty()) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder(bytes);
        if (decoder.hasError())
            return Error { QStringLiteral("news.encoding"), QStringLiteral("The page is not valid UTF-8.") };
        return text;
    }
    const QByteArray from = isKoreanCharset(charset) ? QByteArray("CP949") : charset.toUpper();
    QString problem;
    const auto utf8 = convert(bytes, from.constData(), "UTF-8", &problem);
    if (!utf8)
        return Error { QStringLiteral("news.encoding"), QStringLiteral("Could not decode the page: %1.").arg(problem) };
    return QString::fromUtf8(*utf8);
}

Result<QByteArray> encode(const QString &text, const QByteArray &charset)
{
    if (isUtf8(charset) || charset.isEmpty())
        return text.toUtf8();
    const QByteArray to = isKoreanCharset(charset) ? QByteArray("CP949") : charset.toUpper();
    QString problem;
    const auto bytes = convert(text.toUtf8(), "UTF-8", to.constData(), &problem);
    if (!bytes)
        return Error { QStringLiteral("news.encoding"), QStringLiteral("Could not encode the text: %1.").arg(problem) };
    return *bytes;
}

} // namespace NewsText
