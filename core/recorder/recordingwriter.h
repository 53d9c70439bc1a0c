// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "recordingformat.h"

#include <QFile>
#include <QString>
#include <QVector>

struct ZSTD_CCtx_s;

// RecordingWriter appends blocks to one recording file (format: recordingformat.h). open() creates
// the file, or repairs an existing one (a damaged tail is cut off at the last intact block, a file
// that is not a recording is moved aside as <name>.damaged-<ms>) and appends to it with a new zstd
// stream. writeBlock() compresses a batch of records into one block and hands it to the OS in a
// single write, so a process killed at any moment leaves whole blocks plus at most one torn one.
// Not thread-safe; MarketRecorder drives it from its writer thread.
class RecordingWriter final
{
    Q_DISABLE_COPY_MOVE(RecordingWriter)

public:
    explicit RecordingWriter(int compressionLevel = 3);
    ~RecordingWriter();

    Status open(const QString &path);
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    // Writes records (in time order) as one block; nothing for an empty list.
    Status writeBlock(const QVector<Recording::Record> &records);
    qint64 fileSize() const { return m_size; }
    quint64 rawBytesWritten() const { return m_rawBytes; }
    quint64 blocksWritten() const { return m_blocks; }

private:
    int m_level;
    QFile m_file;
    ZSTD_CCtx_s *m_cctx = nullptr;
    bool m_streamStart = true;
    qint64 m_size = 0;
    quint64 m_rawBytes = 0;
    quint64 m_blocks = 0;
    QByteArray m_raw;
    QByteArray m_out;
};
