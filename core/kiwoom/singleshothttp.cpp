// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleshothttp.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace {
// No Kiwoom reply comes near this; a peer sending more (or announcing more) is not a broker.
constexpr qint64 MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
} // namespace

SingleShotHttp::SingleShotHttp(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
    const QByteArray &body, int timeoutMs, QObject *parent)
    : QObject(parent), m_url(url), m_headers(headers), m_body(body), m_timeoutMs(timeoutMs), m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_outcome.timedOut = true;
        fail(QStringLiteral("no reply within %1 ms").arg(m_timeoutMs));
    });
}

SingleShotHttp::~SingleShotHttp()
{
    abort();
}

void SingleShotHttp::start()
{
    const bool tls = m_url.scheme() == u"https";
    if (tls && !QSslSocket::supportsSsl()) {
        QTimer::singleShot(0, this, [this] { fail(QStringLiteral("TLS is not available in this Qt build")); });
        return;
    }
    QTcpSocket *socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    m_socket = socket;
    connect(socket, &QTcpSocket::readyRead, this, &SingleShotHttp::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &SingleShotHttp::onDisconnected);
    connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return; // handled by disconnected(): a response may be complete at close
        fail(m_socket ? m_socket->errorString() : QStringLiteral("socket error"));
    });
    m_timer.start(m_timeoutMs);
    const quint16 port = quint16(m_url.port(tls ? 443 : 80));
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        connect(ssl, &QSslSocket::encrypted, this, &SingleShotHttp::onConnected);
        ssl->connectToHostEncrypted(m_url.host(), port);
    } else {
        connect(socket, &QTcpSocket::connected, this, &SingleShotHttp::onConnected);
        socket->connectToHost(m_url.host(), port);
    }
}

void SingleShotHttp::abort()
{
    m_timer.stop();
    m_finished = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void SingleShotHttp::onConnected()
{
    m_outcome.connected = true;
    const bool tls = m_url.scheme() == u"https";
    QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal (RFC 7230 §5.4)
    if (m_url.port() > 0 && m_url.port() != (tls ? 443 : 80))
        host += ':' + QByteArray::number(m_url.port());
    QByteArray target = m_url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (m_url.hasQuery())
        target += '?' + m_url.query(QUrl::FullyEncoded).toLatin1();

    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &h : std::as_const(m_headers))
        request += h.first + ": " + h.second + "\r\n";
    request += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    request += "Connection: close\r\n\r\n";
    request += m_body;
    m_outcome.requestWritten = true;
    m_socket->write(request);
}

void SingleShotHttp::onReadyRead()
{
    if (m_finished || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > MAX_RESPONSE_BYTES) {
        fail(QStringLiteral("response larger than %1 bytes").arg(MAX_RESPONSE_BYTES));
        return;
    }
    if (parse(false))
        complete();
    else if (!m_malformed.isEmpty())
        fail(m_malformed);
}

void SingleShotHttp::onDisconnected()
{
    if (m_finished)
        return;
    if (m_socket)
        m_buffer += m_socket->readAll();
    if (parse(true))
        complete();
    else
        fail(m_malformed.isEmpty() ? QStringLiteral("connection closed before a complete response") : m_malformed);
}

// True once a complete response is in m_buffer.
bool SingleShotHttp::parse(bool atEof)
{
    for (;;) {
        if (!m_headersDone) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                m_malformed = QStringLiteral("not an HTTP response");
                return false;
            }
            const int status = statusLine[1].toInt();
            if (status >= 100 && status < 200) {
                m_buffer.remove(0, end + 4); // interim response (100 Continue)
                continue;
            }
            m_outcome.status = status;
            for (int i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                m_outcome.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
            }
            m_headersDone = true;
            m_bodyStart = end + 4;
            m_chunked = m_outcome.headers.value("transfer-encoding").toLower().contains("chunked");
            if (!m_chunked && m_outcome.headers.contains("content-length")) {
                bool ok = false;
                const qint64 length = m_outcome.headers.value("content-length").toLongLong(&ok);
                if (!ok || length < 0 || length > MAX_RESPONSE_BYTES) {
                    m_malformed = QStringLiteral("invalid Content-Length");
                    return false;
                }
                m_contentLength = length;
            }
        }
        const QByteArray data = m_buffer.mid(m_bodyStart);
        if (m_chunked) {
            QByteArray body;
            qsizetype pos = 0;
            for (;;) {
                const qsizetype lineEnd = data.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return false;
                bool ok = false;
                const qint64 size = data.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0 || size > MAX_RESPONSE_BYTES) {
                    m_malformed = QStringLiteral("invalid chunk size");
                    return false;
                }
                pos = lineEnd + 2;
                if (size == 0) {
                    m_outcome.body = body;
                    return true; // trailers are ignored
                }
                if (data.size() < pos + size + 2)
                    return false;
                body += data.mid(pos, size);
                pos += size + 2;
            }
        }
        if (m_contentLength >= 0) {
            if (data.size() < m_contentLength)
                return false;
            m_outcome.body = data.left(m_contentLength);
            return true;
        }
        // Neither length nor chunked: the body ends when the server closes.
        if (atEof) {
            m_outcome.body = data;
            return true;
        }
        return false;
    }
}

void SingleShotHttp::complete()
{
    if (m_finished)
        return;
    m_timer.stop();
    m_finished = true;
    m_outcome.error.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    emit finished();
}

void SingleShotHttp::fail(const QString &error)
{
    if (m_finished)
        return;
    m_timer.stop();
    m_finished = true;
    m_outcome.status = 0;
    m_outcome.error = error;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    emit finished();
}
