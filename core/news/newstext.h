// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Text helpers shared by the Naver clients (and the simulator's Naver fixtures).
//
// Why it exists: Naver's news titles carry <b> highlight tags and HTML entities, and the Naver
// Finance board is served as EUC-KR while holding CP949-only syllables (똠, 햏, 뷁), so a strict
// EUC-KR decoder mangles Korean text. Charset conversion goes through glibc's iconv (always
// present, same tables on every Debian machine) rather than Qt's optional ICU codecs.
// Pure functions; any thread.
namespace NewsText {

// Removes tag-shaped sequences ("<b>", "</b>", "<br/>"); inserts nothing in their place, so a
// highlight split inside a word keeps the word whole. Text that is not a tag ("a < b") is kept.
QString stripTags(const QString &text);
// Decodes named (&quot; &amp; &lt; &gt; &apos; &nbsp; and common typographic ones) and numeric
// (&#39; &#x27;) entities; unknown or malformed ones stay as written.
QString decodeEntities(const QString &text);
// stripTags, then decodeEntities, then trims: a Naver title or description as a reader sees it.
QString plainText(const QString &html);

// The charset named by a Content-Type value ("text/html; charset=EUC-KR" -> "euc-kr"), lower-case;
// empty when none is named.
QByteArray charsetFromContentType(const QByteArray &contentType);
// The charset a page declares in its first 2 KB (<meta charset=...> or the http-equiv form),
// lower-case; empty when none.
QByteArray charsetFromMeta(const QByteArray &html);
// True for the names that mean Korean Wansung/UHC (euc-kr, cp949, ks_c_5601-1987, windows-949, uhc...).
bool isKoreanCharset(const QByteArray &charset);

// Decodes bytes in charset. Korean charsets are decoded as CP949 (the superset Naver really
// sends); "utf-8" strictly. Fails with Error{"news.encoding", ...} on an unknown charset or on
// bytes that are not valid in it.
Result<QString> decode(const QByteArray &bytes, const QByteArray &charset);
// Encodes text in charset (Korean charsets as CP949); fails on characters the charset lacks.
Result<QByteArray> encode(const QString &text, const QByteArray &charset);

} // namespace NewsText
