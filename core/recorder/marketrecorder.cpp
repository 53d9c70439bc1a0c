// SPDX-License-Identifier: GPL-3.0-or-later
#include "marketrecorder.h"

#include "common/logging.h"
#include "market/krx.h"
#include "recordingwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <chrono>

using namespace Recording;

MarketRecorder::MarketRecorder(Config config) : m_config(std::move(config)) { }

MarketRecorder::~MarketRecorder()
{
    stop();
}

QString MarketRecorder::fileNameFor(const QDate &date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1String(FILE_SUFFIX);
}

Status MarketRecorder::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return {};
    if (!QDir().mkpath(m_config.directory))
        return Error { QStringLiteral("recording.io"), QStringLiteral("cannot create %1").arg(m_config.directory) };
    m_running = true;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void MarketRecorder::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_stopping = true;
        m_wake.notify_one();
    }
    m_thread.join();
    std::lock_guard lock(m_mutex);
    m_running = false;
    m_stopping = false;
    m_flushDone = m_flushRequested;
    m_flushed.notify_all();
}

bool MarketRecorder::isRunning() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

void MarketRecorder::flush()
{
    std::unique_lock lock(m_mutex);
    if (!m_running)
        return;
    const quint64 ticket = ++m_flushRequested;
    m_wakeRequested = true;
    m_wake.notify_one();
    m_flushed.wait(lock, [&] { return m_flushDone >= ticket || !m_running; });
}

MarketRecorder::Stats MarketRecorder::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void MarketRecorder::realtimeFrame(qint64 receivedMs, const QByteArray &utf8)
{
    std::lock_guard lock(m_mutex);
    if (!m_running)
        return;
    m_queue.append(Record { Kind::RealtimeFrame, receivedMs, utf8 });
    ++m_stats.framesQueued;
    m_queuedBytes += utf8.size();
    if (m_queuedBytes >= m_config.blockBytes && !m_wakeRequested) {
        m_wakeRequested = true;
        m_wake.notify_one();
    }
}

void MarketRecorder::restReply(
    qint64 receivedMs, const QString &apiId, const QByteArray &requestBody, const QList<QJsonObject> &pages)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
    }
    // Rare (a few per minute): building the JSON here is cheaper than handing QJsonObjects across.
    QJsonArray pageArray;
    for (const QJsonObject &p : pages)
        pageArray.append(p);
    const QJsonObject o { { QStringLiteral("api_id"), apiId },
        { QStringLiteral("request"), QJsonDocument::fromJson(requestBody).object() },
        { QStringLiteral("pages"), pageArray } };
    const QByteArray data = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::lock_guard lock(m_mutex);
    if (!m_running)
        return;
    m_queue.append(Record { Kind::RestReply, receivedMs, data });
    m_queuedBytes += data.size();
}

void MarketRecorder::run()
{
    QVector<Record> batch;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, std::chrono::milliseconds(m_config.flushIntervalMs),
            [this] { return m_stopping || m_wakeRequested; });
        batch.swap(m_queue);
        m_queuedBytes = 0;
        m_wakeRequested = false;
        const quint64 ticket = m_flushRequested;
        const bool stopping = m_stopping;
        lock.unlock();
        if (!batch.isEmpty())
            writeBatch(batch);
        batch.clear();
        lock.lock();
        m_flushDone = ticket;
        m_flushed.notify_all();
        if (stopping && m_queue.isEmpty())
            break;
    }
    lock.unlock();
    m_writer.reset();
}

void MarketRecorder::annotate(const Record &frame, QVector<Record> &out)
{
    const QByteArray &f = frame.data;
    const bool list = f.contains("\"CNSRLST\"");
    const bool result = !list && f.contains("\"CNSRREQ\"");
    if (!list && !result)
        return;
    const QJsonObject o = QJsonDocument::fromJson(f).object();
    if (o.value(QLatin1String("return_code")).toInt(-1) != 0)
        return;
    const QJsonArray data = o.value(QLatin1String("data")).toArray();
    if (list) {
        for (const QJsonValue &v : data) {
            const QJsonArray pair = v.toArray();
            if (pair.size() >= 2)
                m_conditionNames.insert(pair.at(0).toString(), pair.at(1).toString());
        }
        return;
    }
    QJsonArray codes;
    for (const QJsonValue &v : data) {
        const QJsonObject row = v.toObject();
        QString code = row.value(QLatin1String("9001")).toString();
        if (code.isEmpty())
            code = row.value(QLatin1String("jmcode")).toString();
        if (code.startsWith(u'A'))
            code.remove(0, 1);
        if (!code.isEmpty())
            codes.append(code);
    }
    const QString seq = o.value(QLatin1String("seq")).toString();
    const QJsonObject note { { QStringLiteral("seq"), seq }, { QStringLiteral("name"), m_conditionNames.value(seq) },
        { QStringLiteral("search_type"),
            o.contains(QLatin1String("cont_yn")) ? QStringLiteral("0") : QStringLiteral("1") },
        { QStringLiteral("codes"), codes } };
    out.append(Record { Kind::ConditionResult, frame.timeMs, QJsonDocument(note).toJson(QJsonDocument::Compact) });
}

void MarketRecorder::writeBatch(QVector<Record> &batch)
{
    QVector<Record> block;
    block.reserve(batch.size() + 4);
    QDate blockDate;
    auto emitBlock = [&] {
        if (block.isEmpty())
            return;
        if ((blockDate != m_fileDate || !m_writer) && !openFor(blockDate)) {
            block.clear();
            return;
        }
        const qint64 sizeBefore = m_writer->fileSize();
        const Status s = m_writer->writeBlock(block);
        if (!s) {
            fail(s.error().message);
        } else {
            std::lock_guard lock(m_mutex);
            m_stats.recordsWritten += quint64(block.size());
            ++m_stats.blocksWritten;
            m_stats.fileBytes += quint64(m_writer->fileSize() - sizeBefore);
        }
        block.clear();
        if (++m_blocksSinceCap >= 64) {
            m_blocksSinceCap = 0;
            enforceCap();
        }
    };
    for (Record &r : batch) {
        if (r.kind == Kind::RealtimeFrame && r.data.size() < 64 && r.data.contains("\"PING\""))
            continue;
        const QDate date = Krx::kstDate(r.timeMs);
        if (date != blockDate) {
            emitBlock();
            blockDate = date;
        }
        QVector<Record> notes;
        if (r.kind == Kind::RealtimeFrame && !r.data.contains("\"REAL\""))
            annotate(r, notes);
        block.append(std::move(r));
        block.append(notes);
    }
    emitBlock();
    if (m_writer) {
        std::lock_guard lock(m_mutex);
        m_stats.rawBytes += quint64(m_writer->rawBytesWritten() - m_rawSeen);
        m_rawSeen = m_writer->rawBytesWritten();
        m_stats.currentFile = m_writer->path();
    }
}

bool MarketRecorder::openFor(const QDate &date)
{
    if (!m_writer)
        m_writer = std::make_unique<RecordingWriter>(m_config.compressionLevel);
    const QString path = QDir(m_config.directory).filePath(fileNameFor(date));
    const Status s = m_writer->open(path);
    if (!s) {
        fail(s.error().message);
        m_fileDate = QDate();
        return false;
    }
    m_fileDate = date;
    qCInfo(lcApp).noquote() << "recording to" << path;
    enforceCap();
    return true;
}

void MarketRecorder::enforceCap()
{
    QDir dir(m_config.directory);
    QFileInfoList files
        = dir.entryInfoList({ QStringLiteral("*") + QLatin1String(FILE_SUFFIX) }, QDir::Files, QDir::Name);
    qint64 total = 0;
    for (const QFileInfo &f : std::as_const(files))
        total += f.size();
    const QString current = m_writer && m_writer->isOpen() ? QFileInfo(m_writer->path()).absoluteFilePath() : QString();
    for (const QFileInfo &f : std::as_const(files)) {
        if (total <= m_config.maxBytes)
            break;
        if (f.absoluteFilePath() == current)
            continue;
        if (QFile::remove(f.absoluteFilePath())) {
            total -= f.size();
            qCInfo(lcApp).noquote() << "recording size cap: deleted" << f.fileName();
            std::lock_guard lock(m_mutex);
            ++m_stats.filesDeleted;
        }
    }
}

void MarketRecorder::fail(const QString &message)
{
    std::lock_guard lock(m_mutex);
    ++m_stats.errors;
    if (m_stats.lastError != message)
        qCWarning(lcApp).noquote() << "recorder:" << message;
    m_stats.lastError = message;
}
