// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "indicators/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <functional>
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
//
// Numbers are read exactly: every value is the double nearest to the decimal written (what
// std::from_chars gives; plain integers and short decimals take an equal, faster path).
// Files are read in blocks of 256 KiB and parsed as they come, so the text is never held in memory
// as a whole; FileReader streams the rows without keeping them. parse(), readFile() and FileReader
// accept and refuse exactly the same inputs with the same messages. Nothing here is tied to a thread;
// one reader is used by one thread at a time.
namespace CandleCsv {

class Parser;

// One data row as read.
struct Row
{
    Indicators::Bar bar; // timeMs = the parsed time in UTC epoch ms
    QByteArrayView timeText; // the time field as written (trimmed, unquoted); valid during the callback only
    int lineNumber = 0; // 1-based line of the file
};

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
    friend class Parser;
    QByteArray m_timeTexts;
    std::vector<qsizetype> m_timeStarts { 0 }; // row i's text is [m_timeStarts[i], m_timeStarts[i+1])
};

Result<Table> parse(QByteArrayView csv);
Result<Table> readFile(const QString &path);

// Reads a candle file row by row for tools that stream (`kiwoom-trader indicators`): each row goes to
// a callback as soon as its block is parsed, and nothing is kept. A row handed over was valid and in
// order with the rows before it; a bad line later in the file is still reported by readRows(), so a
// caller that must not act on bad input buffers its effects until readRows() returned ok.
class FileReader
{
public:
    using RowFn = std::function<void(const Row &)>;

    // csv.io when the file cannot be opened for reading.
    Status open(const QString &path);
    // Hands every data row to onRow in file order and returns ok at the end of the file; stops at the
    // first bad line (csv.header, csv.value, csv.order) or read error (csv.io) and returns it.
    Status readRows(const RowFn &onRow);
    // The file's size in bytes (after open()).
    qint64 size() const { return m_file.size(); }

private:
    QFile m_file;
    QString m_path;
};

// ISO-8601 date-time with an explicit offset (see above) to UTC epoch ms; nullopt when malformed,
// out of range (month 13, Feb 30, 24:00) or without an offset.
std::optional<qint64> parseIsoTime(QByteArrayView text);

} // namespace CandleCsv
