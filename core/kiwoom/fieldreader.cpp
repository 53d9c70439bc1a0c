// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldreader.h"

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

} // namespace

FieldReader::FieldReader(const QJsonObject &object, const QString &apiId, const QString &context)
    : m_object(object), m_apiId(apiId), m_context(context)
{
}

bool FieldReader::has(QLatin1String key) const
{
    return m_object.contains(key);
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
        fieldPath.isEmpty() ? QString(m_context + QStringLiteral(": ") + why)
                            : QString(m_context + QLatin1Char('.') + fieldPath + QStringLiteral(": ") + why));
}

QString FieldReader::raw(QLatin1String key, Need need, bool *present)
{
    *present = false;
    if (m_failed && !m_readAll)
        return {};
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (need == Need::Required)
            fail(QString(key), QStringLiteral("missing"));
        return {};
    }
    if (!v.isString()) {
        const QString why = QStringLiteral("expected a string, got ") + jsonTypeName(v);
        if (need == Need::Lenient)
            m_warnings << m_context + QLatin1Char('.') + QString(key) + QStringLiteral(": ") + why;
        else
            fail(QString(key), why);
        return {};
    }
    QString s = v.toString();
    bool blank = true;
    for (const QChar c : std::as_const(s)) {
        if (c != u' ' && c != u'\t') {
            blank = false;
            break;
        }
    }
    if (blank) {
        if (need == Need::Required)
            fail(QString(key), QStringLiteral("empty"));
        return {};
    }
    *present = true;
    return s;
}

void FieldReader::malformed(QLatin1String key, Need need, const Error &why)
{
    if (need == Need::Lenient)
        m_warnings << m_context + QLatin1Char('.') + QString(key) + QStringLiteral(": ") + why.message;
    else
        fail(QString(key), why.message);
}

QString FieldReader::text(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    return present ? s : QString();
}

qint64 FieldReader::integer(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return 0;
    const auto r = Kiwoom::parseInteger(s);
    if (!r) {
        malformed(key, need, r.error());
        return 0;
    }
    return *r;
}

qint64 FieldReader::price(QLatin1String key, Need need, Direction *direction)
{
    if (direction)
        *direction = Direction::Unchanged;
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return 0;
    const auto r = Kiwoom::parseSignedMagnitude(s);
    if (!r) {
        malformed(key, need, r.error());
        return 0;
    }
    if (direction)
        *direction = r->direction;
    return r->magnitude;
}

double FieldReader::decimal(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return 0;
    const auto r = Kiwoom::parseDecimal(s);
    if (!r) {
        malformed(key, need, r.error());
        return 0;
    }
    return *r;
}

Kiwoom::ChangeSign FieldReader::changeSign(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return Kiwoom::ChangeSign::None;
    const auto r = Kiwoom::parseChangeSign(s);
    if (!r) {
        malformed(key, need, r.error());
        return Kiwoom::ChangeSign::None;
    }
    return *r;
}

QDate FieldReader::date(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return {};
    const auto r = Kiwoom::parseDate(s);
    if (!r) {
        malformed(key, need, r.error());
        return {};
    }
    return *r;
}

qint64 FieldReader::dateTimeMs(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return 0;
    const auto r = Kiwoom::parseKstDateTime(s);
    if (!r) {
        malformed(key, need, r.error());
        return 0;
    }
    return *r;
}

qint64 FieldReader::timeNearMs(QLatin1String key, qint64 referenceMs, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return 0;
    const auto r = Kiwoom::parseKstTimeNear(s, referenceMs);
    if (!r) {
        malformed(key, need, r.error());
        return 0;
    }
    return *r;
}

QString FieldReader::code(QLatin1String key, Need need)
{
    bool present = false;
    const QString s = raw(key, need, &present);
    if (!present)
        return {};
    const auto r = Kiwoom::normalizeCode(s);
    if (!r) {
        malformed(key, need, r.error());
        return {};
    }
    return *r;
}
