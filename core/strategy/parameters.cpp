// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameters.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Strategies {

namespace {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

QString shown(double v, ParamType type)
{
    if (type == ParamType::Int && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 12);
}

} // namespace

Error Parameters::error(const QString &strategyType, const QString &message)
{
    return Error { u"strategy.params"_s, strategyType + u": "_s + message };
}

Result<Parameters> Parameters::parse(const QString &type, const QList<ParamSpec> &specs, const QJsonObject &input)
{
    for (auto it = input.begin(); it != input.end(); ++it) {
        bool known = false;
        for (const ParamSpec &s : specs)
            known = known || s.name == it.key();
        if (!known) {
            QStringList names;
            for (const ParamSpec &s : specs)
                names << s.name;
            return error(type, u"unknown parameter \"%1\" (parameters: %2)"_s.arg(it.key(), names.join(u", "_s)));
        }
    }
    Parameters p;
    p.m_specs = specs;
    p.m_values.reserve(size_t(specs.size()));
    for (const ParamSpec &s : specs) {
        const QJsonValue v = input.value(s.name);
        if (v.isUndefined()) {
            p.m_values.push_back(s.defaultValue);
            continue;
        }
        if (!v.isDouble()) {
            return error(type, u"parameter \"%1\" must be a number, not %2"_s.arg(s.name, jsonTypeName(v)));
        }
        const double x = v.toDouble();
        if (!std::isfinite(x))
            return error(type, u"parameter \"%1\" must be a finite number"_s.arg(s.name));
        if (s.type == ParamType::Int && std::floor(x) != x) {
            return error(
                type, u"parameter \"%1\" must be an integer (got %2)"_s.arg(s.name, QString::number(x, 'g', 12)));
        }
        if (x < s.min || x > s.max) {
            return error(type,
                u"parameter \"%1\" must be between %2 and %3 (got %4)"_s.arg(
                    s.name, shown(s.min, s.type), shown(s.max, s.type), shown(x, s.type)));
        }
        p.m_values.push_back(x);
    }
    return p;
}

double Parameters::number(QLatin1StringView name) const
{
    for (qsizetype i = 0; i < m_specs.size(); ++i) {
        if (m_specs[i].name == name)
            return m_values[size_t(i)];
    }
    Q_ASSERT_X(false, "Parameters::number", "unknown parameter name");
    return 0.0;
}

int Parameters::integer(QLatin1StringView name) const
{
    // Int specs have ranges well inside int; parse() checked the value is integral and in range.
    return int(number(name));
}

QJsonObject Parameters::toJson() const
{
    QJsonObject o;
    for (qsizetype i = 0; i < m_specs.size(); ++i) {
        const double v = m_values[size_t(i)];
        if (m_specs[i].type == ParamType::Int)
            o.insert(m_specs[i].name, qint64(v));
        else
            o.insert(m_specs[i].name, v);
    }
    return o;
}

} // namespace Strategies
