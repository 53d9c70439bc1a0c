// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "indicators/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

// Reads candle CSV files for the command-line tools (`kiwoom-trader indicators`, `... backtest`).
//
// Format: a header line naming the columns, then one candle per line. Required columns (any order,
// names case-insensitive, extra columns ignored): time,open,high,low,close,volume.
// - time: ISO-8601 with a UTC offset, e.g. 2024-01-02T09:00:00+09:00 or ...T00:00:00Z (seconds and
//   a fraction are optional, 'T' may be a space); strictly increasing from row to row.
// - open/high/low/close/volume: finite decimal numbers >= 0 (a leading '+' is allowed), with
//   low <= open, close <= high.
// Fields may be wrapped in double quotes (without commas inside) and surrounded by spaces; blank
// lines are skipped; CRLF and a UTF-8 BOM are accepted. Anything else is an Error whose message names
// the (1-based) line: "line 7: high 99 is below low 100". Codes: csv.io, csv.header, csv.value,
// csv.order.
namespace CandleCsv {

class Table
{
public:
    std::vector<Indicators::Bar> bars; // timeMs = the parsed time in UTC epoch ms
    std::vector<int> lineNumbers; // the file line of each bar

    qsizetype size() const { return qsizetype(bars.size()); }
    // The time field of row i as written (trimmed, unquoted), for tools that echo it.
    QByteArrayView timeText(qsizetype i) const
    {
        return QByteArrayView(m_timeTexts)
            .sliced(m_timeStarts[size_t(i)], m_timeStarts[size_t(i) + 1] - m_timeStarts[size_t(i)]);
    }

private:
    friend Result<Table> parse(QByteArrayView csv);
    QByteArray m_timeTexts;
    std::vector<qsizetype> m_timeStarts { 0 }; // row i's text is [m_timeStarts[i], m_timeStarts[i+1])
};

Result<Table> parse(QByteArrayView csv);
Result<Table> readFile(const QString &path);

// ISO-8601 date-time with an explicit offset (see above) to UTC epoch ms; nullopt when malformed,
// out of range (month 13, Feb 30, 24:00) or without an offset.
std::optional<qint64> parseIsoTime(QByteArrayView text);

} // namespace CandleCsv
