// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <initializer_list>
#include <optional>

// One REST transaction (TR) as the simulator's handlers see it: the api-id, the JSON body and the
// continuation headers; and the reply before it is wrapped into Kiwoom's envelope
// ({..., "return_code": <int>, "return_msg": "..."} + api-id/cont-yn/next-key headers).
struct SimTrRequest
{
    QString apiId;
    QJsonObject body;
    bool cont = false; // request header cont-yn: Y
    QString nextKey; // request header next-key
};

struct SimTrReply
{
    int returnCode = 0;
    QString returnMsg;
    QJsonObject data;
    bool more = false; // response header cont-yn: Y
    QString nextKey;
    int httpStatus = 200;
};

namespace Sim {

SimTrReply trOk(const QJsonObject &data, const QString &message = QStringLiteral("정상적으로 처리되었습니다"));
SimTrReply trError(int returnCode, const QString &message);
// return_code 2 "입력 값 오류입니다[code:text]".
SimTrReply inputError(int code, const QString &text);
// 1511 for the first required field that is absent or empty, else std::nullopt.
std::optional<SimTrReply> requireFields(const QJsonObject &body, std::initializer_list<const char *> names);
// 1902 unknown stock code.
SimTrReply unknownStock(const QString &code);
// A body field as text (numbers are accepted and converted).
QString field(const QJsonObject &body, const char *name);

// Pagination over rows listed in reply order whose keys are monotonic in that order (descending
// for newest-first lists). The next-key of a page is the key of the first row of the next page.
struct SimPage
{
    QJsonArray rows;
    bool more = false;
    QString nextKey;
};
using SimKeyedRows = QList<QPair<QString, QJsonObject>>;
SimPage page(const SimKeyedRows &rows, bool descendingKeys, const SimTrRequest &request, int pageSize);
// Applies a page to a reply: list under listName, cont-yn/next-key headers.
void putPage(SimTrReply &reply, const QString &listName, const SimPage &page);

} // namespace Sim
