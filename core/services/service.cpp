// SPDX-License-Identifier: GPL-3.0-or-later
#include "service.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

QJsonObject ServiceRun::toJson() const
{
    return {
        { u"started_at"_s, double(startedMs) },
        { u"finished_at"_s, finishedMs > 0 ? QJsonValue(double(finishedMs)) : QJsonValue(QJsonValue::Null) },
        { u"ok"_s, ok },
        { u"summary"_s, summary },
        { u"counts"_s, counts },
    };
}
