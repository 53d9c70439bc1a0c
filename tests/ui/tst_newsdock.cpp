// SPDX-License-Identifier: GPL-3.0-or-later
// NewsDock: the real widget tree against NewsService and a local server on 127.0.0.1 serving the
// simulator's Naver fixtures (JSON news, CP949 board pages) or errors: both lists filled with
// intact Korean text, errors in the status line, the missing-keys message and button, accessible
// names, refresh served from the cache, links opened through the opener.
#include "newsdock.h"

#include "common/clock.h"
#include "common/settings.h"
#include "market/krx.h"
#include "news/newsservice.h"
#include "sim/simhttpserver.h"
#include "sim/simnaver.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

namespace {

const qint64 T0 = Krx::fromKst(QDate(2024, 5, 17), QTime(16, 0));

// The simulator's Naver routes, or an error per route.
class NaverServer
{
public:
    NaverServer()
    {
        server.setHandler([this](const SimHttpRequest &r) {
            SimHttpResponse resp;
            const bool news = r.path.startsWith("/v1/search/news");
            news ? ++newsHits : ++boardHits;
            if (news && newsStatus != 200) {
                resp.status = newsStatus;
                resp.headers = { { "content-type", "application/json; charset=UTF-8" } };
                resp.body = newsErrorBody;
                return resp;
            }
            if (!news && brokenBoard) {
                resp.headers = { { "content-type", "text/html; charset=UTF-8" } };
                resp.body = "<html><body><div class=\"new_layout\"><ul><li>게시글</li></ul></div></body></html>";
                return resp;
            }
            if (auto answer = SimNaver::handle(r, T0))
                return *answer;
            resp.status = 404;
            return resp;
        });
        QVERIFY(server.listen(0).ok());
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())); }

    SimHttpServer server;
    int newsHits = 0;
    int boardHits = 0;
    int newsStatus = 200;
    QByteArray newsErrorBody;
    bool brokenBoard = false;
};

struct Fixture
{
    explicit Fixture(const QString &mode, bool pointSettingsAtServer = false)
    {
        qunsetenv("KT_NAVER_NEWS_URL");
        qunsetenv("KT_NAVER_BOARD_URL");
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("kt.ini")));
        if (pointSettingsAtServer) {
            QVERIFY(settings->setValue(QStringLiteral("news/naverNewsUrl"), naver.url().toString()).ok());
            QVERIFY(settings->setValue(QStringLiteral("news/naverBoardUrl"), naver.url().toString()).ok());
        }
        clock.setNowMs(T0);
        service = std::make_unique<NewsService>(clock, *settings);
        service->setDefaultCodes({ QStringLiteral("005930"), QStringLiteral("000660") });
        service->configure(mode, mode == u"demo" ? naver.url() : QUrl(), nullptr);
        dock = std::make_unique<NewsDock>(service.get());
        dock->setUrlOpener([this](const QUrl &url) { opened << url; });
        dock->resize(900, 600);
        dock->show();
    }

    bool loadAndWait(const QString &code)
    {
        QSignalSpy done(dock.get(), &NewsDock::loadFinished);
        dock->load(code);
        return done.wait(5000);
    }
    QTreeWidget *newsList() const { return dock->findChild<QTreeWidget *>(QStringLiteral("newsList")); }
    QTreeWidget *boardList() const { return dock->findChild<QTreeWidget *>(QStringLiteral("discussionList")); }
    QString status() const { return dock->findChild<QLabel *>(QStringLiteral("newsStatusLabel"))->text(); }
    QWidget *keysPanel() const { return dock->findChild<QWidget *>(QStringLiteral("newsKeysPanel")); }

    QTemporaryDir dir;
    NaverServer naver;
    ManualClock clock;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<NewsService> service;
    std::unique_ptr<NewsDock> dock;
    QList<QUrl> opened;
};

} // namespace

class TestNewsDock final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("NAVER_CLIENT_ID");
        qunsetenv("NAVER_CLIENT_SECRET");
    }

    void loadingACodeFillsBothListsWithKoreanText()
    {
        Fixture f(QStringLiteral("demo"));
        QVERIFY(f.loadAndWait(QStringLiteral("005930")));
        QCOMPARE(f.dock->currentCode(), QStringLiteral("005930"));

        QTreeWidget *news = f.newsList();
        QVERIFY(news->topLevelItemCount() > 0);
        const QTreeWidgetItem *first = news->topLevelItem(0);
        QVERIFY2(first->text(2).contains(QStringLiteral("삼성전자")), qPrintable(first->text(2)));
        QVERIFY(!first->text(2).contains(u'<')); // the <b> highlights are gone
        QVERIFY(!first->text(1).isEmpty()); // source host
        // Time in KST: the fixture's newest article is at most a few hours before 16:00 KST.
        QVERIFY2(first->text(0).startsWith(QStringLiteral("2024-05-17")), qPrintable(first->text(0)));

        QTreeWidget *board = f.boardList();
        QCOMPARE(board->topLevelItemCount(), 20);
        QStringList titles;
        bool hiddenShown = false;
        for (int i = 0; i < board->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = board->topLevelItem(i);
            titles << row->text(1);
            hiddenShown = hiddenShown || row->text(1).startsWith(QStringLiteral("[Hidden by Naver's clean bot]"));
            QVERIFY(!row->text(2).isEmpty()); // author
            bool ok = false;
            row->text(3).toInt(&ok);
            QVERIFY(ok);
        }
        const QString all = titles.join(u'\n');
        // CP949-only syllables survive the EUC-KR page.
        QVERIFY2(all.contains(QStringLiteral("똠양꿍")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("쓔웅")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("\"심상치 않다\"")));
        QVERIFY(hiddenShown);
        QVERIFY(f.status().contains(QStringLiteral("page 1 of 10")));

        // Activating a row opens its link in the browser.
        news->setCurrentItem(news->topLevelItem(0));
        emit news->itemActivated(news->topLevelItem(0), 0);
        QCOMPARE(f.opened.size(), 1);
        QVERIFY(f.opened.first().scheme().startsWith(u"http"));

        // For a look at what a user sees: KT_NEWSDOCK_SHOT=/tmp/x writes x-news.png and x-board.png.
        if (const QString shot = qEnvironmentVariable("KT_NEWSDOCK_SHOT"); !shot.isEmpty()) {
            f.dock->grab().save(shot + QStringLiteral("-news.png"));
            f.dock->findChild<QTabWidget *>(QStringLiteral("newsTabs"))->setCurrentIndex(1);
            f.dock->grab().save(shot + QStringLiteral("-board.png"));
        }
    }

    void theFirstWatchlistStockLoadsByItself()
    {
        Fixture f(QStringLiteral("demo"));
        QSignalSpy done(f.dock.get(), &NewsDock::loadFinished);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toString(), QStringLiteral("005930"));
        QVERIFY(f.newsList()->topLevelItemCount() > 0);
        QVERIFY(f.dock->findChild<QComboBox *>(QStringLiteral("newsCodeCombo"))->currentText().startsWith(u"005930"));
    }

    void enterInTheCodeFieldLoads()
    {
        Fixture f(QStringLiteral("demo"));
        auto *combo = f.dock->findChild<QComboBox *>(QStringLiteral("newsCodeCombo"));
        QVERIFY(combo);
        // The stock list arrives from the service (default demo codes with their names).
        QTRY_VERIFY(combo->count() > 0);
        QVERIFY(combo->itemText(0).contains(QStringLiteral("005930")));
        QSignalSpy done(f.dock.get(), &NewsDock::loadFinished);
        combo->setFocus();
        combo->setEditText(QStringLiteral("000660"));
        QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
        QVERIFY(done.wait(5000));
        QCOMPARE(f.dock->currentCode(), QStringLiteral("000660"));
        QVERIFY(f.boardList()->topLevelItemCount() > 0);

        combo->setEditText(QStringLiteral("hello"));
        QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
        QVERIFY(f.status().contains(QStringLiteral("not a stock code")));
    }

    void refreshIsServedFromTheCache()
    {
        Fixture f(QStringLiteral("demo"));
        QVERIFY(f.loadAndWait(QStringLiteral("005930")));
        QCOMPARE(f.naver.newsHits, 1);
        QCOMPARE(f.naver.boardHits, 1);
        QSignalSpy done(f.dock.get(), &NewsDock::loadFinished);
        f.dock->findChild<QPushButton *>(QStringLiteral("newsRefreshButton"))->click();
        QVERIFY(done.wait(5000));
        QCOMPARE(f.naver.newsHits, 1);
        QCOMPARE(f.naver.boardHits, 1);
        QVERIFY2(f.status().contains(QStringLiteral("from the cache")), qPrintable(f.status()));
        QVERIFY(f.boardList()->topLevelItemCount() == 20);

        // After the cache time, a refresh asks again.
        f.clock.advanceMs(3600 * 1000);
        f.dock->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(f.naver.boardHits, 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(f.naver.newsHits, 2, 5000);
    }

    void naverErrorsShowInTheStatusLine()
    {
        qputenv("NAVER_CLIENT_ID", "test-id");
        qputenv("NAVER_CLIENT_SECRET", "test-secret");
        Fixture f(QStringLiteral("mock"), true);
        f.naver.newsStatus = 401;
        f.naver.newsErrorBody = R"({"errorMessage":"Authentication failed","errorCode":"024"})";
        f.naver.brokenBoard = true;
        QTRY_COMPARE(f.service->keysState(), NewsService::KeysState::Present);
        QVERIFY(f.loadAndWait(QStringLiteral("005930")));
        const QString status = f.status();
        QVERIFY2(status.contains(QStringLiteral("Naver API keys missing or wrong")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("could not read the board"), Qt::CaseInsensitive), qPrintable(status));
        QCOMPARE(f.newsList()->topLevelItemCount(), 0);
        QCOMPARE(f.boardList()->topLevelItemCount(), 0);
        QVERIFY(!f.keysPanel()->isVisible()); // keys exist; they are wrong
    }

    void missingKeysShowTheMessageAndTheButton()
    {
        Fixture f(QStringLiteral("mock"), true);
        QTRY_COMPARE(f.service->keysState(), NewsService::KeysState::Missing);
        QTRY_VERIFY(f.keysPanel()->isVisible());
        auto *label = f.dock->findChild<QLabel *>(QStringLiteral("newsKeysLabel"));
        QVERIFY(label->text().contains(QStringLiteral("No Naver API keys configured")));
        auto *button = f.dock->findChild<QPushButton *>(QStringLiteral("newsKeysButton"));
        QVERIFY(button && button->isVisible());
        QVERIFY(f.loadAndWait(QStringLiteral("005930")));
        QCOMPARE(f.naver.newsHits, 0); // Naver is not asked without keys
        QVERIFY2(f.status().contains(QStringLiteral("No Naver API keys configured")), qPrintable(f.status()));
        QCOMPARE(f.boardList()->topLevelItemCount(), 20); // the board needs no keys

        button->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = f.dock->findChild<QMessageBox *>(QStringLiteral("newsKeysHelp"))) != nullptr);
        QVERIFY(box->informativeText().contains(QStringLiteral("NAVER_CLIENT_ID")));
        box->accept();
    }

    void koreanTranslationCoversTheDock()
    {
        QTranslator ko;
        QVERIFY(ko.load(QStringLiteral(":/i18n/kiwoom-trader_ko.qm")));
        QCoreApplication::installTranslator(&ko);
        {
            Fixture f(QStringLiteral("demo"));
            QVERIFY(f.loadAndWait(QStringLiteral("005930")));
            QCOMPARE(f.dock->windowTitle(), QStringLiteral("뉴스"));
            auto *tabs = f.dock->findChild<QTabWidget *>(QStringLiteral("newsTabs"));
            QCOMPARE(tabs->tabText(1), QStringLiteral("종목토론(&D)"));
            QVERIFY2(f.status().contains(QStringLiteral("20쪽")) || f.status().contains(QStringLiteral("10쪽 중 1쪽")),
                qPrintable(f.status()));
            if (const QString shot = qEnvironmentVariable("KT_NEWSDOCK_SHOT"); !shot.isEmpty()) {
                tabs->setCurrentIndex(1);
                f.dock->grab().save(shot + QStringLiteral("-ko.png"));
            }
        }
        QCoreApplication::removeTranslator(&ko);
    }

    void everyControlHasAnAccessibleName()
    {
        Fixture f(QStringLiteral("demo"));
        const QList<QWidget *> widgets = f.dock->findChildren<QWidget *>();
        int controls = 0;
        for (QWidget *w : widgets) {
            if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QTreeWidget *>(w)
                || qobject_cast<QTabWidget *>(w)) {
                if (w->objectName().startsWith(u"qt_") || w->parentWidget()->inherits("QDockWidgetTitleButton")
                    || w->inherits("QDockWidgetTitleButton") || w->inherits("QTabBar") || w->objectName().isEmpty())
                    continue;
                ++controls;
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            }
        }
        QVERIFY(controls >= 6);
    }
};

QTEST_MAIN(TestNewsDock)
#include "tst_newsdock.moc"
