// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/marketapi.h"

#include <QObject>

class KiwoomSession;

// SessionMarketApi (TEST ONLY): a minimal IMarketApi straight over KiwoomSession's RestClient and
// ConditionSearch, so the services' integration tests can run against the simulator before the
// engine's real adapter (KiwoomBrokerApi, core/trading) exists. It follows pages only up to a
// fixed bound, does not split ka10095 above 100 codes and adds nothing the interface does not ask
// for; it is not the production adapter and must not be used outside tests.
class SessionMarketApi final : public QObject, public IMarketApi
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionMarketApi)

public:
    static constexpr int MAX_PAGES = 10;

    explicit SessionMarketApi(KiwoomSession &session, QObject *parent = nullptr);
    ~SessionMarketApi() override;

    void stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done) override;
    void watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done) override;
    void dailyCandles(
        const QString &code, const QDate &baseDate, int count, QObject *context, Callback<QList<Candle>> done) override;
    void minuteCandles(
        const QString &code, int minutes, int count, QObject *context, Callback<QList<Candle>> done) override;
    void listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done) override;
    void searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done) override;
    void startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done) override;
    void stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done) override;

private:
    KiwoomSession &m_session;
};
