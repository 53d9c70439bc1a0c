// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "kiwoom/wiretap.h"
#include "recordingformat.h"

#include <QDate>
#include <QList>
#include <QJsonObject>
#include <QHash>
#include <QString>
#include <QVector>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

class RecordingWriter;

// MarketRecorder records what the broker sent (issue 12): every realtime text frame verbatim with
// its market receive time (PINGs excepted), the CNSRREQ condition results again with the name
// CNSRLST gave their seq, and the quote/chart REST replies — into per-day files
// <directory>/YYYY-MM-DD.ktrec (the KST date of the market time; a restarted app appends to the
// day's file), in the block format of recordingformat.h.
//
// It observes and never sits in the path: the WireTap calls (the client's thread) take a mutex,
// append to a queue and return. A writer thread of its own wakes every flushIntervalMs, or sooner
// when blockBytes are queued, and writes what is queued as one zstd block; so a crash loses at
// most the last flushIntervalMs. Disk errors are counted and reported in stats(), never thrown at
// the feed. Size cap: after each new file and every 64 blocks, while the *.ktrec files of the
// directory exceed maxBytes, the oldest is deleted (never the file being written).
//
// Thread-safe: the tap calls, stats() and flush() may come from any thread; start()/stop() from the
// owner's.
class MarketRecorder final : public Kiwoom::WireTap
{
    Q_DISABLE_COPY_MOVE(MarketRecorder)

public:
    struct Config
    {
        QString directory; // <data-dir>/recordings
        qint64 maxBytes = qint64(1024) << 20;
        int flushIntervalMs = 1000;
        int blockBytes = 256 * 1024;
        int compressionLevel = 12; // zstd; bench_recorder: 55.6 (3), 39.6 (12), 30.2 (19) bytes per 0B tick
    };

    struct Stats
    {
        quint64 framesQueued = 0; // realtime frames handed in
        quint64 recordsWritten = 0;
        quint64 blocksWritten = 0;
        quint64 rawBytes = 0; // record bytes before compression
        quint64 fileBytes = 0; // bytes written to files (block headers included)
        quint64 filesDeleted = 0; // by the size cap
        quint64 errors = 0;
        QString lastError;
        QString currentFile;
    };

    explicit MarketRecorder(Config config);
    ~MarketRecorder() override; // stop()

    // Creates the directory and starts the writer thread. Error recording.io.
    Status start();
    // Writes everything queued, closes the file and joins the writer thread.
    void stop();
    bool isRunning() const;
    // Blocks until everything queued before the call is written (tests, shutdown).
    void flush();
    Stats stats() const;
    const Config &config() const { return m_config; }
    static QString fileNameFor(const QDate &date); // "2026-12-07.ktrec"

    void realtimeFrame(qint64 receivedMs, const QByteArray &utf8) override;
    void restReply(qint64 receivedMs, const QString &apiId, const QByteArray &requestBody,
        const QList<QJsonObject> &pages) override;

private:
    void run();
    void writeBatch(QVector<Recording::Record> &batch);
    void annotate(const Recording::Record &frame, QVector<Recording::Record> &out);
    bool openFor(const QDate &date);
    void enforceCap();
    void fail(const QString &message);

    const Config m_config;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_flushed;
    QVector<Recording::Record> m_queue;
    qint64 m_queuedBytes = 0;
    bool m_running = false;
    bool m_stopping = false;
    bool m_wakeRequested = false;
    quint64 m_flushRequested = 0;
    quint64 m_flushDone = 0;
    Stats m_stats;
    std::thread m_thread;

    // Writer thread only.
    std::unique_ptr<RecordingWriter> m_writer;
    QDate m_fileDate;
    QHash<QString, QString> m_conditionNames; // CNSRLST: seq -> name
    int m_blocksSinceCap = 0;
    quint64 m_rawSeen = 0; // m_writer->rawBytesWritten() already counted
};
