// SPDX-License-Identifier: GPL-3.0-or-later
#include "simtr.h"

#include <QJsonValue>

#include <optional>

namespace Sim {

SimTrReply trOk(const QJsonObject &data, const QString &message)
{
    SimTrReply reply;
    reply.data = data;
    reply.returnMsg = message;
    return reply;
}

SimTrReply trError(int returnCode, const QString &message)
{
    SimTrReply reply;
    reply.returnCode = returnCode;
    reply.returnMsg = message;
    return reply;
}

SimTrReply inputError(int code, const QString &text)
{
    return trError(2, QStringLiteral("입력 값 오류입니다[%1:%2]").arg(code).arg(text));
}

QString field(const QJsonObject &body, const char *name)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return {};
}

std::optional<SimTrReply> requireFields(const QJsonObject &body, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (field(body, name).trimmed().isEmpty())
            return inputError(1511, QStringLiteral("필수입력 파라미터=") + QLatin1String(name));
    }
    return std::nullopt;
}

SimTrReply unknownStock(const QString &code)
{
    Q_UNUSED(code)
    return inputError(1902, QStringLiteral("종목 정보가 없습니다"));
}

SimPage page(const SimKeyedRows &rows, bool descendingKeys, const SimTrRequest &request, int pageSize)
{
    SimPage out;
    int start = 0;
    if (request.cont && !request.nextKey.isEmpty()) {
        start = int(rows.size());
        for (int i = 0; i < rows.size(); ++i) {
            const QString &key = rows.at(i).first;
            if (descendingKeys ? key <= request.nextKey : key >= request.nextKey) {
                start = i;
                break;
            }
        }
    }
    const int size = std::max(1, pageSize);
    const int end = std::min(int(rows.size()), start + size);
    for (int i = start; i < end; ++i)
        out.rows.append(rows.at(i).second);
    if (end < rows.size()) {
        out.more = true;
        out.nextKey = rows.at(end).first;
    }
    return out;
}

void putPage(SimTrReply &reply, const QString &listName, const SimPage &page)
{
    reply.data.insert(listName, page.rows);
    reply.more = page.more;
    reply.nextKey = page.nextKey;
}

} // namespace Sim
