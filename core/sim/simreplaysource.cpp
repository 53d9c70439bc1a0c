// SPDX-License-Identifier: GPL-3.0-or-later
#include "simreplaysource.h"

#include "simsourceparse.h"

#include "market/krx.h"
#include "recorder/recordingreader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <map>

using namespace Qt::StringLiterals;

namespace {

std::optional<qint64> hhmmToUtc(const QDate &date, int hhmm)
{
    if (hhmm < 0)
        return std::nullopt;
    return Krx::fromKst(date, QTime(hhmm / 100, hhmm % 100));
}

bool validHhmm(int hhmm)
{
    return hhmm == -1 || (hhmm >= 0 && hhmm / 100 < 24 && hhmm % 100 < 60);
}

} // namespace

Result<std::unique_ptr<SimReplaySource>> SimReplaySource::load(const QString &path, int fromHhmm, int toHhmm)
{
    if (!validHhmm(fromHhmm) || !validHhmm(toHhmm) || (fromHhmm >= 0 && toHhmm >= 0 && fromHhmm >= toHhmm))
        return Error { QStringLiteral("replay.bad_time"),
            QStringLiteral("--from/--to must be HHMM (KST) with from before to") };
    RecordingReader reader;
    if (const Status s = reader.open(path); !s)
        return s.error();
    std::unique_ptr<SimReplaySource> src(new SimReplaySource);
    struct StockSeen
    {
        qint64 base = 0;
        qint64 fallbackPrice = 0;
        qint64 volume = 0;
        QString name;
        int order = 0;
    };
    std::map<QString, StockSeen> seen;
    auto see = [&](const QString &code) -> StockSeen & {
        auto it = seen.find(code);
        if (it == seen.end()) {
            it = seen.emplace(code, StockSeen {}).first;
            it->second.order = int(seen.size());
        }
        return it->second;
    };
    QHash<QString, QString> names; // condition seq -> name
    QStringList conditionOrder;
    auto noteCondition = [&](const QString &seq, const QString &name) {
        if (!names.contains(seq))
            conditionOrder << seq;
        if (!name.isEmpty() || !names.contains(seq))
            names.insert(seq, name);
    };

    Recording::Record r;
    while (reader.next(&r)) {
        if (!src->m_date.isValid() && r.kind == Recording::Kind::RealtimeFrame)
            src->m_date = Krx::kstDate(r.timeMs);
        if (r.kind == Recording::Kind::ConditionResult) {
            const QJsonObject o = QJsonDocument::fromJson(r.data).object();
            SimSourceEvent e;
            e.kind = SimSourceEvent::Kind::ConditionResult;
            e.timeMs = r.timeMs;
            e.seq = o.value(u"seq").toString();
            for (const QJsonValue &v : o.value(u"codes").toArray()) {
                e.codes << Sim::sourceStockCode(v.toString());
                see(e.codes.last());
            }
            noteCondition(e.seq, o.value(u"name").toString());
            if (!src->m_initialMembers.contains(e.seq))
                src->m_initialMembers.insert(e.seq, e.codes);
            src->m_events.append(e);
            continue;
        }
        if (r.kind == Recording::Kind::RestReply) {
            // Names (and a price for stocks never traded in the recording) from ka10001.
            const QJsonObject o = QJsonDocument::fromJson(r.data).object();
            {
                RecordedRest rest;
                rest.timeMs = r.timeMs;
                rest.apiId = o.value(u"api_id").toString();
                rest.requestKey = QJsonDocument(o.value(u"request").toObject()).toJson(QJsonDocument::Compact);
                for (const QJsonValue &p : o.value(u"pages").toArray())
                    rest.pages << QJsonDocument(p.toObject()).toJson(QJsonDocument::Compact);
                if (!rest.pages.isEmpty())
                    src->m_rest << rest;
            }
            if (o.value(u"api_id").toString() == u"ka10001") {
                const QJsonObject page = o.value(u"pages").toArray().at(0).toObject();
                const QString code = Sim::sourceStockCode(page.value(u"stk_cd").toString());
                if (!code.isEmpty()) {
                    StockSeen &s = see(code);
                    s.name = page.value(u"stk_nm").toString();
                    if (s.fallbackPrice == 0)
                        s.fallbackPrice = std::llabs(page.value(u"cur_prc").toString().toLongLong());
                }
            }
            continue;
        }
        if (r.kind != Recording::Kind::RealtimeFrame)
            continue;
        const QJsonObject frame = QJsonDocument::fromJson(r.data).object();
        const QString trnm = frame.value(u"trnm").toString();
        if (trnm == u"CNSRLST") {
            for (const QJsonValue &v : frame.value(u"data").toArray()) {
                const QJsonArray pair = v.toArray();
                if (pair.size() >= 2)
                    noteCondition(pair.at(0).toString(), pair.at(1).toString());
            }
            continue;
        }
        if (trnm != u"REAL")
            continue;
        for (const QJsonValue &v : frame.value(u"data").toArray()) {
            std::optional<SimSourceEvent> parsed = Sim::sourceEventOf(v.toObject(), r.timeMs);
            if (!parsed)
                continue;
            SimSourceEvent &e = *parsed;
            if (e.kind == SimSourceEvent::Kind::Trade) {
                StockSeen &s = see(e.code);
                if (s.base == 0)
                    s.base = e.basePrice;
                s.volume += e.tick.volume;
                ++src->m_trades;
            } else if (e.kind == SimSourceEvent::Kind::Book) {
                see(e.code);
            } else if (e.kind == SimSourceEvent::Kind::ConditionHit) {
                see(e.code);
                noteCondition(e.seq, QString());
            }
            src->m_events.append(e);
        }
    }
    src->m_tailDamaged = reader.tailDamaged();
    if (!src->m_date.isValid() || src->m_events.isEmpty())
        return Error { QStringLiteral("replay.empty"), QStringLiteral("%1 holds no realtime event").arg(path) };
    // Receive times are in order per writer; keep them so even across an appended restart.
    std::stable_sort(src->m_events.begin(), src->m_events.end(),
        [](const SimSourceEvent &a, const SimSourceEvent &b) { return a.timeMs < b.timeMs; });
    if (const auto to = hhmmToUtc(src->m_date, toHhmm)) {
        while (!src->m_events.isEmpty() && src->m_events.last().timeMs > *to)
            src->m_events.removeLast();
    }
    src->m_startMs
        = hhmmToUtc(src->m_date, fromHhmm).value_or(src->m_events.isEmpty() ? 0 : src->m_events.first().timeMs);
    if (src->m_events.isEmpty() || (fromHhmm >= 0 && src->m_events.last().timeMs < src->m_startMs))
        return Error { QStringLiteral("replay.empty"),
            QStringLiteral("%1 holds no realtime event between --from and --to").arg(path) };
    std::vector<std::pair<int, QString>> ordered;
    for (const auto &[code, s] : seen)
        ordered.emplace_back(s.order, code);
    std::sort(ordered.begin(), ordered.end());
    for (const auto &[order, code] : ordered) {
        const StockSeen &s = seen.at(code);
        SimStockInfo info;
        info.code = code;
        info.name = s.name.isEmpty() ? code : s.name;
        info.refPrice = s.base > 0 ? s.base : (s.fallbackPrice > 0 ? s.fallbackPrice : 1000);
        info.avgVolume = std::max<qint64>(s.volume, 1000);
        info.listedShares = info.avgVolume * 100;
        info.regDay = QStringLiteral("20000101");
        src->m_stocks << info;
    }
    for (const QString &seq : std::as_const(conditionOrder))
        src->m_conditions << qMakePair(
            seq, names.value(seq).isEmpty() ? QStringLiteral("조건 %1").arg(seq) : names.value(seq));
    return src;
}

qint64 SimReplaySource::peekTimeMs(int ahead) const
{
    if (atEnd())
        return -1;
    const qsizetype i = std::min<qsizetype>(m_next + ahead, m_events.size() - 1);
    return m_events.at(i).timeMs;
}

SimSourceEvent SimReplaySource::take()
{
    return m_events.at(m_next++);
}

std::optional<SimTrReply> SimReplaySource::recordedReply(
    const QString &apiId, const QJsonObject &body, const QString &continueKey, qint64 nowMs) const
{
    const bool chart = apiId == u"ka10079" || apiId == u"ka10080" || apiId == u"ka10081";
    if (!chart && apiId != u"ka10001")
        return std::nullopt;
    int index = -1;
    int page = 0;
    if (continueKey.startsWith(u"rec-")) {
        const QStringList parts = continueKey.split(u'-');
        if (parts.size() != 3)
            return std::nullopt;
        index = parts.at(1).toInt();
        page = parts.at(2).toInt();
        if (index < 0 || index >= m_rest.size() || m_rest.at(index).apiId != apiId || page <= 0
            || page >= m_rest.at(index).pages.size())
            return std::nullopt;
    } else if (!continueKey.isEmpty()) {
        return std::nullopt;
    } else {
        const QByteArray key = QJsonDocument(body).toJson(QJsonDocument::Compact);
        int after = -1;
        for (int i = 0; i < m_rest.size(); ++i) {
            const RecordedRest &r = m_rest.at(i);
            if (r.apiId != apiId || r.requestKey != key)
                continue;
            if (r.timeMs <= nowMs)
                index = i;
            else if (after < 0)
                after = i;
        }
        if (!chart) {
            // The reply taken at this instant (a lockstep run starts a millisecond before the
            // recording's first event, so one just after counts too).
            if (index < 0 || nowMs - m_rest.at(index).timeMs >= 1000)
                index = after >= 0 && m_rest.at(after).timeMs - nowMs < 1000 ? after : -1;
            if (index < 0)
                return std::nullopt;
        } else if (index < 0 && after >= 0 && m_rest.at(after).timeMs - nowMs <= 60'000) {
            index = after;
        }
        if (index < 0)
            return std::nullopt;
    }
    const RecordedRest &r = m_rest.at(index);
    QJsonObject data = QJsonDocument::fromJson(r.pages.at(page)).object();
    SimTrReply reply;
    reply.returnCode = data.value(u"return_code").toInt();
    reply.returnMsg = data.value(u"return_msg").toString();
    data.remove(u"return_code"_s);
    data.remove(u"return_msg"_s);
    reply.data = data;
    reply.more = page + 1 < r.pages.size();
    if (reply.more)
        reply.nextKey = u"rec-%1-%2"_s.arg(index).arg(page + 1);
    return reply;
}
