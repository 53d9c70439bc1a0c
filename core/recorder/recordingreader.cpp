// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingreader.h"

#include <zstd.h>

using namespace Recording;

RecordingReader::RecordingReader() = default;

RecordingReader::~RecordingReader()
{
    if (m_dctx)
        ZSTD_freeDCtx(m_dctx);
}

Status RecordingReader::open(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("recording.io"),
            QStringLiteral("cannot open %1: %2").arg(path, m_file.errorString()) };
    const QByteArray header = m_file.read(FILE_HEADER_SIZE);
    if (!isFileHeader(header))
        return Error { QStringLiteral("recording.not_a_recording"),
            QStringLiteral("%1 is not a Kiwoom Trader recording (version %2)").arg(path).arg(FORMAT_VERSION) };
    if (!m_dctx)
        m_dctx = ZSTD_createDCtx();
    m_validBytes = FILE_HEADER_SIZE;
    return {};
}

bool RecordingReader::next(Record *record)
{
    while (m_pending.empty()) {
        if (m_end || !readBlock())
            return false;
    }
    *record = std::move(m_pending.front());
    m_pending.pop_front();
    return true;
}

bool RecordingReader::readBlock()
{
    if (!m_file.isOpen()) {
        m_end = true;
        return false;
    }
    const QByteArray h = m_file.read(BLOCK_HEADER_SIZE);
    if (h.isEmpty()) {
        m_end = true; // a clean end
        return false;
    }
    auto damaged = [this](const QString &why) {
        m_damage = why;
        m_end = true;
        return false;
    };
    if (h.size() < BLOCK_HEADER_SIZE)
        return damaged(QStringLiteral("torn block header at byte %1").arg(m_validBytes));
    const char *p = h.constData();
    const quint32 flags = getU32(p + 4);
    const quint32 payloadLength = getU32(p + 8);
    const quint32 rawLength = getU32(p + 12);
    const quint32 count = getU32(p + 16);
    const qint64 baseTime = qint64(getU64(p + 20));
    if (getU32(p) != BLOCK_MAGIC || payloadLength > MAX_BLOCK_BYTES || rawLength > MAX_BLOCK_BYTES)
        return damaged(QStringLiteral("no block header at byte %1").arg(m_validBytes));
    const QByteArray payload = m_file.read(payloadLength);
    if (payload.size() != qsizetype(payloadLength))
        return damaged(QStringLiteral("torn block at byte %1").arg(m_validBytes));
    quint32 crc = crc32c(p, 28);
    crc = crc32c(payload.constData(), payload.size(), crc);
    if (crc != getU32(p + 28))
        return damaged(QStringLiteral("checksum mismatch in the block at byte %1").arg(m_validBytes));
    if (flags & FLAG_STREAM_START)
        ZSTD_DCtx_reset(m_dctx, ZSTD_reset_session_only);
    QByteArray raw(qsizetype(rawLength), Qt::Uninitialized);
    ZSTD_inBuffer in { payload.constData(), size_t(payload.size()), 0 };
    ZSTD_outBuffer out { raw.data(), size_t(raw.size()), 0 };
    while (out.pos < out.size) {
        const size_t outBefore = out.pos;
        const size_t inBefore = in.pos;
        const size_t r = ZSTD_decompressStream(m_dctx, &out, &in);
        if (ZSTD_isError(r))
            return damaged(QStringLiteral("block at byte %1 does not decode: %2")
                               .arg(m_validBytes)
                               .arg(QString::fromLatin1(ZSTD_getErrorName(r))));
        if (out.pos == outBefore && in.pos == inBefore)
            break; // no progress: the block is short
    }
    if (out.pos != out.size)
        return damaged(QStringLiteral("block at byte %1 decodes short").arg(m_validBytes));
    qsizetype pos = 0;
    qint64 time = baseTime;
    std::deque<Record> records;
    for (quint32 i = 0; i < count; ++i) {
        if (pos >= raw.size())
            return damaged(QStringLiteral("block at byte %1 holds fewer records than it says").arg(m_validBytes));
        Record r;
        r.kind = Kind(quint8(raw.at(pos++)));
        quint64 delta = 0;
        quint64 length = 0;
        if (!readVarint(raw.constData(), raw.size(), &pos, &delta)
            || !readVarint(raw.constData(), raw.size(), &pos, &length) || length > quint64(raw.size() - pos))
            return damaged(QStringLiteral("bad record in the block at byte %1").arg(m_validBytes));
        time += unzigzag(delta);
        r.timeMs = time;
        r.data = raw.mid(pos, qsizetype(length));
        pos += qsizetype(length);
        records.push_back(std::move(r));
    }
    for (Record &r : records)
        m_pending.push_back(std::move(r));
    m_validBytes += BLOCK_HEADER_SIZE + payloadLength;
    ++m_blocks;
    return true;
}

Result<QVector<Record>> RecordingReader::readAll(const QString &path, bool *tailDamaged)
{
    RecordingReader reader;
    if (const Status s = reader.open(path); !s)
        return s.error();
    QVector<Record> all;
    Record r;
    while (reader.next(&r))
        all.append(std::move(r));
    if (tailDamaged)
        *tailDamaged = reader.tailDamaged();
    return all;
}
