// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldreader.h"

#include "realtimescan.h"

using Kiwoom::Direction;

namespace {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Only spaces and tabs (what the wire pads with): an absent value.
template<typename View> bool isBlank(View s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const auto c = s[i];
        if (c != QLatin1Char(' ') && c != QLatin1Char('\t'))
            return false;
    }
    return true;
}

} // namespace

FieldReader::FieldReader(const QJsonObject &object, const QString &apiId, const QString &context)
    : m_object(object), m_apiId(apiId), m_context(context)
{
}

FieldReader::FieldReader(
    const QJsonObject &object, const QString &apiId, QLatin1StringView contextHead, const QString &contextItem)
    : m_object(object), m_apiId(apiId), m_contextHead(contextHead), m_contextItem(contextItem)
{
}

FieldReader::FieldReader(
    const Kiwoom::Scan::Object &object, const QString &apiId, QLatin1StringView contextHead, const QString &contextItem)
    : m_scanned(&object), m_apiId(apiId), m_contextHead(contextHead), m_contextItem(contextItem)
{
}

const QString &FieldReader::context() const
{
    if (m_context.isNull() && !m_contextHead.isNull()) {
        m_context = m_contextItem.isEmpty() ? QString(m_contextHead)
                                            : QString(m_contextHead + QLatin1Char(' ') + m_contextItem);
    }
    return m_context;
}

bool FieldReader::has(QLatin1String key) const
{
    return m_scanned ? m_scanned->contains(key) : m_object.contains(key);
}

void FieldReader::fail(const QString &fieldPath, const QString &why)
{
    if (m_readAll) {
        m_failedFields << fieldPath;
        m_problems << (fieldPath.isEmpty() ? why : QString(fieldPath + QStringLiteral(": ") + why));
    }
    if (m_failed)
        return;
    m_failed = true;
    m_error = KiwoomError::make(KiwoomError::Kind::Parse, m_apiId,
        fieldPath.isEmpty() ? QString(context() + QStringLiteral(": ") + why)
                            : QString(context() + QLatin1Char('.') + fieldPath + QStringLiteral(": ") + why));
}

bool FieldReader::fetch(QLatin1String key, Need need, Text *text)
{
    if (stopped())
        return false;
    if (m_scanned) {
        const Kiwoom::Scan::Str *s = m_scanned->find(key);
        if (!s) {
            if (need == Need::Required)
                fail(QString(key), QStringLiteral("missing"));
            return false;
        }
        // The scanner only lets strings through: everything else goes the QJsonObject way.
        if (s->plain) {
            text->ascii = s->latin1();
            text->isAscii = true;
            if (isBlank(text->ascii)) {
                if (need == Need::Required)
                    fail(QString(key), QStringLiteral("empty"));
                return false;
            }
            return true;
        }
        m_current = s->toString();
    } else {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (need == Need::Required)
                fail(QString(key), QStringLiteral("missing"));
            return false;
        }
        if (!v.isString()) {
            const QString why = QStringLiteral("expected a string, got ") + jsonTypeName(v);
            if (need == Need::Lenient)
                m_warnings << context() + QLatin1Char('.') + QString(key) + QStringLiteral(": ") + why;
            else
                fail(QString(key), why);
            return false;
        }
        m_current = v.toString();
    }
    text->utf16 = m_current;
    text->isAscii = false;
    if (isBlank(text->utf16)) {
        if (need == Need::Required)
            fail(QString(key), QStringLiteral("empty"));
        return false;
    }
    return true;
}

void FieldReader::malformed(QLatin1String key, Need need, const Error &why)
{
    if (need == Need::Lenient)
        m_warnings << context() + QLatin1Char('.') + QString(key) + QStringLiteral(": ") + why.message;
    else
        fail(QString(key), why.message);
}

template<typename T, typename Parse> T FieldReader::typed(QLatin1String key, Need need, T fallback, Parse &&parse)
{
    Text t;
    if (!fetch(key, need, &t))
        return fallback;
    const auto r = t.isAscii ? parse(t.ascii) : parse(t.utf16);
    if (!r) {
        malformed(key, need, r.error());
        return fallback;
    }
    return *r;
}

QString FieldReader::text(QLatin1String key, Need need)
{
    Text t;
    if (!fetch(key, need, &t))
        return QString();
    return t.isAscii ? QString(t.ascii) : m_current;
}

qint64 FieldReader::integer(QLatin1String key, Need need)
{
    return typed(key, need, qint64(0), [](auto s) { return Kiwoom::parseInteger(s); });
}

qint64 FieldReader::price(QLatin1String key, Need need, Direction *direction)
{
    if (direction)
        *direction = Direction::Unchanged;
    const Kiwoom::SignedMagnitude r
        = typed(key, need, Kiwoom::SignedMagnitude {}, [](auto s) { return Kiwoom::parseSignedMagnitude(s); });
    if (direction)
        *direction = r.direction;
    return r.magnitude;
}

double FieldReader::decimal(QLatin1String key, Need need)
{
    return typed(key, need, 0.0, [](auto s) { return Kiwoom::parseDecimal(s); });
}

Kiwoom::ChangeSign FieldReader::changeSign(QLatin1String key, Need need)
{
    return typed(key, need, Kiwoom::ChangeSign::None, [](auto s) { return Kiwoom::parseChangeSign(s); });
}

QDate FieldReader::date(QLatin1String key, Need need)
{
    return typed(key, need, QDate(), [](auto s) { return Kiwoom::parseDate(s); });
}

qint64 FieldReader::dateTimeMs(QLatin1String key, Need need)
{
    return typed(key, need, qint64(0), [](auto s) { return Kiwoom::parseKstDateTime(s); });
}

qint64 FieldReader::timeNearMs(QLatin1String key, qint64 referenceMs, Need need)
{
    return typed(key, need, qint64(0), [referenceMs](auto s) { return Kiwoom::parseKstTimeNear(s, referenceMs); });
}

QString FieldReader::code(QLatin1String key, Need need)
{
    Text t;
    if (!fetch(key, need, &t))
        return QString();
    const auto r = t.isAscii ? Kiwoom::normalizeCode(t.ascii) : Kiwoom::normalizeCode(m_current);
    if (!r) {
        malformed(key, need, r.error());
        return QString();
    }
    return *r;
}
