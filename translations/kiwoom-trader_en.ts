<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppRunner</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuyOrderExecutor</name>
    <message>
        <source>back to PENDING: no order had been placed when its processing stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal #%1 was interrupted before an order was placed (restart); it is tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal #%1 was interrupted after its order #%2 was placed; the order stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal of %1 expired: it is not valid after its trading date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic trading is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kill switch (%1) allows no new buys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already held (position #%2, %3 shares).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A buy order for %1 is already working (or its outcome is unknown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current price for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current price for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current price for %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity 0: no usable price for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity 0: price %1 &gt; amount %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity 0: price %1 &gt; max invest %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the risk guard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order could not be placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy order #%1 placed: %2 × %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Gave up after %2 retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Retry %2 of %3 at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order #%1 was refused before it reached the exchange (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order #%1 was rejected by the broker: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of order #%1 is unknown (%2); it is being reconciled and no other order is placed for this signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought %1 × %2 at %3 (order #%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order #%1 ended with %2 of %3 shares bought at %4; the rest was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order #%1 was cancelled without a fill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order #%1 was rejected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CleanupScheduler</name>
    <message numerus="yes">
        <source>New trading day %1: %n old signal(s) expired.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConditionMonitor</name>
    <message>
        <source>Condition %1: the search failed; trying again at the next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stock(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n buy signal(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Condition %1: %2 %3 entered; buy signal at or below %L4 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Control::ApiKeys</name>
    <message>
        <source>Cannot write the control API key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the control API key file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>unknown field (allowed: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stock code of six digits (e.g. 005930) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a positive integer (at most %1) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a positive integer is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;limit&quot; or &quot;market&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after &quot;to&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trading engine is not running yet (the broker session is not ready).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a non-negative integer is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object {name: value} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either quantity or amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least one setting is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an order state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO_NEW_ENTRIES, REDUCE_ONLY, CANCEL_ALL or FLATTEN_ALL (POST /risk/resume turns it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engaged through the control API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The control API needs a key file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The control API binds to loopback addresses only unless control/bindAddress says otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The control API cannot listen on %1:%2 (in use?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed authentications; try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Host header must name this server by a loopback address and its port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from web pages of other origins are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Authorization: Bearer &lt;key&gt; (see the key file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed on %2; allowed: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The read key may only read; %1 %2 needs the trade key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected {...}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idempotency-Key: at most 255 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscussionBoardReader</name>
    <message>
        <source>Could not read the board: the page is not laid out as Naver&apos;s discussion board is known to be (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date in the first cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the second cell is not the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no link to the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the post link has no post id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a post without a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>views, likes or dislikes are not numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the board: the page is not valid %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page could not be searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no board table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post rows before the header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discussion board needs a stock code and a page &gt;= 1 (got &quot;%1&quot;, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver is not asked again for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the board: Naver did not send the page within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the Naver discussion board: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the board: Naver answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentCache</name>
    <message>
        <source>No usable price limits for %1 (upper %2, lower %3, base %4).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KillSwitch</name>
    <message>
        <source>The stored kill switch state is not valid; new buys stay blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A kill switch change needs an actor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a user (ui, api, cli) may lower the kill switch from %1 to %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a user (ui, api, cli) may resume trading, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch set to %1 but not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kiwoom Trader %1&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop trading terminal for the Kiwoom Securities REST and WebSocket API.&lt;br&gt;Built with Qt %1. Automated trading carries the risk of loss; test your strategies in demo mode first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide news and the discussion board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NaverNewsClient</name>
    <message>
        <source>The news search needs a query (a stock name or code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News search paging out of range: display must be 1–100 and start 1–1000 (got %1 and %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver API keys missing: set the Naver client id and secret in Settings (or NAVER_CLIENT_ID / NAVER_CLIENT_SECRET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver is not asked again for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver&apos;s daily search quota (%1 calls) is used up; news is available again after midnight (Korea time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver news search did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach Naver news search: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver news search sent an unreadable reply: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver refused the news search request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Naver application lacks the Search API permission: enable &quot;검색&quot; for it on developers.naver.com (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver API keys missing or wrong (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver refused the news search: HTTPS is required and the application needs the Search API permission (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver does not know this API address; check the news URL setting (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver&apos;s daily search quota is used up; news is available again after midnight (Korea time) (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver&apos;s per-second rate limit was exceeded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver news search failed on Naver&apos;s side (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver news search answered with an unexpected status (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewsDock</name>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News and discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 6-character stock code; press Enter to load its news and discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code, e.g. 005930</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh news and discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again (answers younger than the cache time come from the cache) (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Naver API keys configured: news search needs a Naver client id and secret. The discussion board works without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to add &amp;keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to add Naver API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News and discussion lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (KST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dislikes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discussion board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a stock code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News is not available: the trading core did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code: enter 6 characters, e.g. 005930.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discussion: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News: no articles found for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>News: %n article(s) (from the cache).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>News: %n article(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>[Hidden by Naver&apos;s clean bot]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discussion: no posts for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discussion failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News search uses Naver&apos;s search API, which needs a client id and secret (register an application at developers.naver.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the environment variables NAVER_CLIENT_ID and NAVER_CLIENT_SECRET before starting Kiwoom Trader, or store them in the system keychain as &quot;naver/clientId&quot; and &quot;naver/clientSecret&quot;. Then restart the app. Demo mode needs no keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discussion: %n post(s), page %1 of %2 (from the cache).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discussion: %n post(s), page %1 of %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewsService</name>
    <message>
        <source>The Naver API keys are still being read from the keychain; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Naver API keys configured: set NAVER_CLIENT_ID and NAVER_CLIENT_SECRET, or store naver/clientId and naver/clientSecret in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderManager</name>
    <message>
        <source>Not a valid order: %1 %2 × %3 at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order manager is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is %2: there is nothing to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reconciler</name>
    <message>
        <source>open orders (ka10075): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fills (ka10076): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settling orders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holdings (kt00018): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settling positions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deposit (kt00001): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted %1 %2: %3 shares at %4 held outside the app%5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, protected by stop-loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the broker holds %2 shares, the app had %3; set to the broker&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no longer held at the broker (sold outside the app); position closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskGuard</name>
    <message>
        <source>not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data is of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data is of %1, today is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no valid limits (upper %1, lower %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no new entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reduce only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flatten all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet: no order is placed until holdings, open orders and fills are checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order of %1 has an unknown outcome: nothing trades this stock until it is reconciled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity %1: an order needs at least 1 share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch is on (%1): no new buys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buys only in the continuous session; it is %1 KST (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular orders are not accepted now; it is %1 KST (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new buys in the last %1 minutes of the continuous session (from %2 KST, it ends %3 KST); it is %4 KST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s price limits of %1 are not known (%2): a buy needs them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit price %1 KRW: a limit order needs a price above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price %1 KRW is off the tick ladder (%2 KRW steps for ETFs at this price: %3 or %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price %1 KRW is off the tick ladder (%2 KRW steps for shares at this price: %3 or %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price %1 KRW is outside today&apos;s limits %2 – %3 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell of %1 shares of %2 exceeds the %3 sellable shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily loss limit reached: P&amp;L today %1 KRW (realized %2, unrealized %3), limit %4 KRW; new buys are halted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2, market buy at the upper limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order amount %1 KRW (%2) exceeds the per-order limit of %3 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buys today would reach %1 KRW (filled %2 + open %3 + this %4), over the daily limit of %5 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 positions are open (limit %2): no buy of a new stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buy needs %1 KRW (%2 + fee %3) but only %4 KRW is orderable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScalpingService</name>
    <message>
        <source>Scalping %1: buy signal for %2 %3 at %L4 KRW (%5).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceController</name>
    <message>
        <source>Unknown service &quot;%1&quot;; the services are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignalManager</name>
    <message>
        <source>A signal needs a stock code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signal of %1 needs a source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A strategy signal of %1 needs its strategy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only strategies raise sell signals (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity to buy must be at least 1 (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount to buy must be positive (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either a quantity or an amount to buy, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit price must be positive (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of signal #%1: the same stock, date, type and source is traded once a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy signal recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of sell signal #%1: the same stock, date, type and strategy is acted on once a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell signal recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell signal skipped: %1 is not held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell signal recorded: %1; exit requested for position #%2 (%3 shares).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopLossManager</name>
    <message>
        <source>price %1 at or below the stop-loss %2 (bought at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price %1 at or above the take-profit %2 (bought at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price %1 fell %2% below the highest %3 (trailing stop %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maximum holding time reached (price %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no position %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already being sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not held, or already being sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell order sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill switch: flatten all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no order was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 positions checked, %2 exits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrategyScanner</name>
    <message>
        <source>Strategy %1: %2 signal for %3 %4 (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TradingCommands</name>
    <message>
        <source>Services start once the account is reconciled with the broker; it is not yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code (six characters, e.g. 005930).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either a quantity or an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity and amount must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A market order takes no price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KRW is not on the KRX tick ladder (tick %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet: no order is placed until it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit sell needs a price; a market sell takes none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KRW is not on the KRX tick ladder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 shares of %2 are held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sold by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conditions are known yet (they are listed once the broker is connected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no condition &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no strategy &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto_trade_enabled must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_invest_amount is whole won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown trading setting &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TradingCore</name>
    <message>
        <source>The database could not be opened, so nothing will trade: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started in %1 mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo simulator did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the broker: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the broker (%1 mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Kiwoom Trader (process %1) is already running on %2; a second one would place every order twice, so this one does not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock %1, so nothing will trade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to send Kiwoom credentials unencrypted to %1: use https:// and wss://, or a loopback address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo defaults could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo account set up: automatic trading on, default strategies and conditions enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The control API did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control API at %1 (keys: %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TradingEngine</name>
    <message>
        <source>Today&apos;s bought amount cannot be read (%1); no buy until it can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling with the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order journal could not be read, so nothing will trade: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciled with the broker: %1 holdings, %2 open orders checked, orderable cash %3 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet, so nothing trades: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch %1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New trading day %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database busy: another program holds a write lock (%1). Orders that cannot be written are not sent; fills are taken from the broker once it is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database writable again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3: %4 shares at %5 KRW filled (order %6, %7/%8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 order for %2 refused: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply to the %1 order for %2 was lost (%3); asking the broker before anything else trades %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 not placed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selling %1 %2 (%3 shares): %4 — %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold %1 %2: %3 shares at %4 KRW, P&amp;L %5 KRW (%6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy signal %1 %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kill switch state could not be read; new entries stay stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n condition search(es) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The condition list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistSync</name>
    <message numerus="yes">
        <source>Watchlist: %1 added, %2 removed by the conditions (%n stock(s) watched).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kiwoom Trader - automated trading terminal for Kiwoom Securities.
With no configuration it runs in demo mode against its built-in simulator.

Tools:
  kiwoom-trader indicators --csv IN.csv --out OUT.csv
  kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--json]

Credentials for mock/live mode come from Settings or the environment variables
KIWOOM_APPKEY and KIWOOM_SECRETKEY, never from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the trading core without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the database, logs and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file (INI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker: demo (built-in simulator), mock or live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom-compatible REST base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom-compatible WebSocket URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: port of the built-in simulator (default: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port of the local control API (0 = any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services to start once reconciled: monitoring,strategy,scalping,stoploss,watchlist or all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions to enable for auto-trading: all or NAME,...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the trading date and session come from: sim (the simulator&apos;s announced virtual time) or system (the KST wall clock; the default for non-loopback hosts).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
