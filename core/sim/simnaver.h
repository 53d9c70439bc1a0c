// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simhttpserver.h"

#include <QByteArray>
#include <QString>

#include <optional>

// SimNaver: the simulator's stand-in for Naver's news search API and the Naver Finance discussion
// board, so demo mode shows news and discussions with no keys and no internet. Fixtures written
// for this project (not Naver content) in the real wire formats (protocol §8):
//   GET /v1/search/news.json?query=..&display=..&start=..&sort=..  tab-indented JSON, "<\/b>"
//       highlights and HTML entities in title/description, RFC 822 dates in +0900; no keys needed;
//   GET /item/board.naver?code=XXXXXX&page=N (and board.nhn)  the list page in EUC-KR as Naver
//       serves it (Content-Type charset=EUC-KR, bytes CP949 with UHC-only syllables such as 똠/쓔),
//       20 posts per page in groups of 5, one of them hidden by the clean bot, 10 pages.
// Content depends only on the request and the market time given, so it is reproducible.
// Pure functions; any thread.
namespace SimNaver {

// The reply for a Naver path; nullopt for every other path.
std::optional<SimHttpResponse> handle(const SimHttpRequest &request, qint64 nowMs);

QByteArray newsJson(const QString &query, int display, int start, bool byDate, qint64 nowMs);
// The board page as UTF-8 text (the server encodes it as CP949).
QString boardHtml(const QString &code, int page, qint64 nowMs);

} // namespace SimNaver
