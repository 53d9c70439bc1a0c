// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"
#include "wirevalue.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QStringList>

namespace Kiwoom::Scan {
class Object;
}

// FieldReader reads typed fields out of one JSON object of a Kiwoom reply (a flat TR body, one row
// of a list, or the "values" of a realtime entry) with the wire-value parsers, and keeps the first
// problem as a KiwoomError of kind Parse whose message names the TR and the field:
//   ka10081 stk_dt_pole_chart_qry[3].cur_prc: not a number: "12a"
// Every value on the wire is a JSON string; a number, bool, object or null where a string belongs
// is an error too. After the first error every getter returns its default, so a parser reads all
// fields straight through and checks ok() once at the end.
//
// Need says what an absent or empty field means:
//   Required  missing/empty -> error
//   Optional  missing/empty -> default (0, "", invalid date); malformed -> error
//   Lenient   missing/empty/malformed -> default, malformed adds a warning (descriptive fields whose
//             format varies in the wild, e.g. PER/ROE; never used for prices, quantities or money)
//
// The object is a QJsonObject or, on the realtime fast path, a Kiwoom::Scan::Object read straight
// from the frame text (realtimescan.h); both give the same values and the same messages for the
// same fields. Plain ASCII values of a scanned object are parsed in place, without a QString.
//
// By default reading stops at the first problem (ok() false, every later getter returns its
// default). setReadAll(true) is for notices that must not be lost (realtime 00/04): every field is
// still read, each one that fails is listed in failedFields() with its reason in problems(), and
// error() stays the first problem.
//
// A value type used on one thread at a time.
class FieldReader
{
public:
    enum class Need
    {
        Required,
        Optional,
        Lenient,
    };

    FieldReader(const QJsonObject &object, const QString &apiId, const QString &context);
    // The context "<head> <item>" ("REAL 0B 005930"; just "<head>" when item is empty) is only
    // formatted when a message needs it: reading a clean realtime entry formats no string. The
    // head must outlive the reader (a literal).
    FieldReader(
        const QJsonObject &object, const QString &apiId, QLatin1StringView contextHead, const QString &contextItem);
    FieldReader(const Kiwoom::Scan::Object &object, const QString &apiId, QLatin1StringView contextHead,
        const QString &contextItem);

    QString text(QLatin1String key, Need need = Need::Optional);
    // Signed integer (account money, changes, signed quantities).
    qint64 integer(QLatin1String key, Need need = Need::Optional);
    // Price: absolute value; the sign's direction goes to *direction when given.
    qint64 price(QLatin1String key, Need need = Need::Optional, Kiwoom::Direction *direction = nullptr);
    double decimal(QLatin1String key, Need need = Need::Optional);
    Kiwoom::ChangeSign changeSign(QLatin1String key, Need need = Need::Optional);
    QDate date(QLatin1String key, Need need = Need::Optional);
    // YYYYMMDDHHmmss KST -> UTC epoch ms (0 when absent).
    qint64 dateTimeMs(QLatin1String key, Need need = Need::Optional);
    // HHmmss KST on the day nearest referenceMs -> UTC epoch ms (0 when absent).
    qint64 timeNearMs(QLatin1String key, qint64 referenceMs, Need need = Need::Optional);
    // Normalized 6-character stock code ("A005930" -> "005930").
    QString code(QLatin1String key, Need need = Need::Optional);
    bool has(QLatin1String key) const;

    // Records a problem found by the caller (e.g. a list that is not an array).
    void fail(const QString &fieldPath, const QString &why);

    // Go on reading after a field failed (see above). Set before the first getter.
    void setReadAll(bool readAll) { m_readAll = readAll; }
    bool ok() const { return !m_failed; }
    const KiwoomError &error() const { return m_error; }
    // With setReadAll(true): the fields that failed, in the order read, and "<field>: <why>" for
    // each (without the context).
    const QStringList &failedFields() const { return m_failedFields; }
    const QStringList &problems() const { return m_problems; }
    const QStringList &warnings() const { return m_warnings; }
    const QString &apiId() const { return m_apiId; }
    const QString &context() const;

private:
    // A field's text as found: UTF-16 (a QJsonObject value, or a scanned value with escapes or
    // non-ASCII bytes, decoded; kept alive in m_current) or plain ASCII bytes of the frame.
    struct Text
    {
        QStringView utf16;
        QLatin1StringView ascii;
        bool isAscii = false;
    };

    // The field's text; false when absent/empty (an error when Required) or not a string (an
    // error, a warning when Lenient), or when reading has stopped.
    bool fetch(QLatin1String key, Need need, Text *text);
    template<typename T, typename Parse> T typed(QLatin1String key, Need need, T fallback, Parse &&parse);
    void malformed(QLatin1String key, Need need, const Error &why);
    bool stopped() const { return m_failed && !m_readAll; }

    QJsonObject m_object; // implicitly shared: a copy costs a reference count
    const Kiwoom::Scan::Object *m_scanned = nullptr;
    QString m_current;
    QString m_apiId;
    mutable QString m_context;
    QLatin1StringView m_contextHead;
    QString m_contextItem;
    bool m_readAll = false;
    bool m_failed = false;
    KiwoomError m_error;
    QStringList m_failedFields;
    QStringList m_problems;
    QStringList m_warnings;
};
