// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsservice.h"

#include "common/logging.h"
#include "common/settings.h"
#include "sim/simuniverse.h"
#include "storage/database.h"
#include "storage/watchlistrepository.h"

#include <QPointer>

std::atomic<quint64> NewsService::s_nextId { 1 };

namespace {

// The simulator takes any key; these never open anything else.
NaverKeys demoKeys()
{
    return { QStringLiteral("demo-naver-client"), QStringLiteral("demo-naver-secret") };
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

} // namespace

NewsService::NewsService(const IClock &clock, Settings &settings, QObject *parent)
    : QObject(parent), m_clock(clock), m_settings(settings)
{
    qRegisterMetaType<News::NewsResult>();
    qRegisterMetaType<News::BoardPage>();
    qRegisterMetaType<NewsService::KeysState>();
    NaverNewsClient::Options newsOptions;
    newsOptions.cacheTtlSec = NaverEndpoints::newsCacheTtlSec(settings);
    m_news = new NaverNewsClient(clock, newsOptions, this);
    DiscussionBoardReader::Options boardOptions;
    boardOptions.cacheTtlSec = NaverEndpoints::boardCacheTtlSec(settings);
    m_board = new DiscussionBoardReader(clock, boardOptions, this);
}

NewsService::~NewsService() = default;

quint64 NewsService::nextRequestId()
{
    return s_nextId.fetch_add(1, std::memory_order_relaxed);
}

void NewsService::configure(const QString &mode, const QUrl &demoBase, SecretStore *store)
{
    m_mode = mode;
    const int generation = ++m_configureGeneration;
    const QUrl demo = mode == u"demo" ? demoBase : QUrl();
    const QUrl newsUrl = NaverEndpoints::newsBaseUrl(m_settings, demo);
    m_news->setBaseUrl(newsUrl);
    m_board->setBaseUrl(NaverEndpoints::boardBaseUrl(m_settings, demo));
    m_news->setCacheTtlSec(NaverEndpoints::newsCacheTtlSec(m_settings));
    m_board->setCacheTtlSec(NaverEndpoints::boardCacheTtlSec(m_settings));
    qCInfo(lcApp).noquote() << "news: search at" << newsUrl.toString(QUrl::RemoveUserInfo) << "board at"
                            << NaverEndpoints::boardBaseUrl(m_settings, demo).toString(QUrl::RemoveUserInfo);

    if (mode == u"demo") {
        // Demo mode is self-contained: the simulator gets demo keys and real keys never leave for a
        // host demo mode chose. A configured search URL (a local test server, Naver itself) gets the
        // keys the user configured, like mock/live.
        if (!demo.isEmpty() && sameOrigin(newsUrl, demo)) {
            m_news->setKeys(demoKeys());
            setKeysState(KeysState::Present);
            return;
        }
    }
    setKeysState(KeysState::Resolving);
    QPointer<NewsService> self(this);
    NaverKeys::resolve(store, [self, generation](const NaverKeys &keys) {
        // The store answers on this thread; a reconfiguration meanwhile wins.
        if (!self || generation != self->m_configureGeneration)
            return;
        self->m_news->setKeys(keys);
        self->setKeysState(keys.isComplete() ? KeysState::Present : KeysState::Missing);
    });
}

void NewsService::setKeysState(KeysState state)
{
    if (state == m_keysState)
        return;
    m_keysState = state;
    emit keysStateChanged(state);
}

void NewsService::announceKeysState()
{
    emit keysStateChanged(m_keysState);
}

QString NewsService::stockName(const QString &code) const
{
    if (m_database && m_database->isOpen()) {
        WatchlistRepository watchlist(*m_database);
        if (auto found = watchlist.findByCode(code); found && found->has_value() && !(*found)->stockName.isEmpty())
            return (*found)->stockName;
    }
    if (m_mode == u"demo") {
        for (const SimStockInfo &s : Sim::universe()) {
            if (s.code == code)
                return s.name;
        }
    }
    return code;
}

QList<std::pair<QString, QString>> NewsService::stockChoices() const
{
    QList<std::pair<QString, QString>> choices;
    if (m_database && m_database->isOpen()) {
        WatchlistRepository watchlist(*m_database);
        if (auto active = watchlist.listActive()) {
            for (const auto &stock : *active)
                choices.append(
                    { stock.stockCode, stock.stockName.isEmpty() ? stockName(stock.stockCode) : stock.stockName });
        }
    }
    if (choices.isEmpty()) {
        for (const QString &code : std::as_const(m_defaultCodes))
            choices.append({ code, stockName(code) });
    }
    for (auto &[code, name] : choices) {
        if (name == code)
            name.clear(); // no name known
    }
    return choices;
}

void NewsService::news(const QString &code, int display, QObject *context, NaverNewsClient::Callback done, int start)
{
    if (m_keysState != KeysState::Present && !m_news->hasKeys()) {
        const Error e { QStringLiteral("naver_keys_missing"),
            m_keysState == KeysState::Resolving
                ? tr("The Naver API keys are still being read from the keychain; try again in a moment.")
                : tr("No Naver API keys configured: set NAVER_CLIENT_ID and NAVER_CLIENT_SECRET, or store "
                     "naver/clientId and naver/clientSecret in the keychain.") };
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done, e] {
                if (guard)
                    done(e);
            },
            Qt::QueuedConnection);
        return;
    }
    News::NewsQuery query;
    const QString name = stockName(code);
    query.query = name;
    query.display = std::clamp(display, 1, 100);
    query.start = std::clamp(start, 1, 1000);
    query.sort = News::NewsSort::Date;
    m_news->search(query, context, std::move(done));
}

void NewsService::discussions(const QString &code, int page, QObject *context, DiscussionBoardReader::Callback done)
{
    m_board->fetch(code, std::max(1, page), context, std::move(done));
}

void NewsService::requestNews(quint64 id, const QString &code)
{
    news(code, 30, this, [this, id, code](const Result<News::NewsResult> &r) {
        if (r)
            emit newsReady(id, code, *r);
        else
            emit requestFailed(id, code, QStringLiteral("news"), r.error().code, r.error().message);
    });
}

void NewsService::requestDiscussions(quint64 id, const QString &code, int page)
{
    discussions(code, page, this, [this, id, code](const Result<News::BoardPage> &r) {
        if (r)
            emit discussionsReady(id, code, *r);
        else
            emit requestFailed(id, code, QStringLiteral("board"), r.error().code, r.error().message);
    });
}

void NewsService::requestStocks(quint64 id)
{
    QStringList codes, names;
    for (const auto &[code, name] : stockChoices()) {
        codes << code;
        names << name;
    }
    emit stocksListed(id, codes, names);
}
