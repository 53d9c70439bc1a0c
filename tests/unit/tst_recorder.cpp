// SPDX-License-Identifier: GPL-3.0-or-later
// The market recorder's file format, writer, reader and MarketRecorder: round trips, a torn or
// damaged tail loses at most the last block, appending after a crash, per-day files, the size cap,
// condition results with their names, and a writer process SIGKILLed mid-write (the test binary
// re-runs itself as the writer: KT_RECORDER_CHILD=<directory>).
#include "market/krx.h"
#include "recorder/marketrecorder.h"
#include "recorder/recordingreader.h"
#include "recorder/recordingwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace Recording;

namespace {

// 2026-12-07 10:00:00 KST
constexpr qint64 DAY_MS = 1796605200000;

QByteArray tradeFrame(int n, qint64 price)
{
    return QStringLiteral(
        R"({"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{"20":"100000","10":"+%1","11":"+100","12":"+0.13","27":"+%2","28":"+%1","15":"+%3","13":"%4","14":"1234","16":"+75000","17":"+76000","18":"-74000","25":"2","n":"%5"}}]})")
        .arg(price)
        .arg(price + 100)
        .arg(n % 97 + 1)
        .arg(100000 + n)
        .arg(n)
        .toUtf8();
}

int frameNumber(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame)
        .object()
        .value(u"data")
        .toArray()
        .at(0)
        .toObject()
        .value(u"values")
        .toObject()
        .value(u"n")
        .toString()
        .toInt();
}

// The SIGKILL victim: records numbered frames through a real MarketRecorder as fast as it can.
int runChildWriter(const QString &dir)
{
    MarketRecorder::Config config;
    config.directory = dir;
    config.flushIntervalMs = 2;
    config.blockBytes = 4096;
    MarketRecorder recorder(config);
    if (!recorder.start())
        return 2;
    int n = qEnvironmentVariableIntValue("KT_RECORDER_FIRST");
    for (;;) {
        recorder.realtimeFrame(DAY_MS + n, tradeFrame(n, 75000 + (n % 50) * 100));
        ++n;
        if (n % 64 == 0)
            QThread::usleep(200);
    }
}

} // namespace

class TestRecorder final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    static QVector<Record> frames(int first, int count, qint64 t0 = DAY_MS)
    {
        QVector<Record> v;
        for (int i = first; i < first + count; ++i)
            v.append(Record { Kind::RealtimeFrame, t0 + i * 37, tradeFrame(i, 75000 + (i % 9) * 100) });
        return v;
    }

    static QVector<int> numbersIn(const QVector<Record> &records)
    {
        QVector<int> out;
        for (const Record &r : records) {
            if (r.kind == Kind::RealtimeFrame)
                out.append(frameNumber(r.data));
        }
        return out;
    }

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void roundTripKeepsEveryRecordAndTime()
    {
        RecordingWriter w;
        QVERIFY(w.open(path("a.ktrec")));
        const QVector<Record> a = frames(0, 100);
        const QVector<Record> b = frames(100, 50);
        QVERIFY(w.writeBlock(a));
        QVERIFY(w.writeBlock(b));
        QVector<Record> rest { Record { Kind::RestReply, DAY_MS - 5, QByteArray(R"({"api_id":"ka10081"})") } };
        QVERIFY(w.writeBlock(rest));
        w.close();
        bool damaged = true;
        const auto all = RecordingReader::readAll(path("a.ktrec"), &damaged);
        QVERIFY(all.ok());
        QVERIFY(!damaged);
        QCOMPARE(all->size(), 151);
        for (int i = 0; i < 150; ++i) {
            const Record &expected = i < 100 ? a.at(i) : b.at(i - 100);
            QCOMPARE(all->at(i).data, expected.data);
            QCOMPARE(all->at(i).timeMs, expected.timeMs);
            QCOMPARE(all->at(i).kind, Kind::RealtimeFrame);
        }
        QCOMPARE(all->at(150).kind, Kind::RestReply);
        QCOMPARE(all->at(150).timeMs, DAY_MS - 5);
    }

    void everyTruncationLosesAtMostTheLastBlock()
    {
        RecordingWriter w;
        QVERIFY(w.open(path("t.ktrec")));
        QVector<qint64> ends { FILE_HEADER_SIZE };
        for (int b = 0; b < 4; ++b) {
            QVERIFY(w.writeBlock(frames(b * 20, 20)));
            ends.append(w.fileSize());
        }
        w.close();
        QFile f(path("t.ktrec"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray whole = f.readAll();
        f.close();
        for (qint64 cut = FILE_HEADER_SIZE; cut <= whole.size(); cut += 7) {
            QFile out(path("cut.ktrec"));
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(whole.left(cut));
            out.close();
            bool damaged = false;
            const auto all = RecordingReader::readAll(path("cut.ktrec"), &damaged);
            QVERIFY(all.ok());
            int complete = 0;
            while (complete + 1 < ends.size() && ends.at(complete + 1) <= cut)
                ++complete;
            QCOMPARE(all->size(), complete * 20);
            QCOMPARE(damaged, cut != ends.at(complete));
            for (int i = 0; i < all->size(); ++i)
                QCOMPARE(frameNumber(all->at(i).data), i);
        }
    }

    void aFlippedByteStopsAtThatBlock()
    {
        RecordingWriter w;
        QVERIFY(w.open(path("c.ktrec")));
        QVERIFY(w.writeBlock(frames(0, 20)));
        const qint64 firstEnd = w.fileSize();
        QVERIFY(w.writeBlock(frames(20, 20)));
        QVERIFY(w.writeBlock(frames(40, 20)));
        w.close();
        QFile f(path("c.ktrec"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(firstEnd + BLOCK_HEADER_SIZE + 3);
        char c = 0;
        f.getChar(&c);
        f.seek(firstEnd + BLOCK_HEADER_SIZE + 3);
        f.putChar(char(c ^ 0x40));
        f.close();
        RecordingReader r;
        QVERIFY(r.open(path("c.ktrec")));
        Record rec;
        int n = 0;
        while (r.next(&rec))
            ++n;
        QCOMPARE(n, 20);
        QVERIFY(r.tailDamaged());
        QVERIFY(r.damage().contains(u"checksum"));
        QCOMPARE(r.validBytes(), firstEnd);
    }

    void appendingAfterATornTailCutsItAndGoesOn()
    {
        {
            RecordingWriter w;
            QVERIFY(w.open(path("r.ktrec")));
            QVERIFY(w.writeBlock(frames(0, 30)));
            QVERIFY(w.writeBlock(frames(30, 30)));
        }
        QFile f(path("r.ktrec"));
        QVERIFY(f.resize(f.size() - 11)); // the second block is torn
        {
            RecordingWriter w;
            QVERIFY(w.open(path("r.ktrec")));
            QVERIFY(w.writeBlock(frames(30, 30))); // a new zstd stream
            QVERIFY(w.writeBlock(frames(60, 10)));
        }
        bool damaged = true;
        const auto all = RecordingReader::readAll(path("r.ktrec"), &damaged);
        QVERIFY(all.ok());
        QVERIFY(!damaged);
        QVector<int> expected;
        for (int i = 0; i < 70; ++i)
            expected.append(i);
        QCOMPARE(numbersIn(*all), expected);
    }

    void notARecordingIsRefusedAndMovedAside()
    {
        QFile f(path("x.ktrec"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello, world, this is not a recording");
        f.close();
        RecordingReader r;
        const Status s = r.open(path("x.ktrec"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("recording.not_a_recording"));
        RecordingWriter w;
        QVERIFY(w.open(path("x.ktrec")));
        QVERIFY(w.writeBlock(frames(0, 3)));
        w.close();
        QCOMPARE(RecordingReader::readAll(path("x.ktrec"))->size(), 3);
        QCOMPARE(QDir(m_dir->path()).entryList({ QStringLiteral("x.ktrec.damaged-*") }).size(), 1);
    }

    void recorderWritesPerDayFilesAndNamesConditionResults()
    {
        MarketRecorder::Config config;
        config.directory = path("recordings");
        config.flushIntervalMs = 20;
        MarketRecorder rec(config);
        QVERIFY(rec.start());
        rec.realtimeFrame(DAY_MS, R"({"trnm":"PING"})");
        rec.realtimeFrame(DAY_MS + 1,
            R"({"trnm":"CNSRLST","return_code":0,"return_msg":"","data":[["0","거래량 급증"],["4","신고가"]]})");
        rec.realtimeFrame(DAY_MS + 2,
            R"({"trnm":"CNSRREQ","seq":"4","return_code":0,"data":[{"jmcode":"A005930"},{"jmcode":"A000660"}]})");
        rec.realtimeFrame(DAY_MS + 3, tradeFrame(0, 75000));
        rec.restReply(
            DAY_MS + 4, QStringLiteral("ka10081"), R"({"stk_cd":"005930"})", { QJsonObject { { "return_code", 0 } } });
        rec.realtimeFrame(DAY_MS + 86'400'000, tradeFrame(1, 75100)); // the next day
        rec.flush();
        const MarketRecorder::Stats stats = rec.stats();
        rec.stop();
        QCOMPARE(stats.framesQueued, quint64(5)); // REST replies are not frames
        QCOMPARE(stats.errors, quint64(0));
        const QString day1 = QDir(config.directory).filePath(MarketRecorder::fileNameFor(Krx::kstDate(DAY_MS)));
        const QString day2
            = QDir(config.directory).filePath(MarketRecorder::fileNameFor(Krx::kstDate(DAY_MS + 86'400'000)));
        const auto first = RecordingReader::readAll(day1);
        QVERIFY(first.ok());
        // PING dropped; CNSRLST, CNSRREQ, its condition result, the tick, the REST reply.
        QCOMPARE(first->size(), 5);
        QCOMPARE(first->at(2).kind, Kind::ConditionResult);
        const QJsonObject note = QJsonDocument::fromJson(first->at(2).data).object();
        QCOMPARE(note.value(u"name").toString(), QStringLiteral("신고가"));
        QCOMPARE(note.value(u"codes").toArray(), (QJsonArray { QStringLiteral("005930"), QStringLiteral("000660") }));
        QCOMPARE(first->at(2).timeMs, DAY_MS + 2);
        QCOMPARE(first->at(4).kind, Kind::RestReply);
        const QJsonObject rest = QJsonDocument::fromJson(first->at(4).data).object();
        QCOMPARE(rest.value(u"api_id").toString(), QStringLiteral("ka10081"));
        QCOMPARE(rest.value(u"request").toObject().value(u"stk_cd").toString(), QStringLiteral("005930"));
        const auto second = RecordingReader::readAll(day2);
        QVERIFY(second.ok());
        QCOMPARE(second->size(), 1);
        QCOMPARE(frameNumber(second->at(0).data), 1);
    }

    void sizeCapDeletesTheOldestDayFirst()
    {
        const QString dir = path("capped");
        QDir().mkpath(dir);
        for (const char *name : { "2026-12-01.ktrec", "2026-12-02.ktrec", "2026-12-03.ktrec" }) {
            RecordingWriter w;
            QVERIFY(w.open(QDir(dir).filePath(QString::fromLatin1(name))));
            QVector<Record> big;
            for (int i = 0; i < 200; ++i) // incompressible: ~20 KB a file
                big.append(Record { Kind::RealtimeFrame, DAY_MS + i,
                    QByteArray::number(quint64(i) * 0x9E3779B97F4A7C15ull, 36).repeated(8) + QByteArray::number(i) });
            QVERIFY(w.writeBlock(big));
        }
        const qint64 oneFile = QFileInfo(QDir(dir).filePath(QStringLiteral("2026-12-01.ktrec"))).size();
        MarketRecorder::Config config;
        config.directory = dir;
        config.maxBytes = oneFile + oneFile / 2; // room for one old file and today's
        config.flushIntervalMs = 10;
        MarketRecorder rec(config);
        QVERIFY(rec.start());
        rec.realtimeFrame(DAY_MS, tradeFrame(0, 75000));
        rec.flush();
        rec.stop();
        const QStringList left = QDir(dir).entryList({ QStringLiteral("*.ktrec") }, QDir::Files, QDir::Name);
        QCOMPARE(left,
            (QStringList { QStringLiteral("2026-12-03.ktrec"), MarketRecorder::fileNameFor(Krx::kstDate(DAY_MS)) }));
        QVERIFY(rec.stats().filesDeleted == 2);
    }

    void aWriterKilledMidWriteLeavesAReplayableFile()
    {
        const QString dir = path("killed");
        const QString file = QDir(dir).filePath(MarketRecorder::fileNameFor(Krx::kstDate(DAY_MS)));
        int expectedNext = 0;
        int tornTails = 0;
        for (int round = 0; round < 6; ++round) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("KT_RECORDER_CHILD"), dir);
            env.insert(QStringLiteral("KT_RECORDER_FIRST"), QString::number(expectedNext));
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(child.waitForStarted());
            const qint64 sizeBefore = QFileInfo(file).size();
            QElapsedTimer timer;
            timer.start();
            // Let it write for a while (at least 30 KB more), then kill it at an arbitrary moment.
            while (QFileInfo(file).size() < sizeBefore + 30'000 + round * 7'777 && timer.elapsed() < 20'000)
                QThread::usleep(300 + round * 131);
            QVERIFY(timer.elapsed() < 20'000);
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished());
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            RecordingReader reader;
            QVERIFY(reader.open(file));
            Record r;
            int n = 0;
            while (reader.next(&r)) {
                QCOMPARE(frameNumber(r.data), n); // contiguous, intact, in order
                QCOMPARE(r.timeMs, DAY_MS + n);
                ++n;
            }
            tornTails += reader.tailDamaged() ? 1 : 0;
            QVERIFY(n > expectedNext);
            // What was lost is what was queued but never written: the child restarts after the
            // last intact frame, so the file stays one contiguous numbering.
            expectedNext = n;
        }
        qInfo() << "frames recorded:" << expectedNext << "torn tails seen:" << tornTails << "of 6 kills";
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("KT_RECORDER_CHILD")) {
        QCoreApplication app(argc, argv);
        return runChildWriter(qEnvironmentVariable("KT_RECORDER_CHILD"));
    }
    QCoreApplication app(argc, argv);
    TestRecorder test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recorder.moc"
