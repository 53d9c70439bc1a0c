// SPDX-License-Identifier: GPL-3.0-or-later
// The screenshot test of issue 13: the main window over a real demo core renders, with its docks and
// a chart with candles, to a PNG that is not blank (kept in the build dir as an artifact:
// tests/screenshot-mainwindow.png); and the real binary's --screenshot does the same from the
// command line (tests/screenshot-cli.png).
#include "uicorerig.h"

#include "chartdock.h"
#include "chartview.h"
#include "mainwindow.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QProcess>
#include <QSet>

namespace {

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5) {
        for (int x = 0; x < image.width(); x += 5)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

// Pixels of the Korean candle colours (rising red, falling blue).
int candlePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y) & 0xffffff;
            n += (p == 0xd32f2f || p == 0x1565c0) ? 1 : 0;
        }
    }
    return n;
}

} // namespace

class TestScreenshot final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mainWindowInProcess()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        MainWindow window(rig.gw());
        window.addNewsDock(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *chart = window.findChild<ChartDock *>(QStringLiteral("chartDock"));
        QVERIFY(chart);
        QTRY_VERIFY_WITH_TIMEOUT(chart->view()->drawnCount() > 0, 45000);
        QTest::qWait(1500); // let quotes flow into the docks

        const QImage image = window.grab().toImage();
        const QString file = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshot-mainwindow.png");
        QVERIFY(image.save(file, "PNG"));
        qInfo().noquote() << "screenshot:" << file;
        QCOMPARE(image.size(), window.size());
        QVERIFY2(colourCount(image) > 20, "the screenshot is blank");
        QVERIFY2(candlePixels(image) > 50, "no candles in the screenshot");

        // The docks, by objectName through the widget tree.
        QStringList names;
        for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
            QVERIFY(!dock->objectName().isEmpty());
            QVERIFY(!dock->accessibleName().isEmpty());
            if (dock->isVisible())
                names << dock->objectName();
        }
        QVERIFY2(names.contains(QStringLiteral("chartDock")), qPrintable(names.join(u", ")));
        QVERIFY2(names.contains(QStringLiteral("newsDock")), qPrintable(names.join(u", ")));
        auto *toggle = window.findChild<QAction *>(QStringLiteral("action_chartDock"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::ALT | Qt::Key_8));

        // openStock() (a double-click anywhere) shows the stock in the Chart dock.
        emit window.stockActivated(QStringLiteral("035420"));
        QCOMPARE(chart->code(), QStringLiteral("035420"));
        QTRY_VERIFY_WITH_TIMEOUT(chart->view()->data().code == u"035420", 30000);
    }

    void commandLineScreenshot()
    {
        const QString bin = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/kiwoom-trader");
        if (!QFileInfo::exists(bin))
            QSKIP("kiwoom-trader is not built next to the tests");
        QTemporaryDir dir;
        const QString file = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshot-cli.png");
        QFile::remove(file);
        {
            QSettings s(dir.filePath(QStringLiteral("kiwoom-trader.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("control/enabled"), false);
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(bin,
            { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--screenshot"), file,
                QStringLiteral("--screenshot-delay"), QStringLiteral("10") });
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
            qPrintable(QString::fromUtf8(p.readAllStandardError().right(2000))));
        QImage image(file);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 600);
        QVERIFY2(colourCount(image) > 20, "the screenshot is blank");
        QVERIFY2(candlePixels(image) > 50, "no candles in the screenshot");
        qInfo().noquote() << "screenshot:" << file;
        // Bad use is refused before anything starts.
        QProcess bad;
        bad.setProcessEnvironment(env);
        bad.start(bin,
            { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--screenshot-delay"), QStringLiteral("2") });
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
