// SPDX-License-Identifier: GPL-3.0-or-later
#include "simrestapi.h"

#include "common/logging.h"
#include "simfaults.h"
#include "simformat.h"
#include "simmarket.h"
#include "simquota.h"
#include "simtokenstore.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

using namespace Sim;

namespace {

const QString TOKEN_PATH = QStringLiteral("/oauth2/token");
const QString REVOKE_PATH = QStringLiteral("/oauth2/revoke");
const QString ACCOUNT_PATH = QStringLiteral("/api/dostk/acnt");
const QString STOCK_INFO_PATH = QStringLiteral("/api/dostk/stkinfo");
const QString MARKET_PATH = QStringLiteral("/api/dostk/mrkcond");
const QString CHART_PATH = QStringLiteral("/api/dostk/chart");
const QString ORDER_PATH = QStringLiteral("/api/dostk/ordr");

const QHash<QString, QString> &routes()
{
    static const QHash<QString, QString> table = {
        { QStringLiteral("au10001"), TOKEN_PATH },
        { QStringLiteral("au10002"), REVOKE_PATH },
        { QStringLiteral("ka00001"), ACCOUNT_PATH },
        { QStringLiteral("kt00001"), ACCOUNT_PATH },
        { QStringLiteral("kt00004"), ACCOUNT_PATH },
        { QStringLiteral("kt00018"), ACCOUNT_PATH },
        { QStringLiteral("ka10075"), ACCOUNT_PATH },
        { QStringLiteral("ka10076"), ACCOUNT_PATH },
        { QStringLiteral("ka10074"), ACCOUNT_PATH },
        { QStringLiteral("ka10077"), ACCOUNT_PATH },
        { QStringLiteral("ka10001"), STOCK_INFO_PATH },
        { QStringLiteral("ka10099"), STOCK_INFO_PATH },
        { QStringLiteral("ka10100"), STOCK_INFO_PATH },
        { QStringLiteral("ka10095"), STOCK_INFO_PATH },
        { QStringLiteral("ka10004"), MARKET_PATH },
        { QStringLiteral("ka10007"), MARKET_PATH },
        { QStringLiteral("ka10079"), CHART_PATH },
        { QStringLiteral("ka10080"), CHART_PATH },
        { QStringLiteral("ka10081"), CHART_PATH },
        { QStringLiteral("kt10000"), ORDER_PATH },
        { QStringLiteral("kt10001"), ORDER_PATH },
        { QStringLiteral("kt10002"), ORDER_PATH },
        { QStringLiteral("kt10003"), ORDER_PATH },
    };
    return table;
}

bool isKnownPath(const QString &path)
{
    static const QSet<QString> paths = {
        TOKEN_PATH,
        REVOKE_PATH,
        ACCOUNT_PATH,
        STOCK_INFO_PATH,
        MARKET_PATH,
        CHART_PATH,
        ORDER_PATH,
        QStringLiteral("/api/dostk/crdordr"),
        QStringLiteral("/api/dostk/rkinfo"),
        QStringLiteral("/api/dostk/frgnistt"),
        QStringLiteral("/api/dostk/elw"),
        QStringLiteral("/api/dostk/sect"),
        QStringLiteral("/api/dostk/etf"),
        QStringLiteral("/api/dostk/slb"),
        QStringLiteral("/api/dostk/thme"),
        QStringLiteral("/api/dostk/shsa"),
    };
    return paths.contains(path);
}

bool isOrderTr(const QString &apiId)
{
    return apiId == QLatin1String("kt10000") || apiId == QLatin1String("kt10001") || apiId == QLatin1String("kt10002")
        || apiId == QLatin1String("kt10003");
}

QByteArray reasonBody(int status)
{
    const QByteArray text = QByteArray::number(status)
        + (status == 502        ? " Bad Gateway"
                : status == 503 ? " Service Temporarily Unavailable"
                : status == 504 ? " Gateway Time-out"
                                : " Internal Server Error");
    return "<html><head><title>" + text + "</title></head><body><h1>" + text + "</h1></body></html>";
}

SimHttpResponse faultResponse(const SimFaults::Rule &fault)
{
    SimHttpResponse r;
    if (fault.kind == SimFaults::Kind::Timeout) {
        r.mode = SimHttpResponse::Mode::Hold;
        r.holdMs = fault.holdMs;
        return r;
    }
    r.status = fault.status;
    r.body = reasonBody(fault.status);
    r.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html") } };
    return r;
}

} // namespace

SimRestApi::SimRestApi(const SimConfig &config, SimMarket &market, SimExchange &exchange, SimTokenStore &tokens,
    SimQuota &quota, SimFaults &faults)
    : m_config(config)
    , m_market(market)
    , m_tokens(tokens)
    , m_quota(quota)
    , m_faults(faults)
    , m_marketTrs(config, market)
    , m_accountTrs(config, market, exchange)
{
}

QString SimRestApi::pathOf(const QString &apiId)
{
    return routes().value(apiId);
}

SimHttpResponse SimRestApi::envelope(const QString &apiId, const SimTrReply &reply) const
{
    QJsonObject o = reply.data;
    o.insert(QStringLiteral("return_code"), reply.returnCode);
    o.insert(QStringLiteral("return_msg"), reply.returnMsg);
    SimHttpResponse response;
    response.status = reply.httpStatus;
    response.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    response.headers = {
        { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8") },
        { QByteArrayLiteral("api-id"), apiId.toLatin1() },
        { QByteArrayLiteral("cont-yn"), reply.more ? QByteArrayLiteral("Y") : QByteArrayLiteral("N") },
        { QByteArrayLiteral("next-key"), reply.nextKey.toUtf8() },
    };
    return response;
}

SimHttpResponse SimRestApi::handle(const SimHttpRequest &request)
{
    ++m_requests;
    const QString path = QString::fromUtf8(request.path);
    if (!isKnownPath(path)) {
        SimHttpResponse r
            = envelope(QString(), trError(2, QStringLiteral("입력 값 오류입니다[1501:존재하지 않는 URI입니다]")));
        r.status = 404;
        return r;
    }
    if (request.method != "POST") {
        SimHttpResponse r = envelope(QString(), inputError(1517, QStringLiteral("POST 요청만 지원합니다")));
        r.status = 405;
        r.headers.append({ QByteArrayLiteral("Allow"), QByteArrayLiteral("POST") });
        return r;
    }

    const bool tokenPath = path == TOKEN_PATH || path == REVOKE_PATH;
    QString apiId = QString::fromLatin1(request.header("api-id")).trimmed();
    if (apiId.isEmpty()) {
        // Kiwoom's own client sends no api-id for the token calls; accept both.
        if (!tokenPath)
            return envelope(apiId, inputError(1501, QStringLiteral("API ID가 Null이거나 값이 없습니다")));
        apiId = path == TOKEN_PATH ? QStringLiteral("au10001") : QStringLiteral("au10002");
    }
    const QString route = pathOf(apiId);
    const bool forwarded = m_forwarder.accepts && m_forwarder.accepts(apiId);
    if (route.isEmpty() && !forwarded) {
        static const QRegularExpression kiwoomId(QStringLiteral("^(ka|kt|au)[0-9]{5}$"));
        if (kiwoomId.match(apiId).hasMatch())
            return envelope(apiId, inputError(8104, QStringLiteral("모의투자에서 지원하지 않는 API 입니다.")));
        return envelope(apiId, inputError(1505, QStringLiteral("해당 API ID는 존재하지 않습니다")));
    }
    if (!route.isEmpty() && route != path)
        return envelope(
            apiId, trError(3, QStringLiteral("잘못된 요청입니다[1504:해당 URI에서는 지원하는 API ID가 아닙니다]")));

    ++m_requestsByApi[apiId];
    bool malformed = false;
    int delayMs = 0; // delay: run the TR, answer late
    std::optional<SimFaults::Rule> lostReply; // when=after: run the TR, then lose its reply
    if (const auto fault = m_faults.onRestRequest(apiId, m_market.nowMs())) {
        qCInfo(lcSim) << "fault" << SimFaults::kindName(fault->kind) << "on" << apiId
                      << (fault->afterTr ? "(after the TR)" : "");
        switch (fault->kind) {
        case SimFaults::Kind::Http5xx:
        case SimFaults::Kind::Timeout:
            if (fault->afterTr) {
                lostReply = fault;
                break;
            }
            return faultResponse(*fault);
        case SimFaults::Kind::RateLimit: {
            const int configured = isOrderTr(apiId) ? m_config.orderQuotaPerSecond : m_config.queryQuotaPerSecond;
            const int limit = configured > 0 ? configured : 5; // report Kiwoom's usual 5/s when quotas are off
            SimTrReply reply = trError(5,
                QStringLiteral("허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. "
                               "유량=%1, API ID=%2]")
                    .arg(limit)
                    .arg(apiId));
            reply.httpStatus = 429;
            ++m_faultRateLimited;
            return envelope(apiId, reply);
        }
        case SimFaults::Kind::TokenExpiry:
            m_tokens.expireAll();
            break;
        case SimFaults::Kind::Malformed:
            malformed = true;
            break;
        case SimFaults::Kind::Delay:
            delayMs = std::max(0, fault->holdMs);
            break;
        default:
            break;
        }
    }

    if (!tokenPath) {
        if (!request.hasHeader("authorization")) {
            return envelope(apiId,
                inputError(1513,
                    QStringLiteral("Http Header에 authorization 필드가 설정되어 있어야 "
                                   "합니다")));
        }
        const QString auth = QString::fromLatin1(request.header("authorization")).trimmed();
        if (!auth.startsWith(QLatin1String("Bearer"), Qt::CaseInsensitive)
            || (auth.size() > 6 && auth.at(6) != QLatin1Char(' '))) {
            return envelope(apiId,
                inputError(1514,
                    QStringLiteral("입력으로 들어온 Http Header의 authorization 필드 "
                                   "형식이 맞지 않습니다")));
        }
        const QString token = auth.mid(6).trimmed();
        if (token.isEmpty()) {
            return envelope(apiId,
                inputError(1516,
                    QStringLiteral("Http Header의 authorization 필드에 Token이 설정되어 "
                                   "있지 않습니다")));
        }
        if (m_tokens.check(token) != SimTokenStore::Check::Valid)
            return envelope(apiId, trError(3, QStringLiteral("인증에 실패했습니다[8005:Token이 유효하지 않습니다]")));

        const bool order = isOrderTr(apiId);
        const SimQuota::Verdict verdict
            = m_quota.admit(apiId, order, order ? m_config.orderQuotaPerSecond : m_config.queryQuotaPerSecond,
                order ? m_config.totalOrderQuotaPerSecond : m_config.totalQueryQuotaPerSecond);
        if (verdict.code != 0) {
            ++(verdict.code == 1700 ? m_quota1700 : m_quota1701);
            SimTrReply reply = verdict.code == 1700
                ? trError(5,
                    QStringLiteral("허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. "
                                   "유량=%1, API ID=%2]")
                        .arg(verdict.limit)
                        .arg(apiId))
                : trError(5,
                    QStringLiteral("허용된 요청 개수를 초과하였습니다[1701:전체 허용된 요청 개수를 "
                                   "초과하였습니다. 유량=%1]")
                        .arg(verdict.limit));
            reply.httpStatus = 429;
            return envelope(apiId, reply);
        }
    }

    SimTrRequest tr;
    tr.apiId = apiId;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return envelope(apiId, inputError(1517, QStringLiteral("입력 형식이 올바르지 않습니다(JSON)")));
        tr.body = doc.object();
    }
    tr.cont = request.header("cont-yn").trimmed().toUpper() == "Y";
    tr.nextKey = QString::fromUtf8(request.header("next-key")).trimmed();

    if (forwarded)
        return m_forwarder.forward(apiId, tr);
    SimTrReply reply;
    if (apiId == QLatin1String("au10001"))
        reply = issueToken(tr);
    else if (apiId == QLatin1String("au10002"))
        reply = revokeToken(tr);
    else if (m_marketTrs.handles(apiId))
        reply = m_marketTrs.handle(tr);
    else
        reply = m_accountTrs.handle(tr);
    qCDebug(lcSim) << "REST" << apiId << "->" << reply.returnCode;

    if (lostReply)
        return faultResponse(*lostReply);
    SimHttpResponse response = envelope(apiId, reply);
    if (malformed)
        response.body.truncate(std::max<qsizetype>(1, response.body.size() / 2));
    response.delayMs = delayMs;
    return response;
}

std::optional<SimTrReply> SimRestApi::checkKeys(const QJsonObject &body) const
{
    const QString appKey = field(body, "appkey");
    const QString secretKey = field(body, "secretkey");
    if (appKey.isEmpty() || secretKey.isEmpty())
        return inputError(8020, QStringLiteral("appkey 또는 secretkey가 존재하지 않습니다"));
    if (appKey != m_config.effectiveAppKey())
        return trError(3, QStringLiteral("인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]"));
    if (secretKey != m_config.effectiveSecretKey())
        return trError(
            3, QStringLiteral("인증에 실패했습니다[8002:App Key와 Secret Key 검증에 실패했습니다(Secret Key)]"));
    return std::nullopt;
}

SimTrReply SimRestApi::issueToken(const SimTrRequest &request)
{
    const QString grant = field(request.body, "grant_type").trimmed();
    if (grant.isEmpty())
        return inputError(8011, QStringLiteral("grant_type이 존재하지 않습니다"));
    if (grant != QLatin1String("client_credentials"))
        return inputError(8012, QStringLiteral("grant_type이 올바르지 않습니다"));
    if (auto bad = checkKeys(request.body))
        return *bad;
    const SimTokenStore::Issued issued = m_tokens.issue();
    QJsonObject o;
    o.insert(QStringLiteral("expires_dt"), kst(issued.expiresMs, QStringLiteral("yyyyMMddHHmmss")));
    o.insert(QStringLiteral("token_type"), QStringLiteral("bearer"));
    o.insert(QStringLiteral("token"), issued.token);
    qCInfo(lcSim) << "token issued" << Redaction::fingerprint(issued.token);
    return trOk(o);
}

SimTrReply SimRestApi::revokeToken(const SimTrRequest &request)
{
    if (auto bad = checkKeys(request.body))
        return *bad;
    const QString token = field(request.body, "token").trimmed();
    if (token.isEmpty())
        return inputError(8016, QStringLiteral("Token이 존재하지 않습니다"));
    if (!m_tokens.revoke(token))
        return trError(3, QStringLiteral("인증에 실패했습니다[8015:Token 폐기에 실패했습니다]"));
    qCInfo(lcSim) << "token revoked" << Redaction::fingerprint(token);
    return trOk({});
}
