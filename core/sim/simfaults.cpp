// SPDX-License-Identifier: GPL-3.0-or-later
#include "simfaults.h"

#include "market/krx.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTime>

namespace {

std::optional<SimFaults::Kind> kindFromName(const QString &name)
{
    using K = SimFaults::Kind;
    static const QList<QPair<QString, K>> names = {
        { QStringLiteral("http5xx"), K::Http5xx },
        { QStringLiteral("5xx"), K::Http5xx },
        { QStringLiteral("timeout"), K::Timeout },
        { QStringLiteral("noreply"), K::Timeout },
        { QStringLiteral("delay"), K::Delay },
        { QStringLiteral("slow"), K::Delay },
        { QStringLiteral("ratelimit"), K::RateLimit },
        { QStringLiteral("429"), K::RateLimit },
        { QStringLiteral("token-expiry"), K::TokenExpiry },
        { QStringLiteral("expire"), K::TokenExpiry },
        { QStringLiteral("malformed"), K::Malformed },
        { QStringLiteral("ws-drop"), K::WsDrop },
        { QStringLiteral("drop"), K::WsDrop },
        { QStringLiteral("ws-duplicate"), K::WsDuplicate },
        { QStringLiteral("duplicate"), K::WsDuplicate },
        { QStringLiteral("dup"), K::WsDuplicate },
        { QStringLiteral("ws-reorder"), K::WsReorder },
        { QStringLiteral("reorder"), K::WsReorder },
        { QStringLiteral("ws-malformed"), K::WsMalformed },
        { QStringLiteral("ws-garbage"), K::WsMalformed },
    };
    for (const auto &n : names) {
        if (n.first == name)
            return n.second;
    }
    return std::nullopt;
}

Error bad(const QString &rule, const QString &why)
{
    return Error { QStringLiteral("sim.faults"), QStringLiteral("fault rule \"%1\": %2").arg(rule, why) };
}

} // namespace

SimFaults::SimFaults(quint64 seed) : m_rng(SimRandom::hash({ seed, 0xFA0175 })) { }

QString SimFaults::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Http5xx:
        return QStringLiteral("http5xx");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Delay:
        return QStringLiteral("delay");
    case Kind::RateLimit:
        return QStringLiteral("ratelimit");
    case Kind::TokenExpiry:
        return QStringLiteral("token-expiry");
    case Kind::Malformed:
        return QStringLiteral("malformed");
    case Kind::WsDrop:
        return QStringLiteral("ws-drop");
    case Kind::WsDuplicate:
        return QStringLiteral("ws-duplicate");
    case Kind::WsReorder:
        return QStringLiteral("ws-reorder");
    case Kind::WsMalformed:
        return QStringLiteral("ws-malformed");
    }
    return {};
}

Result<QList<SimFaults::Rule>> SimFaults::parse(const QString &spec, qint64 virtualNowMs)
{
    QList<Rule> rules;
    const QStringList parts = spec.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &rawRule : parts) {
        const QString ruleText = rawRule.trimmed();
        if (ruleText.isEmpty())
            continue;
        const QStringList items = ruleText.split(QLatin1Char(','));
        const auto kind = kindFromName(items.first().trimmed().toLower());
        if (!kind)
            return bad(ruleText, QStringLiteral("unknown fault kind \"%1\"").arg(items.first().trimmed()));
        Rule rule;
        rule.kind = *kind;
        rule.text = ruleText;
        bool countGiven = false;
        for (int i = 1; i < items.size(); ++i) {
            const QString item = items.at(i).trimmed();
            const int eq = item.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return bad(ruleText, QStringLiteral("option \"%1\" is not name=value").arg(item));
            const QString name = item.left(eq).trimmed().toLower();
            const QString value = item.mid(eq + 1).trimmed();
            bool ok = false;
            if (name == QLatin1String("rate")) {
                rule.rate = value.toDouble(&ok);
                if (!ok || rule.rate <= 0 || rule.rate > 1)
                    return bad(ruleText, QStringLiteral("rate must be in (0, 1]"));
            } else if (name == QLatin1String("count")) {
                rule.count = value.toInt(&ok);
                if (!ok || rule.count < 1)
                    return bad(ruleText, QStringLiteral("count must be a positive integer"));
                countGiven = true;
            } else if (name == QLatin1String("after")) {
                rule.after = value.toInt(&ok);
                if (!ok || rule.after < 0)
                    return bad(ruleText, QStringLiteral("after must be a non-negative integer"));
            } else if (name == QLatin1String("at")) {
                static const QRegularExpression digits(QStringLiteral("^\\d+$"));
                if (!digits.match(value).hasMatch())
                    return bad(ruleText, QStringLiteral("at must be HHMM, HHMMSS or YYYYMMDDHHmmss"));
                if (value.size() == 4 || value.size() == 6) {
                    const QTime t = QTime::fromString(
                        value, value.size() == 4 ? QStringLiteral("HHmm") : QStringLiteral("HHmmss"));
                    if (!t.isValid())
                        return bad(ruleText, QStringLiteral("invalid time \"%1\"").arg(value));
                    rule.atMs = Krx::fromKst(Krx::kstDate(virtualNowMs), t);
                } else if (value.size() == 14) {
                    const QDateTime dt = QDateTime::fromString(value, QStringLiteral("yyyyMMddHHmmss"));
                    if (!dt.isValid())
                        return bad(ruleText, QStringLiteral("invalid date-time \"%1\"").arg(value));
                    rule.atMs = Krx::fromKst(dt.date(), dt.time());
                } else {
                    return bad(ruleText, QStringLiteral("at must be HHMM, HHMMSS or YYYYMMDDHHmmss"));
                }
            } else if (name == QLatin1String("api")) {
                rule.apis = value.split(QLatin1Char('|'), Qt::SkipEmptyParts);
                for (QString &api : rule.apis)
                    api = api.trimmed().toLower();
            } else if (name == QLatin1String("status")) {
                rule.status = value.toInt(&ok);
                if (!ok || rule.status < 500 || rule.status > 599)
                    return bad(ruleText, QStringLiteral("status must be a 5xx code"));
            } else if (name == QLatin1String("when")) {
                if (value.compare(QLatin1String("after"), Qt::CaseInsensitive) == 0)
                    rule.afterTr = true;
                else if (value.compare(QLatin1String("before"), Qt::CaseInsensitive) != 0)
                    return bad(ruleText, QStringLiteral("when must be before or after"));
            } else if (name == QLatin1String("ms")) {
                rule.holdMs = value.toInt(&ok);
                if (!ok || rule.holdMs < 0)
                    return bad(ruleText, QStringLiteral("ms must be a non-negative integer"));
            } else {
                return bad(ruleText, QStringLiteral("unknown option \"%1\"").arg(name));
            }
        }
        if (!countGiven && rule.rate > 0)
            rule.count = -1;
        if (rule.isMoment())
            rule.count = 1; // a moment happens once
        const bool rest = rule.kind == Kind::Http5xx || rule.kind == Kind::Timeout || rule.kind == Kind::Delay
            || rule.kind == Kind::RateLimit || rule.kind == Kind::Malformed || rule.kind == Kind::TokenExpiry;
        if (!rest && !rule.apis.isEmpty())
            return bad(ruleText, QStringLiteral("api= applies to REST faults only"));
        if (rule.kind != Kind::Http5xx && rule.status != 500)
            return bad(ruleText, QStringLiteral("status= applies to http5xx only"));
        if (rule.kind != Kind::Timeout && rule.kind != Kind::Delay && rule.holdMs >= 0)
            return bad(ruleText, QStringLiteral("ms= applies to timeout and delay only"));
        if (rule.kind == Kind::Delay && rule.holdMs < 0)
            rule.holdMs = 1000;
        if (rule.afterTr && rule.kind != Kind::Http5xx && rule.kind != Kind::Timeout)
            return bad(ruleText, QStringLiteral("when= applies to http5xx and timeout only"));
        rules.append(rule);
    }
    return rules;
}

Status SimFaults::add(const QString &spec, qint64 virtualNowMs)
{
    const auto parsed = parse(spec, virtualNowMs);
    if (!parsed)
        return parsed.error();
    m_rules.append(parsed.value());
    return {};
}

bool SimFaults::consider(Rule &rule, qint64 virtualNowMs)
{
    if (rule.exhausted() || rule.isMoment())
        return false;
    if (rule.atMs > 0 && virtualNowMs < rule.atMs)
        return false;
    ++rule.seen;
    if (rule.seen <= rule.after)
        return false;
    if (rule.rate > 0 && !m_rng.chance(rule.rate))
        return false;
    ++rule.fired;
    return true;
}

std::optional<SimFaults::Rule> SimFaults::onRestRequest(const QString &apiId, qint64 virtualNowMs)
{
    const QString api = apiId.toLower();
    for (Rule &rule : m_rules) {
        switch (rule.kind) {
        case Kind::Http5xx:
        case Kind::Timeout:
        case Kind::Delay:
        case Kind::RateLimit:
        case Kind::Malformed:
        case Kind::TokenExpiry:
            break;
        default:
            continue;
        }
        if (!rule.apis.isEmpty() && !rule.apis.contains(api))
            continue;
        if (consider(rule, virtualNowMs))
            return rule;
    }
    return std::nullopt;
}

bool SimFaults::onFrame(Kind kind, qint64 virtualNowMs)
{
    bool fired = false;
    for (Rule &rule : m_rules) {
        if (rule.kind == kind && consider(rule, virtualNowMs))
            fired = true;
    }
    return fired;
}

QList<SimFaults::Kind> SimFaults::dueMoments(qint64 virtualNowMs)
{
    QList<Kind> due;
    for (Rule &rule : m_rules) {
        if (!rule.isMoment() || rule.exhausted())
            continue;
        if (rule.atMs > 0 && virtualNowMs < rule.atMs)
            continue;
        ++rule.seen;
        ++rule.fired;
        due.append(rule.kind);
    }
    return due;
}

QJsonArray SimFaults::describe() const
{
    QJsonArray out;
    for (const Rule &rule : m_rules) {
        QJsonObject o;
        o.insert(QStringLiteral("kind"), kindName(rule.kind));
        o.insert(QStringLiteral("rule"), rule.text);
        o.insert(QStringLiteral("fired"), rule.fired);
        o.insert(QStringLiteral("seen"), rule.seen);
        o.insert(QStringLiteral("exhausted"), rule.exhausted());
        out.append(o);
    }
    return out;
}
