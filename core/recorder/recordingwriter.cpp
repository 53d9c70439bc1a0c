// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingwriter.h"

#include "recordingreader.h"

#include <QDateTime>
#include <QFileInfo>

#include <zstd.h>

using namespace Recording;

RecordingWriter::RecordingWriter(int compressionLevel) : m_level(compressionLevel) { }

RecordingWriter::~RecordingWriter()
{
    close();
}

Status RecordingWriter::open(const QString &path)
{
    close();
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        // Find where the intact part ends; cut a torn tail, move a foreign file aside.
        RecordingReader reader;
        if (const Status s = reader.open(path); !s) {
            const QString aside
                = path + QStringLiteral(".damaged-") + QString::number(QDateTime::currentMSecsSinceEpoch());
            if (!QFile::rename(path, aside))
                return Error {
                    QStringLiteral("recording.io"),
                    QStringLiteral("%1 is not a recording and cannot be moved aside: %2").arg(path, s.error().message)
                };
        } else {
            Record r;
            while (reader.next(&r)) { }
            const qint64 valid = reader.validBytes();
            if (valid < info.size() && !QFile::resize(path, valid))
                return Error { QStringLiteral("recording.io"),
                    QStringLiteral("cannot cut the damaged tail of %1").arg(path) };
        }
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered))
        return Error { QStringLiteral("recording.io"),
            QStringLiteral("cannot open %1: %2").arg(path, m_file.errorString()) };
    m_size = m_file.size();
    if (m_size == 0) {
        const QByteArray header = fileHeader();
        if (m_file.write(header) != header.size()) {
            const QString why = m_file.errorString();
            m_file.close();
            return Error { QStringLiteral("recording.io"), QStringLiteral("cannot write %1: %2").arg(path, why) };
        }
        m_size = header.size();
    }
    m_cctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_compressionLevel, m_level);
    m_streamStart = true;
    return {};
}

void RecordingWriter::close()
{
    if (m_cctx) {
        ZSTD_freeCCtx(m_cctx);
        m_cctx = nullptr;
    }
    if (m_file.isOpen())
        m_file.close();
}

Status RecordingWriter::writeBlock(const QVector<Record> &records)
{
    if (records.isEmpty())
        return {};
    if (!isOpen())
        return Error { QStringLiteral("recording.closed"), QStringLiteral("no recording file is open") };
    m_raw.clear();
    qint64 previous = records.first().timeMs;
    for (const Record &r : records) {
        m_raw.append(char(r.kind));
        appendVarint(m_raw, zigzag(r.timeMs - previous));
        appendVarint(m_raw, quint64(r.data.size()));
        m_raw.append(r.data);
        previous = r.timeMs;
    }
    const size_t bound = ZSTD_compressBound(size_t(m_raw.size())) + 64;
    m_out.resize(qsizetype(BLOCK_HEADER_SIZE + bound));
    ZSTD_inBuffer in { m_raw.constData(), size_t(m_raw.size()), 0 };
    ZSTD_outBuffer out { m_out.data() + BLOCK_HEADER_SIZE, bound, 0 };
    for (;;) {
        const size_t left = ZSTD_compressStream2(m_cctx, &out, &in, ZSTD_e_flush);
        if (ZSTD_isError(left)) {
            // The stream is now unusable: start a new one with the next block.
            ZSTD_CCtx_reset(m_cctx, ZSTD_reset_session_only);
            m_streamStart = true;
            return Error { QStringLiteral("recording.zstd"), QString::fromLatin1(ZSTD_getErrorName(left)) };
        }
        if (left == 0)
            break;
        if (out.pos == out.size) {
            m_out.resize(m_out.size() * 2);
            out.dst = m_out.data() + BLOCK_HEADER_SIZE;
            out.size = size_t(m_out.size() - BLOCK_HEADER_SIZE);
        }
    }
    char *h = m_out.data();
    putU32(h, BLOCK_MAGIC);
    putU32(h + 4, m_streamStart ? FLAG_STREAM_START : 0);
    putU32(h + 8, quint32(out.pos));
    putU32(h + 12, quint32(m_raw.size()));
    putU32(h + 16, quint32(records.size()));
    putU64(h + 20, quint64(records.first().timeMs));
    quint32 crc = crc32c(h, 28);
    crc = crc32c(h + BLOCK_HEADER_SIZE, qsizetype(out.pos), crc);
    putU32(h + 28, crc);
    const qint64 total = BLOCK_HEADER_SIZE + qint64(out.pos);
    const qint64 written = m_file.write(h, total);
    if (written != total) {
        // A partial block is a torn tail: cut it so later blocks are not hidden behind it.
        const QString why = m_file.errorString();
        m_file.resize(m_size);
        ZSTD_CCtx_reset(m_cctx, ZSTD_reset_session_only);
        m_streamStart = true;
        return Error { QStringLiteral("recording.io"), QStringLiteral("cannot write %1: %2").arg(path(), why) };
    }
    m_streamStart = false;
    m_size += total;
    m_rawBytes += quint64(m_raw.size());
    ++m_blocks;
    return {};
}
