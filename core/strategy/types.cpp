// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

using namespace Qt::StringLiterals;

namespace Strategies {

QJsonObject ParamSpec::toJson() const
{
    const bool integer = type == ParamType::Int;
    // Integers go out as JSON integers (20, not 20.0) so a client can send them back unchanged.
    const auto number = [integer](double v) { return integer ? QJsonValue(qint64(v)) : QJsonValue(v); };
    return QJsonObject {
        { u"name"_s, name },
        { u"type"_s, integer ? u"integer"_s : u"number"_s },
        { u"default"_s, number(defaultValue) },
        { u"min"_s, number(min) },
        { u"max"_s, number(max) },
        { u"description"_s, description },
    };
}

} // namespace Strategies
