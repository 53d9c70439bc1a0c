// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "recordingformat.h"

#include <QFile>
#include <QString>
#include <QVector>

#include <deque>

struct ZSTD_DCtx_s;

// RecordingReader reads a recording file (recordingformat.h) record by record, block by block.
// It stops at the first block that is incomplete or fails its checksum or does not decode (a torn
// tail after power loss or a killed writer): everything before it is delivered, tailDamaged() is
// then true and damage() says why; validBytes() is where the intact part ends (RecordingWriter cuts
// the file there before appending). Not thread-safe.
class RecordingReader final
{
    Q_DISABLE_COPY_MOVE(RecordingReader)

public:
    RecordingReader();
    ~RecordingReader();

    // Error recording.not_a_recording / recording.io when the file cannot be read as one.
    Status open(const QString &path);
    // The next record; false at the end (or at damage).
    bool next(Recording::Record *record);
    bool tailDamaged() const { return !m_damage.isEmpty(); }
    QString damage() const { return m_damage; }
    qint64 validBytes() const { return m_validBytes; }
    int blocksRead() const { return m_blocks; }

    // The whole file at once (tailDamaged optional).
    static Result<QVector<Recording::Record>> readAll(const QString &path, bool *tailDamaged = nullptr);

private:
    bool readBlock();

    QFile m_file;
    ZSTD_DCtx_s *m_dctx = nullptr;
    std::deque<Recording::Record> m_pending;
    QString m_damage;
    qint64 m_validBytes = 0;
    int m_blocks = 0;
    bool m_end = false;
};
