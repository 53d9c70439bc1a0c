// SPDX-License-Identifier: GPL-3.0-or-later
#include "simsourceparse.h"

#include <cstdlib>

namespace {

qint64 number(const QJsonObject &values, const char *fid)
{
    return values.value(QLatin1String(fid)).toString().trimmed().toLongLong();
}

qint64 absNumber(const QJsonObject &values, const char *fid)
{
    return std::llabs(number(values, fid));
}

} // namespace

namespace Sim {

QString sourceStockCode(QString code)
{
    code = code.trimmed();
    if (code.startsWith(u'A'))
        code.remove(0, 1);
    const qsizetype underscore = code.indexOf(u'_');
    if (underscore > 0)
        code.truncate(underscore);
    return code;
}

std::optional<SimSourceEvent> sourceEventOf(const QJsonObject &entry, qint64 timeMs)
{
    const QString type = entry.value(u"type").toString();
    if (type == u"00" || type == u"04")
        return std::nullopt;
    const QJsonObject values = entry.value(u"values").toObject();
    SimSourceEvent e;
    e.timeMs = timeMs;
    e.type = type;
    e.code = sourceStockCode(entry.value(u"item").toString());
    e.entry = entry;
    if (type == u"0B") {
        e.kind = SimSourceEvent::Kind::Trade;
        const qint64 price = absNumber(values, "10");
        if (e.code.isEmpty() || price <= 0)
            return std::nullopt;
        const QString vol = values.value(u"15").toString().trimmed();
        e.tick = SimTick { timeMs, price, std::max<qint64>(1, std::llabs(vol.toLongLong())), !vol.startsWith(u'-'),
            false };
        e.basePrice = price - number(values, "11");
    } else if (type == u"0D") {
        e.kind = SimSourceEvent::Kind::Book;
        if (e.code.isEmpty())
            return std::nullopt;
        static const char *const askP[10] = { "41", "42", "43", "44", "45", "46", "47", "48", "49", "50" };
        static const char *const bidP[10] = { "51", "52", "53", "54", "55", "56", "57", "58", "59", "60" };
        static const char *const askQ[10] = { "61", "62", "63", "64", "65", "66", "67", "68", "69", "70" };
        static const char *const bidQ[10] = { "71", "72", "73", "74", "75", "76", "77", "78", "79", "80" };
        for (int k = 0; k < 10; ++k) {
            e.book.asks[k] = SimBookLevel { absNumber(values, askP[k]), absNumber(values, askQ[k]) };
            e.book.bids[k] = SimBookLevel { absNumber(values, bidP[k]), absNumber(values, bidQ[k]) };
        }
        e.book.timeMs = timeMs;
    } else if (type == u"02") {
        e.kind = SimSourceEvent::Kind::ConditionHit;
        e.seq = values.value(u"841").toString();
        e.code = sourceStockCode(values.value(u"9001").toString());
        if (e.code.isEmpty())
            e.code = sourceStockCode(entry.value(u"item").toString());
        e.entered = values.value(u"843").toString() != u"D";
    } else {
        e.kind = SimSourceEvent::Kind::Realtime;
    }
    return e;
}

} // namespace Sim
