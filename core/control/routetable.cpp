// SPDX-License-Identifier: GPL-3.0-or-later
#include "routetable.h"

#include <QJsonArray>

namespace Control {

namespace {

QStringList segments(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool isParam(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

// Trailing slashes are not significant: "/api/v1/positions/" and "/api/v1/positions" are one route.
bool matches(const QString &pattern, const QString &path, QHash<QString, QString> *params)
{
    const QStringList p = segments(pattern);
    const QStringList s = segments(path);
    if (p.size() != s.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (isParam(p[i]))
            found.insert(p[i].mid(1, p[i].size() - 2), s[i]);
        else if (p[i] != s[i])
            return false;
    }
    if (params)
        *params = std::move(found);
    return true;
}

QJsonObject errorSchemaRef()
{
    return { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error") } };
}

QJsonObject jsonContent(const QJsonObject &schema)
{
    return { { QStringLiteral("application/json"), QJsonObject { { QStringLiteral("schema"), schema } } } };
}

QString operationId(const Route &r)
{
    QString id = r.method.toLower();
    for (const QString &s : segments(r.pattern).mid(2)) { // past "api", "v1"
        QString part = isParam(s) ? QStringLiteral("by_") + s.mid(1, s.size() - 2) : s;
        part.replace(u'-', u'_').replace(u'.', u'_');
        id += u'_' + part;
    }
    return id;
}

} // namespace

Reply Reply::error(int status, const QString &code, const QString &message)
{
    return { status,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } } },
        {}, {} };
}

bool RouteTable::add(Route route)
{
    for (const Route &r : std::as_const(m_routes)) {
        if (r.method == route.method && segments(r.pattern) == segments(route.pattern))
            return false;
    }
    m_routes.append(std::move(route));
    return true;
}

bool RouteTable::setKnownCode(const QString &method, const QString &pattern, const QString &where)
{
    for (Route &r : m_routes) {
        if (r.method == method && segments(r.pattern) == segments(pattern)) {
            r.knownCode = where;
            return true;
        }
    }
    return false;
}

RouteTable::Match RouteTable::match(const QString &method, const QString &path) const
{
    Match m;
    // A literal segment beats a {param} ("/strategies/x" vs "/strategies/{type}"): exact routes first.
    const Route *best = nullptr;
    int bestParams = 0;
    for (const Route &r : m_routes) {
        QHash<QString, QString> params;
        if (!matches(r.pattern, path, &params))
            continue;
        if (!m.allowed.contains(r.method))
            m.allowed << r.method;
        if (r.method != method)
            continue;
        if (!best || params.size() < bestParams) {
            best = &r;
            bestParams = int(params.size());
            m.params = params;
        }
    }
    m.route = best;
    return m;
}

QJsonObject RouteTable::openApi(const QString &title, const QString &version) const
{
    QJsonObject paths;
    for (const Route &r : m_routes) {
        QJsonObject op { { QStringLiteral("summary"), r.summary }, { QStringLiteral("operationId"), operationId(r) },
            { QStringLiteral("x-scope"), r.scope == Scope::Trade ? QStringLiteral("trade") : QStringLiteral("read") } };
        const QStringList segs = segments(r.pattern);
        if (segs.size() > 2)
            op.insert(QStringLiteral("tags"), QJsonArray { segs[2] });
        QJsonArray parameters;
        for (const QString &s : segs) {
            if (!isParam(s))
                continue;
            parameters.append(QJsonObject { { QStringLiteral("name"), s.mid(1, s.size() - 2) },
                { QStringLiteral("in"), QStringLiteral("path") }, { QStringLiteral("required"), true },
                { QStringLiteral("schema"), QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } });
        }
        for (const auto &[name, description] : r.queryParams) {
            parameters.append(QJsonObject { { QStringLiteral("name"), name },
                { QStringLiteral("in"), QStringLiteral("query") }, { QStringLiteral("required"), false },
                { QStringLiteral("description"), description },
                { QStringLiteral("schema"), QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } });
        }
        if (r.idempotent) {
            parameters.append(QJsonObject { { QStringLiteral("name"), QStringLiteral("Idempotency-Key") },
                { QStringLiteral("in"), QStringLiteral("header") }, { QStringLiteral("required"), false },
                { QStringLiteral("description"),
                    QStringLiteral("the same key twice places one order and returns the same answer") },
                { QStringLiteral("schema"), QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } });
        }
        if (!parameters.isEmpty())
            op.insert(QStringLiteral("parameters"), parameters);
        if (!r.requestSchema.isEmpty()) {
            op.insert(QStringLiteral("requestBody"),
                QJsonObject { { QStringLiteral("required"), true },
                    { QStringLiteral("content"), jsonContent(r.requestSchema) } });
        }
        const QJsonObject content = !r.contentType.isEmpty()
            ? QJsonObject { { QString::fromLatin1(r.contentType.split(';').constFirst().trimmed()),
                QJsonObject { { QStringLiteral("schema"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                        { QStringLiteral("format"), QStringLiteral("binary") } } } } } }
            : jsonContent(r.responseSchema.isEmpty()
                    ? QJsonObject { { QStringLiteral("type"), QStringLiteral("object") } }
                    : r.responseSchema);
        QJsonObject responses { { QStringLiteral("200"),
            QJsonObject {
                { QStringLiteral("description"), QStringLiteral("OK") }, { QStringLiteral("content"), content } } } };
        responses.insert(QStringLiteral("default"),
            QJsonObject { { QStringLiteral("description"), QStringLiteral("an error (4xx)") },
                { QStringLiteral("content"), jsonContent(errorSchemaRef()) } });
        op.insert(QStringLiteral("responses"), responses);

        QJsonObject item = paths.value(r.pattern).toObject();
        item.insert(r.method.toLower(), op);
        paths.insert(r.pattern, item);
    }

    const QJsonObject errorSchema { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("required"), QJsonArray { QStringLiteral("error") } },
        { QStringLiteral("properties"),
            QJsonObject { { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
                    { QStringLiteral("required"), QJsonArray { QStringLiteral("code"), QStringLiteral("message") } },
                    { QStringLiteral("properties"),
                        QJsonObject { { QStringLiteral("code"),
                                          QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } },
                            { QStringLiteral("message"),
                                QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } } } } } } } };

    return QJsonObject { { QStringLiteral("openapi"), QStringLiteral("3.0.3") },
        { QStringLiteral("info"),
            QJsonObject { { QStringLiteral("title"), title }, { QStringLiteral("version"), version } } },
        { QStringLiteral("paths"), paths },
        { QStringLiteral("security"), QJsonArray { QJsonObject { { QStringLiteral("bearerAuth"), QJsonArray {} } } } },
        { QStringLiteral("components"),
            QJsonObject { { QStringLiteral("securitySchemes"),
                              QJsonObject { { QStringLiteral("bearerAuth"),
                                  QJsonObject { { QStringLiteral("type"), QStringLiteral("http") },
                                      { QStringLiteral("scheme"), QStringLiteral("bearer") } } } } },
                { QStringLiteral("schemas"), QJsonObject { { QStringLiteral("Error"), errorSchema } } } } } };
}

} // namespace Control
