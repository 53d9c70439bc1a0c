// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoshowcase.h"

#include "storage/autotradesettingsrepository.h"
#include "storage/database.h"
#include "storage/enginestaterepository.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "strategy/strategyregistry.h"

#include "common/clock.h"

#include <QJsonObject>

using namespace Storage;

QString DemoShowcase::stateKey()
{
    return QStringLiteral("demo_seeded");
}

QStringList DemoShowcase::conditionNames()
{
    // 거래량급증 (volume surge), 상승률5%이상 (up 5 % or more), 시가돌파양봉 (above the open, up > 1 %).
    return { QStringLiteral("거래량급증"), QStringLiteral("상승률5%이상"), QStringLiteral("시가돌파양봉") };
}

Result<DemoShowcase::Plan> DemoShowcase::seed(Database &db, const QStringList &watchCodes, const QString &actor)
{
    EngineStateRepository state(db);
    auto seeded = state.get(stateKey());
    if (!seeded)
        return seeded.error();
    if (*seeded)
        return Plan {};
    return db.transaction([&]() -> Result<Plan> {
        AutoTradeSettingsRecord settings;
        settings.enabled = true;
        settings.maxInvestAmount = 1'000'000;
        settings.stopLossRate = 1.0;
        settings.takeProfitRate = 1.5;
        if (auto saved = AutoTradeSettingsRepository(db).save(settings, actor); !saved)
            return saved.error();

        // The default strategies, enabled. The simulated market's reference candles are gentler
        // than the defaults look for, and scalping holds for two minutes at most, so exits come soon.
        const QHash<QString, QJsonObject> overrides {
            { QStringLiteral("reference_candle"),
                QJsonObject { { QStringLiteral("min_rise_pct"), 2.0 }, { QStringLiteral("volume_multiplier"), 1.5 } } },
            { QStringLiteral("scalping"),
                QJsonObject { { QStringLiteral("max_holding_sec"), 120 }, { QStringLiteral("take_profit_pct"), 0.5 },
                    { QStringLiteral("stop_loss_pct"), 0.3 } } },
        };
        StrategyRepository strategies(db);
        auto existing = strategies.list();
        if (!existing)
            return existing.error();
        for (const Strategies::StrategyRegistry::Info &info : Strategies::StrategyRegistry::types()) {
            bool have = false;
            for (const TradingStrategyRecord &s : existing.value())
                have = have || s.strategyType == info.type;
            if (have)
                continue;
            QJsonObject params = info.defaults();
            const QJsonObject extra = overrides.value(info.type);
            for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
                params.insert(it.key(), it.value());
            auto created = Strategies::StrategyRegistry::create(info.type, params);
            if (!created)
                return created.error();
            if (auto row = strategies.create(info.type, info.type, created.value()->parameters(), true, actor); !row)
                return row.error();
        }

        WatchlistRepository watchlist(db);
        for (const QString &code : watchCodes) {
            if (auto added = watchlist.add(code, QString(), WatchlistSource::Manual, std::nullopt, QString(), actor);
                !added)
                return added.error();
        }
        if (Status st = state.set(stateKey(), QJsonObject { { QStringLiteral("at"), db.clock().nowMs() } }, actor); !st)
            return st.error();
        Plan plan;
        plan.seededNow = true;
        plan.conditions = conditionNames();
        return plan;
    });
}
