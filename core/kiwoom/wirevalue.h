// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>
#include <QStringView>
#include <QTime>

// The one parser for the value formats Kiwoom puts in its JSON strings (protocol §3.1). Every TR
// parser, the realtime parser and the condition search use these functions and nothing else, so a
// format quirk is handled once:
//   integers   "+53500", "-20800", "-0", " 67300" (leading space), "000000017534" (zero padded),
//              "-00000163958" (sign inside the padded width), "000075000", "-00000100"
//   decimals   "+0.94", "-30.00", "97602.9573459", "-43.8977", "46.25"
//   dates      "20250908" (YYYYMMDD), times "130429" (HHmmss), stamps "20250917132000" (KST)
//   codes      "A005930" / "J..." / "Q..." (account replies) -> "005930"
// Anything else — empty text, letters, a second sign, a lone sign, "1.", ".5", exponents, commas,
// out-of-range numbers — is an error (code "kiwoom.parse"), never a guessed number.
namespace Kiwoom {

// The direction a leading sign carries: for prices it is the move against the base price
// (previous close), not the sign of the price. No sign means unchanged.
enum class Direction : qint8
{
    Unchanged = 0,
    Up = 1,
    Down = -1,
};

// Change sign code (대비기호): pre_sig, pred_pre_sig, FID 25. "0" appears in some examples.
enum class ChangeSign : qint8
{
    None = 0,
    UpperLimit = 1, // 상한가
    Up = 2, // 상승
    Unchanged = 3, // 보합
    LowerLimit = 4, // 하한가
    Down = 5, // 하락
};

struct SignedMagnitude
{
    qint64 magnitude = 0; // absolute value, always >= 0
    Direction direction = Direction::Unchanged; // '+' Up, '-' Down, none Unchanged
};

// Each parser comes in two overloads with the same rules and the same messages: QStringView for
// UTF-16 text (QJsonObject values, REST replies) and QLatin1StringView for plain ASCII bytes read
// straight from a realtime frame's UTF-8 text (realtimescan.h); one template implements both.

// Signed integer; padding, a leading '+'/'-' and surrounding spaces are accepted ("-0" is 0).
Result<qint64> parseInteger(QStringView text);
Result<qint64> parseInteger(QLatin1StringView text);
// The same digits split into magnitude and sign: what every price field needs.
Result<SignedMagnitude> parseSignedMagnitude(QStringView text);
Result<SignedMagnitude> parseSignedMagnitude(QLatin1StringView text);
// Decimal with optional sign and fraction; no exponent, no locale.
Result<double> parseDecimal(QStringView text);
Result<double> parseDecimal(QLatin1StringView text);

// "0".."5" -> ChangeSign; anything else is an error.
Result<ChangeSign> parseChangeSign(QStringView text);
Result<ChangeSign> parseChangeSign(QLatin1StringView text);

Result<QDate> parseDate(QStringView text); // YYYYMMDD
Result<QDate> parseDate(QLatin1StringView text);
Result<QTime> parseTime(QStringView text); // HHmmss
Result<QTime> parseTime(QLatin1StringView text);
// YYYYMMDDHHmmss in KST -> UTC epoch ms.
Result<qint64> parseKstDateTime(QStringView text);
Result<qint64> parseKstDateTime(QLatin1StringView text);
// HHmmss in KST on the KST calendar day nearest to referenceMs (UTC epoch ms): a time more than
// 12 h ahead of the reference belongs to the previous day, more than 12 h behind to the next.
Result<qint64> parseKstTimeNear(QStringView text, qint64 referenceMs);
Result<qint64> parseKstTimeNear(QLatin1StringView text, qint64 referenceMs);

// Stock code as the app uses it: 6 characters [0-9A-Z]. Strips the account-reply prefix (A stock,
// J ELW, Q ETN) of a 7-character code and an exchange suffix ("_NX", "_AL").
Result<QString> normalizeCode(QStringView text);
Result<QString> normalizeCode(QLatin1StringView text);
// The same; a text that already is a plain code is returned itself (shared, no copy).
Result<QString> normalizeCode(const QString &text);

} // namespace Kiwoom
