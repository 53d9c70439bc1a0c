// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdock.h"

#include "market/krx.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int LinkRole = Qt::UserRole + 1;

QString kstText(qint64 utcMs)
{
    return utcMs > 0 ? Krx::toKst(utcMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString sourceOf(const News::NewsItem &item)
{
    QString host = QUrl(item.originalLink.isEmpty() ? item.link : item.originalLink).host();
    if (host.startsWith(u"www."))
        host.remove(0, 4);
    return host;
}

QTreeWidget *makeList(const QStringList &headers, const QString &objectName, const QString &accessibleName)
{
    auto *list = new QTreeWidget;
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setAllColumnsShowFocus(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setFocusPolicy(Qt::StrongFocus);
    list->header()->setStretchLastSection(false);
    return list;
}

} // namespace

NewsDock::NewsDock(NewsService *service, QWidget *parent)
    : QDockWidget(tr("News"), parent)
    , m_service(service)
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("newsDock"));
    setAccessibleName(tr("News and discussion"));
    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("newsDockBody"));
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *row = new QHBoxLayout;
    auto *codeLabel = new QLabel(tr("&Stock:"), body);
    m_code = new QComboBox(body);
    m_code->setObjectName(QStringLiteral("newsCodeCombo"));
    m_code->setAccessibleName(tr("Stock code"));
    m_code->setToolTip(tr("A 6-character stock code; press Enter to load its news and discussion"));
    m_code->setEditable(true);
    m_code->setInsertPolicy(QComboBox::NoInsert);
    m_code->setMinimumContentsLength(16);
    m_code->lineEdit()->setPlaceholderText(tr("Code, e.g. 005930"));
    codeLabel->setBuddy(m_code);
    m_refresh = new QPushButton(tr("&Refresh"), body);
    m_refresh->setObjectName(QStringLiteral("newsRefreshButton"));
    m_refresh->setAccessibleName(tr("Refresh news and discussion"));
    m_refresh->setToolTip(tr("Ask again (answers younger than the cache time come from the cache) (F5)"));
    row->addWidget(codeLabel);
    row->addWidget(m_code, 1);
    row->addWidget(m_refresh);
    layout->addLayout(row);

    m_keysPanel = new QWidget(body);
    m_keysPanel->setObjectName(QStringLiteral("newsKeysPanel"));
    auto *keysRow = new QHBoxLayout(m_keysPanel);
    keysRow->setContentsMargins(0, 0, 0, 0);
    m_keysLabel = new QLabel(tr("No Naver API keys configured: news search needs a Naver client id and secret. "
                                "The discussion board works without them."),
        m_keysPanel);
    m_keysLabel->setObjectName(QStringLiteral("newsKeysLabel"));
    m_keysLabel->setWordWrap(true);
    m_keysLabel->setAccessibleName(tr("Naver API keys"));
    m_keysButton = new QPushButton(tr("How to add &keys…"), m_keysPanel);
    m_keysButton->setObjectName(QStringLiteral("newsKeysButton"));
    m_keysButton->setAccessibleName(tr("How to add Naver API keys"));
    keysRow->addWidget(m_keysLabel, 1);
    keysRow->addWidget(m_keysButton);
    m_keysPanel->setVisible(false);
    layout->addWidget(m_keysPanel);

    m_tabs = new QTabWidget(body);
    m_tabs->setObjectName(QStringLiteral("newsTabs"));
    m_tabs->setAccessibleName(tr("News and discussion lists"));
    m_newsList = makeList({ tr("Time (KST)"), tr("Source"), tr("Title") }, QStringLiteral("newsList"), tr("News"));
    m_newsList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_newsList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_newsList->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_boardList = makeList({ tr("Date"), tr("Title"), tr("Author"), tr("Views"), tr("Likes"), tr("Dislikes") },
        QStringLiteral("discussionList"), tr("Discussion board"));
    m_boardList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_boardList->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tabs->addTab(m_newsList, tr("&News"));
    m_tabs->addTab(m_boardList, tr("&Discussion"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(tr("Enter a stock code."), body);
    m_status->setObjectName(QStringLiteral("newsStatusLabel"));
    m_status->setAccessibleName(tr("News status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_status);
    setWidget(body);

    setTabOrder(m_code, m_refresh);
    setTabOrder(m_refresh, m_keysButton);
    setTabOrder(m_keysButton, m_tabs);
    setTabOrder(m_tabs, m_newsList);
    setTabOrder(m_newsList, m_boardList);

    auto *refreshKey = new QAction(this);
    refreshKey->setObjectName(QStringLiteral("newsRefreshAction"));
    refreshKey->setShortcut(QKeySequence::Refresh);
    refreshKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshKey);
    connect(refreshKey, &QAction::triggered, this, &NewsDock::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &NewsDock::refresh);
    connect(m_code->lineEdit(), &QLineEdit::returnPressed, this, &NewsDock::loadFromField);
    connect(m_code, &QComboBox::activated, this, [this](int index) { load(m_code->itemData(index).toString()); });
    connect(m_keysButton, &QPushButton::clicked, this, &NewsDock::showKeysHelp);
    connect(m_newsList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openItem(item); });
    connect(m_boardList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openItem(item); });

    if (!m_service) {
        m_status->setText(tr("News is not available: the trading core did not start."));
        m_code->setEnabled(false);
        m_refresh->setEnabled(false);
        return;
    }
    // The service may live on the core's thread: answers come back queued, requests go queued.
    connect(m_service, &NewsService::keysStateChanged, this, &NewsDock::onKeysState, Qt::QueuedConnection);
    connect(m_service, &NewsService::newsReady, this, &NewsDock::onNews, Qt::QueuedConnection);
    connect(m_service, &NewsService::discussionsReady, this, &NewsDock::onDiscussions, Qt::QueuedConnection);
    connect(m_service, &NewsService::requestFailed, this, &NewsDock::onFailed, Qt::QueuedConnection);
    connect(m_service, &NewsService::stocksListed, this, &NewsDock::onStocks, Qt::QueuedConnection);
    NewsService *svc = m_service;
    m_stocksRequest = NewsService::nextRequestId();
    const quint64 stocksId = m_stocksRequest;
    QMetaObject::invokeMethod(
        svc,
        [svc, stocksId] {
            svc->announceKeysState();
            svc->requestStocks(stocksId);
        },
        Qt::QueuedConnection);
}

NewsDock::~NewsDock() = default;

QString NewsDock::currentCode() const
{
    return m_loadedCode;
}

void NewsDock::loadFromField()
{
    const QString text = m_code->currentText().trimmed();
    const int index = m_code->findText(text);
    load(index >= 0 ? m_code->itemData(index).toString() : text);
}

void NewsDock::load(const QString &input)
{
    const QString code = input.trimmed().section(QRegularExpression(QStringLiteral("\\s+")), 0, 0).toUpper();
    static const QRegularExpression valid(QStringLiteral("^[0-9A-Z]{6}$"));
    if (!valid.match(code).hasMatch()) {
        m_status->setText(tr("\"%1\" is not a stock code: enter 6 characters, e.g. 005930.").arg(input.trimmed()));
        return;
    }
    if (!m_service)
        return;
    if (code == m_loadedCode && m_outstanding > 0)
        return; // already on its way
    if (code != m_loadedCode) {
        m_newsList->clear();
        m_boardList->clear();
    }
    m_loadedCode = code;
    if (m_code->currentText().trimmed() != code && m_code->findData(code) < 0)
        m_code->setEditText(code);
    m_newsRequest = NewsService::nextRequestId();
    m_boardRequest = NewsService::nextRequestId();
    m_outstanding = 2;
    m_newsStatus = tr("News: loading…");
    m_boardStatus = tr("Discussion: loading…");
    updateStatus();
    NewsService *svc = m_service;
    const quint64 newsId = m_newsRequest;
    const quint64 boardId = m_boardRequest;
    QMetaObject::invokeMethod(
        svc,
        [svc, newsId, boardId, code] {
            svc->requestNews(newsId, code);
            svc->requestDiscussions(boardId, code, 1);
        },
        Qt::QueuedConnection);
}

void NewsDock::refresh()
{
    if (m_loadedCode.isEmpty()) {
        loadFromField();
        return;
    }
    load(m_loadedCode);
}

void NewsDock::onKeysState(NewsService::KeysState state)
{
    m_keysState = state;
    m_keysPanel->setVisible(state == NewsService::KeysState::Missing);
}

void NewsDock::onNews(quint64 id, const QString &code, const News::NewsResult &result)
{
    if (id != m_newsRequest)
        return;
    m_newsList->clear();
    QList<QTreeWidgetItem *> rows;
    for (const News::NewsItem &item : result.items) {
        auto *row = new QTreeWidgetItem({ kstText(item.publishedMs), sourceOf(item), item.title });
        row->setData(0, LinkRole, item.link.isEmpty() ? item.originalLink : item.link);
        row->setToolTip(2, item.description);
        rows << row;
    }
    m_newsList->addTopLevelItems(rows);
    if (result.items.isEmpty())
        m_newsStatus = tr("News: no articles found for %1.").arg(code);
    else if (result.fromCache)
        m_newsStatus = tr("News: %n article(s) (from the cache).", nullptr, int(result.items.size()));
    else
        m_newsStatus = tr("News: %n article(s).", nullptr, int(result.items.size()));
    m_keysPanel->setVisible(false); // an answer: the keys work (or the simulator needs none)
    finishOne();
}

void NewsDock::onDiscussions(quint64 id, const QString &code, const News::BoardPage &page)
{
    if (id != m_boardRequest)
        return;
    m_boardList->clear();
    QList<QTreeWidgetItem *> rows;
    for (const News::BoardPost &post : page.posts) {
        // A hidden post's "title" is Naver's notice; the row says what happened in the user's language.
        QString title = post.hiddenByCleanBot ? tr("[Hidden by Naver's clean bot]") : post.title;
        if (post.replies > 0)
            title += QStringLiteral(" [%1]").arg(post.replies);
        auto *row = new QTreeWidgetItem({ kstText(post.postedMs), title, post.author, QString::number(post.views),
            QString::number(post.likes), QString::number(post.dislikes) });
        row->setData(0, LinkRole, post.url.toString());
        row->setToolTip(1, post.title);
        for (int c = 3; c <= 5; ++c)
            row->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (post.hiddenByCleanBot) {
            QFont f = row->font(1);
            f.setItalic(true);
            row->setFont(1, f);
            row->setForeground(1, m_boardList->palette().brush(QPalette::Disabled, QPalette::Text));
        }
        rows << row;
    }
    m_boardList->addTopLevelItems(rows);
    if (page.posts.isEmpty())
        m_boardStatus = tr("Discussion: no posts for %1.").arg(code);
    else
        m_boardStatus = (page.fromCache
                ? tr("Discussion: %n post(s), page %1 of %2 (from the cache).", nullptr, int(page.posts.size()))
                : tr("Discussion: %n post(s), page %1 of %2.", nullptr, int(page.posts.size())))
                            .arg(page.page)
                            .arg(page.lastPage);
    finishOne();
}

void NewsDock::onFailed(
    quint64 id, const QString &code, const QString &what, const QString &errorCode, const QString &message)
{
    Q_UNUSED(code);
    if (id == m_newsRequest && what == u"news") {
        m_newsList->clear();
        if (errorCode == u"naver_keys_missing")
            m_keysPanel->setVisible(true);
        m_newsStatus = tr("News failed: %1").arg(message);
        m_newsList->setProperty("errorCode", errorCode);
        finishOne();
    } else if (id == m_boardRequest && what == u"board") {
        m_boardList->clear();
        m_boardStatus = tr("Discussion failed: %1").arg(message);
        m_boardList->setProperty("errorCode", errorCode);
        finishOne();
    }
}

void NewsDock::onStocks(quint64 id, const QStringList &codes, const QStringList &names)
{
    if (id != m_stocksRequest)
        return;
    const QString typed = m_code->currentText();
    m_code->clear();
    for (int i = 0; i < codes.size(); ++i) {
        const QString name = names.value(i);
        m_code->addItem(name.isEmpty() ? codes[i] : codes[i] + u' ' + name, codes[i]);
    }
    if (m_loadedCode.isEmpty() && typed.trimmed().isEmpty() && !codes.isEmpty()) {
        // Something to read at once: the first watchlist stock (one request each, cached).
        m_code->setCurrentIndex(0);
        load(codes.first());
        return;
    }
    m_code->setEditText(typed);
}

void NewsDock::finishOne()
{
    updateStatus();
    if (m_outstanding > 0 && --m_outstanding == 0)
        emit loadFinished(m_loadedCode);
}

void NewsDock::updateStatus()
{
    m_status->setText(m_newsStatus + u'\n' + m_boardStatus);
}

void NewsDock::openItem(QTreeWidgetItem *item)
{
    const QUrl url(item ? item->data(0, LinkRole).toString() : QString());
    // Only web links leave the app; a page could carry anything else.
    if (url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http"))
        m_openUrl(url);
}

void NewsDock::showKeysHelp()
{
    // In the main window the keys are entered in Settings (its News page); elsewhere (a bare dock
    // in a test) the help text says where they come from.
    if (QWidget *top = window(); top && top != this) {
        if (auto *settings = top->findChild<QAction *>(QStringLiteral("actionSettings"))) {
            settings->trigger();
            return;
        }
    }
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("newsKeysHelp"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Information);
    box->setWindowTitle(tr("Naver API keys"));
    box->setText(tr("News search uses Naver's search API, which needs a client id and secret "
                    "(register an application at developers.naver.com)."));
    box->setInformativeText(tr("Set the environment variables NAVER_CLIENT_ID and NAVER_CLIENT_SECRET before "
                               "starting Kiwoom Trader, or store them in the system keychain as "
                               "\"naver/clientId\" and \"naver/clientSecret\". Then restart the app. "
                               "Demo mode needs no keys."));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}
