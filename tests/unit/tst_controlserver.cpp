// SPDX-License-Identifier: GPL-3.0-or-later
// ControlServer's transport and security over real HTTP on 127.0.0.1 (no engine: the routes that
// need one answer 409), RouteTable matching and the generated OpenAPI document, ApiKeys (hashes
// only in the settings, the 0600 key file written once) and AuthThrottle's decay.
#include "common/activitylog.h"
#include "common/clock.h"
#include "common/settings.h"
#include "control/apikeys.h"
#include "control/auththrottle.h"
#include "control/controlserver.h"
#include "control/routetable.h"
#include "controlclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Control;
using namespace Qt::StringLiterals;

class TestControlServer final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ActivityLog> m_activity;
    ManualClock m_clock { 1'741'568'400'000 };
    std::unique_ptr<ControlServer> m_server;
    QByteArray m_readKey, m_tradeKey;

    QString keyFile() const { return m_dir->filePath(u"control-api-keys.json"_s); }

    ControlClient client(const QByteArray &key = {}) const
    {
        ControlClient c(m_server->port());
        c.setKey(key);
        return c;
    }

    static void verifyError(const ControlClient::Response &r, int status, const QString &code)
    {
        QVERIFY2(r.status == status, QByteArray(QByteArray::number(r.status) + " " + r.body).constData());
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Settings>(m_dir->filePath(u"kt.ini"_s));
        m_activity = std::make_unique<ActivityLog>();
        ControlServer::Deps deps;
        deps.settings = m_settings.get();
        deps.activity = m_activity.get();
        deps.clock = &m_clock;
        m_server = std::make_unique<ControlServer>(deps);
        ControlServer::Options o;
        o.keyFile = keyFile();
        o.maxAuthFailures = 5;
        o.authDecayMs = 10'000;
        auto port = m_server->start(o);
        QVERIFY2(port.ok(), port ? "" : qPrintable(port.error().message));
        QVERIFY(*port > 0);
        QCOMPARE(m_server->port(), *port);
        QVERIFY(m_server->keysGenerated());
        QFile f(keyFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject keys = QJsonDocument::fromJson(f.readAll()).object();
        m_readKey = keys.value(u"read_key"_s).toString().toLatin1();
        m_tradeKey = keys.value(u"trade_key"_s).toString().toLatin1();
    }

    void cleanup()
    {
        m_server.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void keysAreRandomHashedAndOwnerOnly()
    {
        static const QRegularExpression shape(u"^kt_[A-Za-z0-9_-]{32}$"_s);
        QVERIFY(shape.match(QString::fromLatin1(m_readKey)).hasMatch());
        QVERIFY(shape.match(QString::fromLatin1(m_tradeKey)).hasMatch());
        QVERIFY(m_readKey != m_tradeKey);
        const QFileDevice::Permissions perms = QFile::permissions(keyFile());
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner) && perms.testFlag(QFileDevice::WriteOwner));
        QCOMPARE(int(perms
                     & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                         | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther)),
            0);
        // Only hashes in the settings file.
        m_settings->sync();
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(!text.contains(m_readKey));
        QVERIFY(!text.contains(m_tradeKey));
        QVERIFY(text.contains(ApiKeys::hashHex(m_tradeKey)));
        for (const auto &e : m_activity->since(0))
            QVERIFY(!e.message.contains(QString::fromLatin1(m_tradeKey)));

        // A restart keeps the keys and does not touch the file.
        const QByteArray before = [&] {
            QFile f(keyFile());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        bool generated = true;
        auto again = ApiKeys::load(*m_settings, keyFile(), &generated);
        QVERIFY(again.ok());
        QVERIFY(!generated);
        QCOMPARE(again->check(m_tradeKey), std::optional<Scope>(Scope::Trade));
        QCOMPARE(again->check(m_readKey), std::optional<Scope>(Scope::Read));
        QCOMPARE(again->check(QByteArray("kt_wrong")), std::nullopt);
        QCOMPARE(again->check(QByteArray()), std::nullopt);
        QFile f(keyFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);

        QVERIFY(ApiKeys::constantTimeEquals("abc", "abc"));
        QVERIFY(!ApiKeys::constantTimeEquals("abc", "abd"));
        QVERIFY(!ApiKeys::constantTimeEquals("abc", "abcd"));
    }

    void rotateReplacesBothKeys()
    {
        auto fresh = m_server->rotateKeys();
        QVERIFY(fresh.ok());
        QVERIFY(fresh->tradeKey.toLatin1() != m_tradeKey);
        verifyError(client(m_tradeKey).get("/api/v1/app/version"), 401, u"unauthorized"_s);
        QCOMPARE(client(fresh->readKey.toLatin1()).get("/api/v1/app/version").status, 200);
    }

    void answersJsonWithSecurityHeaders()
    {
        const auto r = client(m_readKey).get("/api/v1/app/version");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.json().value(u"name"_s).toString(), u"kiwoom-trader"_s);
        QCOMPARE(r.json().value(u"api"_s).toString(), u"v1"_s);
    }

    void missingOrWrongKeyIs401()
    {
        auto r = client().get("/api/v1/health");
        verifyError(r, 401, u"unauthorized"_s);
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        verifyError(client("kt_notthekey").get("/api/v1/health"), 401, u"unauthorized"_s);
        // Not a bearer scheme.
        verifyError(client().send("GET", "/api/v1/health", {}, { { "Authorization", "Basic " + m_tradeKey } }), 401,
            u"unauthorized"_s);
        // Unknown paths too: without a key nothing is told.
        verifyError(client().get("/api/v1/nothing"), 401, u"unauthorized"_s);
    }

    void readKeyMayOnlyRead()
    {
        QCOMPARE(client(m_readKey).get("/api/v1/health").status, 200);
        verifyError(client(m_readKey).post("/api/v1/risk/resume", {}), 403, u"forbidden_scope"_s);
        verifyError(
            client(m_readKey).post("/api/v1/trading/buy", { { u"code"_s, u"005930"_s } }), 403, u"forbidden_scope"_s);
        verifyError(client(m_readKey).send("DELETE", "/api/v1/watchlist/005930"), 403, u"forbidden_scope"_s);
        // The trade key reaches the controller (no engine here: 409).
        verifyError(client(m_tradeKey).post("/api/v1/risk/resume", {}), 409, u"command.not_ready"_s);
    }

    void foreignHostIs403()
    {
        const QByteArray port = QByteArray::number(m_server->port());
        for (const QByteArray &host : QList<QByteArray> { "evil.example:" + port, "evil.example", "127.0.0.1",
                 "127.0.0.1:1", "localhost.evil.example:" + port, "127.0.0.2:" + port, QByteArray() }) {
            ControlClient c = client(m_tradeKey);
            c.setHost(host);
            verifyError(c.get("/api/v1/health"), 403, u"host_forbidden"_s);
        }
        for (const QByteArray &host : QList<QByteArray> { "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port }) {
            ControlClient c = client(m_tradeKey);
            c.setHost(host);
            QCOMPARE(c.get("/api/v1/health").status, 200);
        }
        // Two Host headers.
        verifyError(client(m_tradeKey).send("GET", "/api/v1/health", {}, { { "Host", "evil.example" } }), 403,
            u"host_forbidden"_s);
    }

    void foreignOriginIs403()
    {
        const QByteArray port = QByteArray::number(m_server->port());
        for (const QByteArray &origin : QList<QByteArray> { QByteArray("https://evil.example"), QByteArray("null"),
                 "http://evil.example:" + port, "http://127.0.0.1:1" }) {
            verifyError(client(m_tradeKey).send("GET", "/api/v1/health", {}, { { "Origin", origin } }), 403,
                u"origin_forbidden"_s);
        }
        QCOMPARE(
            client(m_tradeKey).send("GET", "/api/v1/health", {}, { { "Origin", "http://127.0.0.1:" + port } }).status,
            200);
    }

    void oversizedBodyIs413()
    {
        const QByteArray big = "{\"code\":\"" + QByteArray(70 * 1024, 'x') + "\"}";
        verifyError(
            client(m_tradeKey).send("POST", "/api/v1/trading/buy", big, { { "Content-Type", "application/json" } }),
            413, u"body_too_large"_s);
    }

    void malformedJsonIs400()
    {
        for (const QByteArray &body : QList<QByteArray> {
                 QByteArray("{bad"), QByteArray("[1,2]"), QByteArray("\"x\""), QByteArray("{\"a\":}") }) {
            verifyError(client(m_tradeKey)
                            .send("POST", "/api/v1/trading/buy", body, { { "Content-Type", "application/json" } }),
                400, u"malformed_json"_s);
        }
    }

    void wrongMethodIs405AndUnknownPathIs404()
    {
        auto r = client(m_tradeKey).send("DELETE", "/api/v1/health");
        verifyError(r, 405, u"method_not_allowed"_s);
        QCOMPARE(r.header("Allow"), QByteArray("GET"));
        r = client(m_tradeKey).get("/api/v1/trading/buy");
        verifyError(r, 405, u"method_not_allowed"_s);
        QCOMPARE(r.header("Allow"), QByteArray("POST"));
        r = client(m_tradeKey).send("PUT", "/api/v1/trading/settings");
        verifyError(r, 405, u"method_not_allowed"_s);
        QVERIFY(r.header("Allow").contains("GET") && r.header("Allow").contains("POST"));
        verifyError(client(m_tradeKey).get("/api/v1/nothing"), 404, u"not_found"_s);
        verifyError(client(m_tradeKey).get("/"), 404, u"not_found"_s);
        // Trailing slash is the same route (the seed's paths end in "/").
        QCOMPARE(client(m_readKey).get("/api/v1/health/").status, 200);
    }

    void repeatedFailuresAreThrottled()
    {
        for (int i = 0; i < 5; ++i)
            verifyError(client("kt_guess" + QByteArray::number(i)).get("/api/v1/health"), 401, u"unauthorized"_s);
        // Banned: even the right key is refused for a while, and is told when to come back.
        auto r = client(m_readKey).get("/api/v1/health");
        verifyError(r, 429, u"too_many_failures"_s);
        QVERIFY(r.header("Retry-After").toInt() > 0);
        m_clock.advanceMs(r.header("Retry-After").toInt() * 1000);
        QCOMPARE(client(m_readKey).get("/api/v1/health").status, 200);
        // One more failure bans again (the score has not fully decayed).
        verifyError(client("kt_guess").get("/api/v1/health"), 401, u"unauthorized"_s);
        verifyError(client(m_readKey).get("/api/v1/health"), 429, u"too_many_failures"_s);
        m_clock.advanceMs(60'000);
        QCOMPARE(client(m_readKey).get("/api/v1/health").status, 200);
    }

    void openApiListsExactlyTheRegisteredRoutes()
    {
        const auto r = client(m_readKey).get("/api/v1/openapi.json");
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QVERIFY(doc.value(u"openapi"_s).toString().startsWith(u"3.0."_s));
        QVERIFY(!doc.value(u"info"_s).toObject().value(u"title"_s).toString().isEmpty());
        QVERIFY(doc.value(u"info"_s).toObject().contains(u"version"_s));
        QCOMPARE(doc.value(u"components"_s)
                     .toObject()
                     .value(u"securitySchemes"_s)
                     .toObject()
                     .value(u"bearerAuth"_s)
                     .toObject()
                     .value(u"scheme"_s)
                     .toString(),
            u"bearer"_s);
        const QJsonObject paths = doc.value(u"paths"_s).toObject();
        QSet<QString> documented;
        QSet<QString> operationIds;
        static const QSet<QString> methods { u"get"_s, u"put"_s, u"post"_s, u"delete"_s, u"patch"_s };
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            QVERIFY2(p.key().startsWith(u"/api/v1/"_s), qPrintable(p.key()));
            const QJsonObject item = p.value().toObject();
            for (auto m = item.begin(); m != item.end(); ++m) {
                QVERIFY2(methods.contains(m.key()), qPrintable(m.key()));
                documented.insert(m.key().toUpper() + u' ' + p.key());
                const QJsonObject op = m.value().toObject();
                QVERIFY(!op.value(u"summary"_s).toString().isEmpty());
                const QString id = op.value(u"operationId"_s).toString();
                QVERIFY2(!operationIds.contains(id), qPrintable(id));
                operationIds.insert(id);
                const QJsonObject responses = op.value(u"responses"_s).toObject();
                QVERIFY(responses.contains(u"200"_s));
                QVERIFY(responses.value(u"200"_s).toObject().contains(u"description"_s));
                // Every {param} of the path is declared as a required path parameter.
                static const QRegularExpression param(u"\\{([a-z_]+)\\}"_s);
                QSet<QString> declared;
                for (const QJsonValue &v : op.value(u"parameters"_s).toArray()) {
                    const QJsonObject o = v.toObject();
                    QVERIFY(o.contains(u"schema"_s));
                    QVERIFY(
                        QSet<QString>({ u"path"_s, u"query"_s, u"header"_s }).contains(o.value(u"in"_s).toString()));
                    if (o.value(u"in"_s).toString() == u"path") {
                        QVERIFY(o.value(u"required"_s).toBool());
                        declared.insert(o.value(u"name"_s).toString());
                    }
                }
                QSet<QString> inPath;
                for (auto it = param.globalMatch(p.key()); it.hasNext();)
                    inPath.insert(it.next().captured(1));
                QCOMPARE(declared, inPath);
                if (op.contains(u"requestBody"_s))
                    QVERIFY(op.value(u"requestBody"_s)
                                .toObject()
                                .value(u"content"_s)
                                .toObject()
                                .contains(u"application/json"_s));
            }
        }
        QSet<QString> registered;
        for (const Route &route : m_server->routes().routes())
            registered.insert(route.method + u' ' + route.pattern);
        QCOMPARE(documented, registered);
        // The routes the issue asks for are there.
        for (const QString &must : { u"GET /api/v1/health"_s, u"POST /api/v1/trading/buy"_s,
                 u"POST /api/v1/orders/{id}/cancel"_s, u"POST /api/v1/risk/kill-switch"_s,
                 u"DELETE /api/v1/watchlist/{code}"_s, u"GET /api/v1/signals/ledger"_s })
            QVERIFY2(registered.contains(must), qPrintable(must));
    }

    void routeTableMatching()
    {
        RouteTable t;
        auto handler = [](const Request &) { return Reply::ok({}); };
        QVERIFY(t.add({ u"GET"_s, u"/a/{id}"_s, Scope::Read, u"s"_s, {}, {}, {}, false, handler }));
        QVERIFY(t.add({ u"GET"_s, u"/a/list"_s, Scope::Read, u"s"_s, {}, {}, {}, false, handler }));
        QVERIFY(t.add({ u"POST"_s, u"/a/{id}/go"_s, Scope::Trade, u"s"_s, {}, {}, {}, false, handler }));
        QVERIFY(!t.add({ u"GET"_s, u"/a/{id}/"_s, Scope::Read, u"s"_s, {}, {}, {}, false, handler }));
        auto m = t.match(u"GET"_s, u"/a/list"_s);
        QVERIFY(m.route);
        QCOMPARE(m.route->pattern, u"/a/list"_s);
        m = t.match(u"GET"_s, u"/a/42"_s);
        QVERIFY(m.route);
        QCOMPARE(m.params.value(u"id"_s), u"42"_s);
        m = t.match(u"GET"_s, u"/a/42/go"_s);
        QVERIFY(!m.route);
        QCOMPARE(m.allowed, QStringList { u"POST"_s });
        m = t.match(u"GET"_s, u"/b"_s);
        QVERIFY(!m.route);
        QVERIFY(m.allowed.isEmpty());
    }

    void throttleDecays()
    {
        ManualClock clock(0);
        AuthThrottle t(clock, 3, 1000);
        const QString c = u"127.0.0.1"_s;
        t.recordFailure(c);
        t.recordFailure(c);
        QCOMPARE(t.retryAfterMs(c), 0);
        t.recordFailure(c);
        QCOMPARE(t.retryAfterMs(c), 1000);
        QCOMPARE(t.retryAfterMs(u"other"_s), 0);
        clock.advanceMs(500);
        QCOMPARE(t.retryAfterMs(c), 500);
        clock.advanceMs(500);
        QCOMPARE(t.retryAfterMs(c), 0);
    }

    void nonLoopbackNeedsExplicitConsent()
    {
        ControlServer::Deps deps;
        deps.settings = m_settings.get();
        ControlServer other(deps);
        ControlServer::Options o;
        o.keyFile = keyFile();
        o.address = QHostAddress(u"0.0.0.0"_s);
        auto r = other.start(o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"control.address"_s);
    }
};

QTEST_GUILESS_MAIN(TestControlServer)
#include "tst_controlserver.moc"
