<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AppRunner</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation>키움 트레이더</translation>
    </message>
</context>
<context>
    <name>BuyOrderExecutor</name>
    <message>
        <source>back to PENDING: no order had been placed when its processing stopped</source>
        <translation>PENDING으로 되돌림: 처리가 중단되기 전에 주문이 나가지 않았습니다</translation>
    </message>
    <message>
        <source>Signal #%1 was interrupted before an order was placed (restart); it is tried again.</source>
        <translation>신호 #%1이(가) 주문 전에 중단되었습니다(재시작). 다시 시도합니다.</translation>
    </message>
    <message>
        <source>order #%1</source>
        <translation>주문 #%1</translation>
    </message>
    <message>
        <source>Signal #%1 was interrupted after its order #%2 was placed; the order stands.</source>
        <translation>신호 #%1이(가) 주문 #%2을(를) 낸 뒤 중단되었습니다. 주문은 유지됩니다.</translation>
    </message>
    <message>
        <source>Signal of %1 expired: it is not valid after its trading date.</source>
        <translation>%1자 신호가 만료되었습니다: 해당 거래일이 지나면 유효하지 않습니다.</translation>
    </message>
    <message>
        <source>Automatic trading is off.</source>
        <translation>자동매매가 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>The kill switch (%1) allows no new buys.</source>
        <translation>킬 스위치(%1)가 켜져 있어 신규 매수를 할 수 없습니다.</translation>
    </message>
    <message>
        <source>Positions could not be read: %1</source>
        <translation>보유 포지션을 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>%1 is already held (position #%2, %3 shares).</source>
        <translation>%1은(는) 이미 보유 중입니다 (포지션 #%2, %3주).</translation>
    </message>
    <message>
        <source>A buy order for %1 is already working (or its outcome is unknown).</source>
        <translation>%1의 매수 주문이 이미 진행 중입니다 (또는 결과를 알 수 없습니다).</translation>
    </message>
    <message>
        <source>No current price for %1.</source>
        <translation>%1의 현재가가 없습니다.</translation>
    </message>
    <message>
        <source>No current price for %1: %2</source>
        <translation>%1의 현재가가 없습니다: %2</translation>
    </message>
    <message>
        <source>No current price for %1 yet.</source>
        <translation>%1의 현재가가 아직 없습니다.</translation>
    </message>
    <message>
        <source>quantity 0: no usable price for %1</source>
        <translation>수량 0: %1의 사용할 수 있는 가격 없음</translation>
    </message>
    <message>
        <source>quantity 0: price %1 &gt; amount %2</source>
        <translation>수량 0: 가격 %1 &gt; 금액 %2</translation>
    </message>
    <message>
        <source>quantity 0: price %1 &gt; max invest %2</source>
        <translation>수량 0: 가격 %1 &gt; 최대 투자금 %2</translation>
    </message>
    <message>
        <source>Refused by the risk guard: %1</source>
        <translation>리스크 관리에서 거부되었습니다: %1</translation>
    </message>
    <message>
        <source>The order could not be stored: %1</source>
        <translation>주문을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The order could not be placed: %1</source>
        <translation>주문을 내지 못했습니다: %1</translation>
    </message>
    <message>
        <source>market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>지정가 %1</translation>
    </message>
    <message>
        <source>Buy order #%1 placed: %2 × %3 (%4).</source>
        <translation>매수 주문 #%1 전송: %3 %2주 (%4).</translation>
    </message>
    <message>
        <source>%1 Gave up after %2 retries.</source>
        <translation>%1 %2회 재시도 후 포기했습니다.</translation>
    </message>
    <message>
        <source>%1 Retry %2 of %3 at %4.</source>
        <translation>%1 %4에 재시도합니다 (%2/%3회).</translation>
    </message>
    <message>
        <source>Order #%1 was refused before it reached the exchange (%2).</source>
        <translation>주문 #%1이(가) 거래소에 도달하기 전에 거부되었습니다 (%2).</translation>
    </message>
    <message>
        <source>Order #%1 was rejected by the broker: %2</source>
        <translation>주문 #%1이(가) 증권사에서 거부되었습니다: %2</translation>
    </message>
    <message>
        <source>The outcome of order #%1 is unknown (%2); it is being reconciled and no other order is placed for this signal.</source>
        <translation>주문 #%1의 결과를 알 수 없습니다 (%2). 증권사와 대조 중이며 이 신호로는 다른 주문을 내지 않습니다.</translation>
    </message>
    <message>
        <source>Bought %1 × %2 at %3 (order #%4).</source>
        <translation>%2 %1주를 %3원에 매수했습니다 (주문 #%4).</translation>
    </message>
    <message>
        <source>Order #%1 ended with %2 of %3 shares bought at %4; the rest was cancelled.</source>
        <translation>주문 #%1이(가) %3주 중 %2주를 %4원에 매수하고 종료되었습니다. 나머지는 취소되었습니다.</translation>
    </message>
    <message>
        <source>Order #%1 was cancelled without a fill.</source>
        <translation>주문 #%1이(가) 체결 없이 취소되었습니다.</translation>
    </message>
    <message>
        <source>Order #%1 was rejected: %2</source>
        <translation>주문 #%1이(가) 거부되었습니다: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>사유 없음</translation>
    </message>
</context>
<context>
    <name>CleanupScheduler</name>
    <message numerus="yes">
        <source>New trading day %1: %n old signal(s) expired.</source>
        <translation>
            <numerusform>새 거래일 %1: 지난 신호 %n건이 만료되었습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConditionMonitor</name>
    <message>
        <source>Condition %1: the search failed; trying again at the next run.</source>
        <translation>조건식 %1: 검색에 실패했습니다. 다음 실행 때 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Condition %1: %2, %3</source>
        <translation>조건식 %1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n stock(s)</source>
        <translation>
            <numerusform>%n종목</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n buy signal(s)</source>
        <translation>
            <numerusform>매수 신호 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Condition %1: %2 %3 entered; buy signal at or below %L4 KRW.</source>
        <translation>조건식 %1: %2 %3 편입. %L4원 이하에서 매수 신호.</translation>
    </message>
</context>
<context>
    <name>Control::ApiKeys</name>
    <message>
        <source>Cannot write the control API key file %1: %2</source>
        <translation>제어 API 키 파일 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot write the control API key file %1.</source>
        <translation>제어 API 키 파일 %1을(를) 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>unknown field (allowed: %1)</source>
        <translation>알 수 없는 필드 (허용: %1)</translation>
    </message>
    <message>
        <source>a stock code of six digits (e.g. 005930) is required</source>
        <translation>6자리 종목코드(예: 005930)가 필요합니다</translation>
    </message>
    <message>
        <source>required</source>
        <translation>필수 항목</translation>
    </message>
    <message>
        <source>a positive integer (at most %1) is required</source>
        <translation>양의 정수(최대 %1)가 필요합니다</translation>
    </message>
    <message>
        <source>a positive integer is required</source>
        <translation>양의 정수가 필요합니다</translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD is required</source>
        <translation>YYYY-MM-DD 형식의 날짜가 필요합니다</translation>
    </message>
    <message>
        <source>&quot;limit&quot; or &quot;market&quot;</source>
        <translation>&quot;limit&quot; 또는 &quot;market&quot;</translation>
    </message>
    <message>
        <source>after &quot;to&quot;</source>
        <translation>&quot;to&quot; 이후</translation>
    </message>
    <message>
        <source>The trading engine is not running yet (the broker session is not ready).</source>
        <translation>매매 엔진이 아직 실행 중이 아닙니다 (증권사 세션이 준비되지 않았습니다).</translation>
    </message>
    <message>
        <source>a non-negative integer is required</source>
        <translation>0 이상의 정수가 필요합니다</translation>
    </message>
    <message>
        <source>an object {name: value} is required</source>
        <translation>{이름: 값} 형식의 객체가 필요합니다</translation>
    </message>
    <message>
        <source>a string is required</source>
        <translation>문자열이 필요합니다</translation>
    </message>
    <message>
        <source>give either quantity or amount</source>
        <translation>quantity와 amount 중 하나만 지정하세요</translation>
    </message>
    <message>
        <source>at least one setting is required</source>
        <translation>설정이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>not an order state</source>
        <translation>주문 상태가 아닙니다</translation>
    </message>
    <message>
        <source>NO_NEW_ENTRIES, REDUCE_ONLY, CANCEL_ALL or FLATTEN_ALL (POST /risk/resume turns it off)</source>
        <translation>NO_NEW_ENTRIES, REDUCE_ONLY, CANCEL_ALL 또는 FLATTEN_ALL (해제는 POST /risk/resume)</translation>
    </message>
    <message>
        <source>engaged through the control API</source>
        <translation>제어 API로 설정됨</translation>
    </message>
    <message>
        <source>The control API needs a key file path.</source>
        <translation>제어 API에는 키 파일 경로가 필요합니다.</translation>
    </message>
    <message>
        <source>The control API binds to loopback addresses only unless control/bindAddress says otherwise.</source>
        <translation>제어 API는 control/bindAddress로 따로 지정하지 않으면 루프백 주소에만 바인딩합니다.</translation>
    </message>
    <message>
        <source>The control API cannot listen on %1:%2 (in use?).</source>
        <translation>제어 API가 %1:%2에서 수신할 수 없습니다 (사용 중인 포트?).</translation>
    </message>
    <message>
        <source>Too many failed authentications; try again in %1 s.</source>
        <translation>인증 실패가 너무 많습니다. %1초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The Host header must name this server by a loopback address and its port.</source>
        <translation>Host 헤더는 루프백 주소와 이 서버의 포트를 가리켜야 합니다.</translation>
    </message>
    <message>
        <source>Requests from web pages of other origins are refused.</source>
        <translation>다른 출처(Origin)의 웹 페이지에서 온 요청은 거부합니다.</translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>요청 본문이 %1바이트보다 큽니다.</translation>
    </message>
    <message>
        <source>Send Authorization: Bearer &lt;key&gt; (see the key file).</source>
        <translation>Authorization: Bearer &lt;키&gt; 헤더를 보내세요 (키 파일 참고).</translation>
    </message>
    <message>
        <source>The key is not valid.</source>
        <translation>키가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>No such route: %1</source>
        <translation>해당 경로가 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 is not allowed on %2; allowed: %3.</source>
        <translation>%2에는 %1을(를) 사용할 수 없습니다. 허용: %3.</translation>
    </message>
    <message>
        <source>The read key may only read; %1 %2 needs the trade key.</source>
        <translation>읽기 키로는 조회만 할 수 있습니다. %1 %2에는 매매 키가 필요합니다.</translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation>본문이 JSON 객체가 아닙니다: %1</translation>
    </message>
    <message>
        <source>expected {...}</source>
        <translation>{...} 형식이어야 합니다</translation>
    </message>
    <message>
        <source>Idempotency-Key: at most 255 characters.</source>
        <translation>Idempotency-Key는 최대 255자입니다.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different request.</source>
        <translation>이 Idempotency-Key는 다른 요청에 이미 사용되었습니다.</translation>
    </message>
</context>
<context>
    <name>DiscussionBoardReader</name>
    <message>
        <source>Could not read the board: the page is not laid out as Naver&apos;s discussion board is known to be (%1).</source>
        <translation>종목토론실을 읽을 수 없습니다. 페이지가 알려진 네이버 종목토론실 형식이 아닙니다 (%1).</translation>
    </message>
    <message>
        <source>post row %1: %2</source>
        <translation>게시글 행 %1: %2</translation>
    </message>
    <message>
        <source>no date in the first cell</source>
        <translation>첫 칸에 날짜가 없음</translation>
    </message>
    <message>
        <source>the second cell is not the title</source>
        <translation>둘째 칸이 제목이 아님</translation>
    </message>
    <message>
        <source>no link to the post</source>
        <translation>게시글 링크가 없음</translation>
    </message>
    <message>
        <source>the post link has no post id</source>
        <translation>게시글 링크에 글 번호(nid)가 없음</translation>
    </message>
    <message>
        <source>a post without a title</source>
        <translation>제목 없는 게시글</translation>
    </message>
    <message>
        <source>views, likes or dislikes are not numbers</source>
        <translation>조회·공감·비공감 수가 숫자가 아님</translation>
    </message>
    <message>
        <source>Could not read the board: the page is not valid %1 (%2).</source>
        <translation>종목토론실을 읽을 수 없습니다. 페이지가 올바른 %1이(가) 아닙니다 (%2).</translation>
    </message>
    <message>
        <source>not an HTML page</source>
        <translation>HTML 페이지가 아님</translation>
    </message>
    <message>
        <source>the page could not be searched</source>
        <translation>페이지를 탐색할 수 없음</translation>
    </message>
    <message>
        <source>no board table</source>
        <translation>게시판 표가 없음</translation>
    </message>
    <message>
        <source>post rows before the header row</source>
        <translation>머리글 행 앞에 게시글 행이 있음</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>머리글 행이 없음</translation>
    </message>
    <message>
        <source>The discussion board needs a stock code and a page &gt;= 1 (got &quot;%1&quot;, %2).</source>
        <translation>종목토론실 조회에는 종목코드와 1 이상의 페이지가 필요합니다 (입력: &quot;%1&quot;, %2).</translation>
    </message>
    <message>
        <source>Naver is not asked again for %1 s.</source>
        <translation>%1초 동안 네이버에 다시 요청하지 않습니다.</translation>
    </message>
    <message>
        <source>Could not read the board: Naver did not send the page within %1 s.</source>
        <translation>종목토론실을 읽을 수 없습니다. 네이버가 %1초 안에 페이지를 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not reach the Naver discussion board: %1.</source>
        <translation>네이버 종목토론실에 연결할 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>Could not read the board: Naver answered HTTP %1.</source>
        <translation>종목토론실을 읽을 수 없습니다. 네이버 응답 HTTP %1.</translation>
    </message>
</context>
<context>
    <name>InstrumentCache</name>
    <message>
        <source>No usable price limits for %1 (upper %2, lower %3, base %4).</source>
        <translation>%1의 유효한 상·하한가가 없습니다 (상한가 %2, 하한가 %3, 기준가 %4).</translation>
    </message>
</context>
<context>
    <name>KillSwitch</name>
    <message>
        <source>The stored kill switch state is not valid; new buys stay blocked.</source>
        <translation>저장된 킬 스위치 상태가 올바르지 않아 신규 매수를 계속 차단합니다.</translation>
    </message>
    <message>
        <source>A kill switch change needs an actor.</source>
        <translation>킬 스위치를 변경하려면 요청 주체가 필요합니다.</translation>
    </message>
    <message>
        <source>Only a user (ui, api, cli) may lower the kill switch from %1 to %2, not %3.</source>
        <translation>킬 스위치를 %1에서 %2(으)로 낮추는 것은 사용자(ui, api, cli)만 할 수 있습니다. %3은(는) 할 수 없습니다.</translation>
    </message>
    <message>
        <source>Only a user (ui, api, cli) may resume trading, not %1.</source>
        <translation>매매 재개는 사용자(ui, api, cli)만 할 수 있습니다. %1은(는) 할 수 없습니다.</translation>
    </message>
    <message>
        <source>Kill switch set to %1 but not saved: %2</source>
        <translation>킬 스위치를 %1(으)로 설정했지만 저장하지 못했습니다: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation>키움 트레이더</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>상태 표시줄(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Kiwoom Trader</source>
        <translation>키움 트레이더 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>About Kiwoom Trader</source>
        <translation>키움 트레이더 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kiwoom Trader %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;키움 트레이더 %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>A desktop trading terminal for the Kiwoom Securities REST and WebSocket API.&lt;br&gt;Built with Qt %1. Automated trading carries the risk of loss; test your strategies in demo mode first.</source>
        <translation>키움증권 REST 및 WebSocket API용 데스크톱 트레이딩 터미널입니다.&lt;br&gt;Qt %1 기반. 자동매매에는 손실 위험이 따릅니다. 전략은 먼저 데모 모드에서 시험하세요.</translation>
    </message>
    <message>
        <source>Demo (simulator)</source>
        <translation>데모 (시뮬레이터)</translation>
    </message>
    <message>
        <source>Mock trading</source>
        <translation>모의투자</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>실전투자</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Realtime reconnecting</source>
        <translation>실시간 재연결 중</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>연결 실패</translation>
    </message>
    <message>
        <source>&amp;News</source>
        <translation>뉴스(&amp;N)</translation>
    </message>
    <message>
        <source>Show or hide news and the discussion board</source>
        <translation>뉴스와 종목토론실 보이기/숨기기</translation>
    </message>
</context>
<context>
    <name>NaverNewsClient</name>
    <message>
        <source>The news search needs a query (a stock name or code).</source>
        <translation>뉴스 검색에는 검색어(종목명 또는 종목코드)가 필요합니다.</translation>
    </message>
    <message>
        <source>News search paging out of range: display must be 1–100 and start 1–1000 (got %1 and %2).</source>
        <translation>뉴스 검색 페이지 범위 초과: display는 1–100, start는 1–1000이어야 합니다 (입력: %1, %2).</translation>
    </message>
    <message>
        <source>Naver API keys missing: set the Naver client id and secret in Settings (or NAVER_CLIENT_ID / NAVER_CLIENT_SECRET).</source>
        <translation>네이버 API 키가 없습니다. 설정에서 네이버 클라이언트 ID와 시크릿을 지정하세요 (또는 NAVER_CLIENT_ID / NAVER_CLIENT_SECRET).</translation>
    </message>
    <message>
        <source>Naver is not asked again for %1 s.</source>
        <translation>%1초 동안 네이버에 다시 요청하지 않습니다.</translation>
    </message>
    <message>
        <source>Naver&apos;s daily search quota (%1 calls) is used up; news is available again after midnight (Korea time).</source>
        <translation>네이버 검색 일일 한도(%1회)를 모두 사용했습니다. 자정(한국 시간) 이후 다시 뉴스를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Naver news search did not answer within %1 s.</source>
        <translation>네이버 뉴스 검색이 %1초 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not reach Naver news search: %1.</source>
        <translation>네이버 뉴스 검색에 연결할 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>Naver news search sent an unreadable reply: %1.</source>
        <translation>네이버 뉴스 검색의 응답을 읽을 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>Naver refused the news search request (%1).</source>
        <translation>네이버가 뉴스 검색 요청을 거부했습니다 (%1).</translation>
    </message>
    <message>
        <source>The Naver application lacks the Search API permission: enable &quot;검색&quot; for it on developers.naver.com (%1).</source>
        <translation>네이버 애플리케이션에 검색 API 권한이 없습니다. developers.naver.com에서 &quot;검색&quot;을 사용 설정하세요 (%1).</translation>
    </message>
    <message>
        <source>Naver API keys missing or wrong (%1).</source>
        <translation>네이버 API 키가 없거나 올바르지 않습니다 (%1).</translation>
    </message>
    <message>
        <source>Naver refused the news search: HTTPS is required and the application needs the Search API permission (%1).</source>
        <translation>네이버가 뉴스 검색을 거부했습니다. HTTPS가 필요하며 애플리케이션에 검색 API 권한이 있어야 합니다 (%1).</translation>
    </message>
    <message>
        <source>Naver does not know this API address; check the news URL setting (%1).</source>
        <translation>네이버가 이 API 주소를 알지 못합니다. 뉴스 URL 설정을 확인하세요 (%1).</translation>
    </message>
    <message>
        <source>Naver&apos;s daily search quota is used up; news is available again after midnight (Korea time) (%1).</source>
        <translation>네이버 검색 일일 한도를 모두 사용했습니다. 자정(한국 시간) 이후 다시 뉴스를 볼 수 있습니다 (%1).</translation>
    </message>
    <message>
        <source>Naver&apos;s per-second rate limit was exceeded (%1).</source>
        <translation>네이버 초당 호출 한도를 초과했습니다 (%1).</translation>
    </message>
    <message>
        <source>Naver news search failed on Naver&apos;s side (%1).</source>
        <translation>네이버 측 오류로 뉴스 검색에 실패했습니다 (%1).</translation>
    </message>
    <message>
        <source>Naver news search answered with an unexpected status (%1).</source>
        <translation>네이버 뉴스 검색이 예상하지 못한 상태로 응답했습니다 (%1).</translation>
    </message>
</context>
<context>
    <name>NewsDock</name>
    <message>
        <source>News</source>
        <translation>뉴스</translation>
    </message>
    <message>
        <source>News and discussion</source>
        <translation>뉴스와 종목토론</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>종목(&amp;S):</translation>
    </message>
    <message>
        <source>Stock code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>A 6-character stock code; press Enter to load its news and discussion</source>
        <translation>6자리 종목코드를 입력하고 Enter를 누르면 뉴스와 종목토론을 불러옵니다</translation>
    </message>
    <message>
        <source>Code, e.g. 005930</source>
        <translation>종목코드 (예: 005930)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh news and discussion</source>
        <translation>뉴스와 종목토론 새로 고침</translation>
    </message>
    <message>
        <source>Ask again (answers younger than the cache time come from the cache) (F5)</source>
        <translation>다시 조회합니다 (캐시 시간이 지나지 않은 결과는 캐시에서 가져옵니다) (F5)</translation>
    </message>
    <message>
        <source>No Naver API keys configured: news search needs a Naver client id and secret. The discussion board works without them.</source>
        <translation>네이버 API 키가 설정되지 않았습니다. 뉴스 검색에는 네이버 클라이언트 ID와 시크릿이 필요합니다. 종목토론실은 키 없이도 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Naver API keys</source>
        <translation>네이버 API 키</translation>
    </message>
    <message>
        <source>How to add &amp;keys…</source>
        <translation>키 추가 방법(&amp;K)…</translation>
    </message>
    <message>
        <source>How to add Naver API keys</source>
        <translation>네이버 API 키 추가 방법</translation>
    </message>
    <message>
        <source>News and discussion lists</source>
        <translation>뉴스 및 종목토론 목록</translation>
    </message>
    <message>
        <source>Time (KST)</source>
        <translation>시각 (KST)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>글쓴이</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>공감</translation>
    </message>
    <message>
        <source>Dislikes</source>
        <translation>비공감</translation>
    </message>
    <message>
        <source>Discussion board</source>
        <translation>종목토론실</translation>
    </message>
    <message>
        <source>&amp;News</source>
        <translation>뉴스(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Discussion</source>
        <translation>종목토론(&amp;D)</translation>
    </message>
    <message>
        <source>Enter a stock code.</source>
        <translation>종목코드를 입력하세요.</translation>
    </message>
    <message>
        <source>News status</source>
        <translation>뉴스 상태</translation>
    </message>
    <message>
        <source>News is not available: the trading core did not start.</source>
        <translation>뉴스를 볼 수 없습니다. 트레이딩 코어가 시작되지 않았습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code: enter 6 characters, e.g. 005930.</source>
        <translation>&quot;%1&quot;은(는) 종목코드가 아닙니다. 6자리로 입력하세요 (예: 005930).</translation>
    </message>
    <message>
        <source>News: loading…</source>
        <translation>뉴스: 불러오는 중…</translation>
    </message>
    <message>
        <source>Discussion: loading…</source>
        <translation>종목토론: 불러오는 중…</translation>
    </message>
    <message>
        <source>News: no articles found for %1.</source>
        <translation>뉴스: %1 관련 기사가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>News: %n article(s) (from the cache).</source>
        <translation>
            <numerusform>뉴스: 기사 %n건 (캐시).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>News: %n article(s).</source>
        <translation>
            <numerusform>뉴스: 기사 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <source>[Hidden by Naver&apos;s clean bot]</source>
        <translation>[네이버 클린봇이 숨긴 글]</translation>
    </message>
    <message>
        <source>Discussion: no posts for %1.</source>
        <translation>종목토론: %1 게시글이 없습니다.</translation>
    </message>
    <message>
        <source>News failed: %1</source>
        <translation>뉴스 조회 실패: %1</translation>
    </message>
    <message>
        <source>Discussion failed: %1</source>
        <translation>종목토론 조회 실패: %1</translation>
    </message>
    <message>
        <source>News search uses Naver&apos;s search API, which needs a client id and secret (register an application at developers.naver.com).</source>
        <translation>뉴스 검색은 네이버 검색 API를 사용하며, 클라이언트 ID와 시크릿이 필요합니다 (developers.naver.com에서 애플리케이션을 등록하세요).</translation>
    </message>
    <message>
        <source>Set the environment variables NAVER_CLIENT_ID and NAVER_CLIENT_SECRET before starting Kiwoom Trader, or store them in the system keychain as &quot;naver/clientId&quot; and &quot;naver/clientSecret&quot;. Then restart the app. Demo mode needs no keys.</source>
        <translation>키움 트레이더를 시작하기 전에 환경 변수 NAVER_CLIENT_ID와 NAVER_CLIENT_SECRET을 설정하거나, 시스템 키체인에 &quot;naver/clientId&quot;와 &quot;naver/clientSecret&quot;으로 저장한 뒤 앱을 다시 시작하세요. 데모 모드에는 키가 필요 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Discussion: %n post(s), page %1 of %2 (from the cache).</source>
        <translation>
            <numerusform>종목토론: 게시글 %n건, %2쪽 중 %1쪽 (캐시).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discussion: %n post(s), page %1 of %2.</source>
        <translation>
            <numerusform>종목토론: 게시글 %n건, %2쪽 중 %1쪽.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewsService</name>
    <message>
        <source>The Naver API keys are still being read from the keychain; try again in a moment.</source>
        <translation>키체인에서 네이버 API 키를 읽는 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>No Naver API keys configured: set NAVER_CLIENT_ID and NAVER_CLIENT_SECRET, or store naver/clientId and naver/clientSecret in the keychain.</source>
        <translation>네이버 API 키가 설정되지 않았습니다. NAVER_CLIENT_ID와 NAVER_CLIENT_SECRET을 설정하거나 키체인에 naver/clientId와 naver/clientSecret을 저장하세요.</translation>
    </message>
</context>
<context>
    <name>OrderManager</name>
    <message>
        <source>Not a valid order: %1 %2 × %3 at %4.</source>
        <translation>올바르지 않은 주문입니다: %1 %2, 수량 %3, 가격 %4.</translation>
    </message>
    <message>
        <source>The order manager is not running.</source>
        <translation>주문 관리자가 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>주문 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Order %1 is %2: there is nothing to cancel.</source>
        <translation>주문 %1은(는) %2 상태입니다: 취소할 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Reconciler</name>
    <message>
        <source>open orders (ka10075): %1</source>
        <translation>미체결 (ka10075): %1</translation>
    </message>
    <message>
        <source>fills (ka10076): %1</source>
        <translation>체결 (ka10076): %1</translation>
    </message>
    <message>
        <source>settling orders: %1</source>
        <translation>주문 정리: %1</translation>
    </message>
    <message>
        <source>holdings (kt00018): %1</source>
        <translation>잔고 (kt00018): %1</translation>
    </message>
    <message>
        <source>settling positions: %1</source>
        <translation>포지션 정리: %1</translation>
    </message>
    <message>
        <source>deposit (kt00001): %1</source>
        <translation>예수금 (kt00001): %1</translation>
    </message>
    <message>
        <source>Adopted %1 %2: %3 shares at %4 held outside the app%5.</source>
        <translation>앱 외부에서 보유한 %1 %2 %3주(매입가 %4)를 가져왔습니다%5.</translation>
    </message>
    <message>
        <source>, protected by stop-loss</source>
        <translation> (손절 적용)</translation>
    </message>
    <message>
        <source>%1: the broker holds %2 shares, the app had %3; set to the broker&apos;s.</source>
        <translation>%1: 증권사 보유 %2주, 앱 기록 %3주. 증권사 기준으로 맞췄습니다.</translation>
    </message>
    <message>
        <source>%1: no longer held at the broker (sold outside the app); position closed.</source>
        <translation>%1: 증권사 잔고에 더 이상 없습니다 (앱 외부에서 매도). 포지션을 종료했습니다.</translation>
    </message>
</context>
<context>
    <name>RiskGuard</name>
    <message>
        <source>not loaded</source>
        <translation>불러오지 않음</translation>
    </message>
    <message>
        <source>the data is of %1</source>
        <translation>%1의 데이터임</translation>
    </message>
    <message>
        <source>the data is of %1, today is %2</source>
        <translation>%1 기준 데이터, 오늘은 %2</translation>
    </message>
    <message>
        <source>no valid limits (upper %1, lower %2)</source>
        <translation>유효한 상·하한가 없음 (상한가 %1, 하한가 %2)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>해제</translation>
    </message>
    <message>
        <source>no new entries</source>
        <translation>신규 진입 금지</translation>
    </message>
    <message>
        <source>reduce only</source>
        <translation>청산만 허용</translation>
    </message>
    <message>
        <source>cancel all</source>
        <translation>전체 취소</translation>
    </message>
    <message>
        <source>flatten all</source>
        <translation>전량 청산</translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet: no order is placed until holdings, open orders and fills are checked.</source>
        <translation>아직 증권사와 대조하지 않았습니다: 잔고, 미체결, 체결을 확인할 때까지 주문을 내지 않습니다.</translation>
    </message>
    <message>
        <source>An order of %1 has an unknown outcome: nothing trades this stock until it is reconciled.</source>
        <translation>%1 주문의 결과를 알 수 없습니다: 대조가 끝날 때까지 이 종목은 매매하지 않습니다.</translation>
    </message>
    <message>
        <source>Quantity %1: an order needs at least 1 share.</source>
        <translation>수량 %1: 주문은 최소 1주 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Kill switch is on (%1): no new buys.</source>
        <translation>킬 스위치가 켜져 있습니다(%1): 신규 매수를 하지 않습니다.</translation>
    </message>
    <message>
        <source>Buys only in the continuous session; it is %1 KST (%2).</source>
        <translation>매수는 정규장 접속매매 시간에만 합니다. 현재 %1 KST (%2)입니다.</translation>
    </message>
    <message>
        <source>Regular orders are not accepted now; it is %1 KST (%2).</source>
        <translation>지금은 일반 주문을 받지 않습니다. 현재 %1 KST (%2)입니다.</translation>
    </message>
    <message>
        <source>No new buys in the last %1 minutes of the continuous session (from %2 KST, it ends %3 KST); it is %4 KST.</source>
        <translation>접속매매 마감 전 %1분 동안은 신규 매수를 하지 않습니다 (%2 KST부터, %3 KST 마감). 현재 %4 KST입니다.</translation>
    </message>
    <message>
        <source>Today&apos;s price limits of %1 are not known (%2): a buy needs them.</source>
        <translation>%1의 오늘 상·하한가를 알 수 없습니다 (%2): 매수하려면 필요합니다.</translation>
    </message>
    <message>
        <source>Limit price %1 KRW: a limit order needs a price above 0.</source>
        <translation>지정가 %1원: 지정가 주문은 0보다 큰 가격이 필요합니다.</translation>
    </message>
    <message>
        <source>Price %1 KRW is off the tick ladder (%2 KRW steps for ETFs at this price: %3 or %4).</source>
        <translation>가격 %1원이 호가단위에 맞지 않습니다 (이 가격대 ETF 호가단위 %2원: %3 또는 %4).</translation>
    </message>
    <message>
        <source>Price %1 KRW is off the tick ladder (%2 KRW steps for shares at this price: %3 or %4).</source>
        <translation>가격 %1원이 호가단위에 맞지 않습니다 (이 가격대 주식 호가단위 %2원: %3 또는 %4).</translation>
    </message>
    <message>
        <source>Price %1 KRW is outside today&apos;s limits %2 – %3 KRW.</source>
        <translation>가격 %1원이 오늘 가격제한폭 %2 – %3원을 벗어납니다.</translation>
    </message>
    <message>
        <source>Sell of %1 shares of %2 exceeds the %3 sellable shares.</source>
        <translation>%2 %1주 매도는 매도가능수량 %3주를 초과합니다.</translation>
    </message>
    <message>
        <source>Daily loss limit reached: P&amp;L today %1 KRW (realized %2, unrealized %3), limit %4 KRW; new buys are halted.</source>
        <translation>일일 손실 한도 도달: 오늘 손익 %1원 (실현 %2, 평가 %3), 한도 %4원. 신규 매수를 중단합니다.</translation>
    </message>
    <message>
        <source>%1 × %2, market buy at the upper limit</source>
        <translation>%1주 × %2원, 상한가 기준 시장가 매수</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1주 × %2원</translation>
    </message>
    <message>
        <source>Order amount %1 KRW (%2) exceeds the per-order limit of %3 KRW.</source>
        <translation>주문금액 %1원 (%2)이 1회 주문 한도 %3원을 초과합니다.</translation>
    </message>
    <message>
        <source>Buys today would reach %1 KRW (filled %2 + open %3 + this %4), over the daily limit of %5 KRW.</source>
        <translation>오늘 매수 금액이 %1원 (체결 %2 + 미체결 %3 + 이번 %4)이 되어 일일 한도 %5원을 초과합니다.</translation>
    </message>
    <message>
        <source>%1 positions are open (limit %2): no buy of a new stock.</source>
        <translation>보유 종목이 %1개입니다 (한도 %2): 새 종목은 매수하지 않습니다.</translation>
    </message>
    <message>
        <source>The buy needs %1 KRW (%2 + fee %3) but only %4 KRW is orderable.</source>
        <translation>매수에 %1원 (%2 + 수수료 %3)이 필요하지만 주문가능금액은 %4원뿐입니다.</translation>
    </message>
</context>
<context>
    <name>ScalpingService</name>
    <message>
        <source>Scalping %1: buy signal for %2 %3 at %L4 KRW (%5).</source>
        <translation>스캘핑 %1: %2 %3 %L4원 매수 신호 (%5).</translation>
    </message>
</context>
<context>
    <name>ServiceController</name>
    <message>
        <source>Unknown service &quot;%1&quot;; the services are: %2.</source>
        <translation>알 수 없는 서비스 &quot;%1&quot;입니다. 서비스 목록: %2.</translation>
    </message>
</context>
<context>
    <name>SignalManager</name>
    <message>
        <source>A signal needs a stock code.</source>
        <translation>신호에는 종목코드가 필요합니다.</translation>
    </message>
    <message>
        <source>A signal of %1 needs a source.</source>
        <translation>%1 신호에는 출처가 필요합니다.</translation>
    </message>
    <message>
        <source>A strategy signal of %1 needs its strategy.</source>
        <translation>%1 전략 신호에는 전략이 필요합니다.</translation>
    </message>
    <message>
        <source>Only strategies raise sell signals (%1, %2).</source>
        <translation>매도 신호는 전략만 낼 수 있습니다 (%1, %2).</translation>
    </message>
    <message>
        <source>The quantity to buy must be at least 1 (%1).</source>
        <translation>매수 수량은 1 이상이어야 합니다 (%1).</translation>
    </message>
    <message>
        <source>The amount to buy must be positive (%1).</source>
        <translation>매수 금액은 0보다 커야 합니다 (%1).</translation>
    </message>
    <message>
        <source>Give either a quantity or an amount to buy, not both.</source>
        <translation>매수 수량과 금액 중 하나만 지정하세요.</translation>
    </message>
    <message>
        <source>The limit price must be positive (%1).</source>
        <translation>지정가는 0보다 커야 합니다 (%1).</translation>
    </message>
    <message>
        <source>Duplicate of signal #%1: the same stock, date, type and source is traded once a day.</source>
        <translation>신호 #%1과(와) 중복: 같은 종목·날짜·유형·출처는 하루 한 번만 매매합니다.</translation>
    </message>
    <message>
        <source>Buy signal recorded: %1</source>
        <translation>매수 신호 기록: %1</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>미보유</translation>
    </message>
    <message>
        <source>Duplicate of sell signal #%1: the same stock, date, type and strategy is acted on once a day.</source>
        <translation>매도 신호 #%1과(와) 중복: 같은 종목·날짜·유형·전략은 하루 한 번만 처리합니다.</translation>
    </message>
    <message>
        <source>Sell signal recorded: %1</source>
        <translation>매도 신호 기록: %1</translation>
    </message>
    <message>
        <source>Sell signal skipped: %1 is not held.</source>
        <translation>매도 신호 건너뜀: %1을(를) 보유하고 있지 않습니다.</translation>
    </message>
    <message>
        <source>Sell signal recorded: %1; exit requested for position #%2 (%3 shares).</source>
        <translation>매도 신호 기록: %1. 포지션 #%2 (%3주) 청산을 요청했습니다.</translation>
    </message>
</context>
<context>
    <name>StopLossManager</name>
    <message>
        <source>price %1 at or below the stop-loss %2 (bought at %3)</source>
        <translation>현재가 %1, 손절가 %2 이하 (매입가 %3)</translation>
    </message>
    <message>
        <source>price %1 at or above the take-profit %2 (bought at %3)</source>
        <translation>현재가 %1, 익절가 %2 이상 (매입가 %3)</translation>
    </message>
    <message>
        <source>price %1 fell %2% below the highest %3 (trailing stop %4)</source>
        <translation>현재가 %1, 최고가 %3 대비 %2% 하락 (추적 손절 %4)</translation>
    </message>
    <message>
        <source>maximum holding time reached (price %1)</source>
        <translation>최대 보유 시간 도달 (현재가 %1)</translation>
    </message>
    <message>
        <source>There is no position %1.</source>
        <translation>포지션 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is already being sold.</source>
        <translation>%1은(는) 이미 매도 중입니다.</translation>
    </message>
    <message>
        <source>%1 is no longer held.</source>
        <translation>%1은(는) 더 이상 보유하고 있지 않습니다.</translation>
    </message>
    <message>
        <source>selling %1</source>
        <translation>%1 매도 중</translation>
    </message>
    <message>
        <source>not held, or already being sold</source>
        <translation>미보유 또는 이미 매도 중</translation>
    </message>
    <message>
        <source>sell order sent</source>
        <translation>매도 주문 전송</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>매도 완료</translation>
    </message>
    <message>
        <source>kill switch: flatten all</source>
        <translation>킬 스위치: 전량 청산</translation>
    </message>
    <message>
        <source>no order was sent</source>
        <translation>주문이 전송되지 않음</translation>
    </message>
    <message>
        <source>%1 positions checked, %2 exits</source>
        <translation>포지션 %1개 점검, 청산 %2건</translation>
    </message>
</context>
<context>
    <name>StrategyScanner</name>
    <message>
        <source>Strategy %1: %2 signal for %3 %4 (%5).</source>
        <translation>전략 %1: %3 %4 %2 신호 (%5).</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>매도</translation>
    </message>
</context>
<context>
    <name>TradingCommands</name>
    <message>
        <source>Services start once the account is reconciled with the broker; it is not yet.</source>
        <translation>서비스는 계좌를 증권사와 대조한 뒤에 시작됩니다. 아직 대조되지 않았습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code (six characters, e.g. 005930).</source>
        <translation>&quot;%1&quot;은(는) 종목코드가 아닙니다 (6자리, 예: 005930).</translation>
    </message>
    <message>
        <source>Give either a quantity or an amount.</source>
        <translation>수량과 금액 중 하나만 지정하세요.</translation>
    </message>
    <message>
        <source>Quantity and amount must be positive.</source>
        <translation>수량과 금액은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>A market order takes no price.</source>
        <translation>시장가 주문에는 가격을 지정하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 KRW is not on the KRX tick ladder (tick %2).</source>
        <translation>%1원은 KRX 호가단위에 맞지 않습니다 (호가단위 %2).</translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet: no order is placed until it is.</source>
        <translation>아직 증권사와 대조하지 않았습니다: 대조가 끝날 때까지 주문을 내지 않습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code.</source>
        <translation>&quot;%1&quot;은(는) 종목코드가 아닙니다.</translation>
    </message>
    <message>
        <source>The quantity must not be negative.</source>
        <translation>수량은 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>A limit sell needs a price; a market sell takes none.</source>
        <translation>지정가 매도에는 가격이 필요하고, 시장가 매도에는 가격을 지정하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 KRW is not on the KRX tick ladder.</source>
        <translation>%1원은 KRX 호가단위에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet.</source>
        <translation>아직 증권사와 대조하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is not held.</source>
        <translation>%1을(를) 보유하고 있지 않습니다.</translation>
    </message>
    <message>
        <source>Only %1 shares of %2 are held.</source>
        <translation>%2은(는) %1주만 보유하고 있습니다.</translation>
    </message>
    <message>
        <source>sold by %1</source>
        <translation>%1에서 매도</translation>
    </message>
    <message>
        <source>No conditions are known yet (they are listed once the broker is connected).</source>
        <translation>아직 조건식 목록이 없습니다 (증권사에 연결되면 불러옵니다).</translation>
    </message>
    <message>
        <source>There is no condition &quot;%1&quot;.</source>
        <translation>조건식 &quot;%1&quot;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no strategy &quot;%1&quot;.</source>
        <translation>전략 &quot;%1&quot;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3.</source>
        <translation>%1은(는) %2에서 %3 사이의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>auto_trade_enabled must be true or false.</source>
        <translation>auto_trade_enabled는 true 또는 false여야 합니다.</translation>
    </message>
    <message>
        <source>max_invest_amount is whole won.</source>
        <translation>max_invest_amount는 원 단위 정수여야 합니다.</translation>
    </message>
    <message>
        <source>Unknown trading setting &quot;%1&quot;.</source>
        <translation>알 수 없는 매매 설정 &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist.</source>
        <translation>%1은(는) 관심종목에 없습니다.</translation>
    </message>
</context>
<context>
    <name>TradingCore</name>
    <message>
        <source>The database could not be opened, so nothing will trade: %1</source>
        <translation>데이터베이스를 열 수 없어 매매하지 않습니다: %1</translation>
    </message>
    <message>
        <source>Started in %1 mode.</source>
        <translation>%1 모드로 시작했습니다.</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>The demo simulator did not start: %1</source>
        <translation>데모 시뮬레이터를 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Could not connect to the broker: %1</source>
        <translation>증권사 서버에 연결하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Connected to the broker (%1 mode).</source>
        <translation>증권사 서버에 연결했습니다 (%1 모드).</translation>
    </message>
    <message>
        <source>Another Kiwoom Trader (process %1) is already running on %2; a second one would place every order twice, so this one does not start.</source>
        <translation>다른 키움 트레이더(프로세스 %1)가 이미 %2에서 실행 중입니다. 두 번째 인스턴스는 모든 주문을 두 번 내게 되므로 시작하지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot lock %1, so nothing will trade.</source>
        <translation>%1을(를) 잠글 수 없어 매매하지 않습니다.</translation>
    </message>
    <message>
        <source>Refusing to send Kiwoom credentials unencrypted to %1: use https:// and wss://, or a loopback address.</source>
        <translation>키움 인증 정보를 암호화 없이 %1(으)로 보내지 않습니다: https:// 와 wss:// 또는 루프백 주소를 사용하세요.</translation>
    </message>
    <message>
        <source>The demo defaults could not be set up: %1</source>
        <translation>데모 기본값을 설정하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Demo account set up: automatic trading on, default strategies and conditions enabled.</source>
        <translation>데모 계좌를 설정했습니다: 자동매매 켜짐, 기본 전략과 조건식 사용.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>&quot;%1&quot;은(는) IP 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>The control API did not start: %1</source>
        <translation>제어 API를 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Control API at %1 (keys: %2).</source>
        <translation>제어 API 주소 %1 (키: %2).</translation>
    </message>
</context>
<context>
    <name>TradingEngine</name>
    <message>
        <source>Today&apos;s bought amount cannot be read (%1); no buy until it can.</source>
        <translation>오늘 매수 금액을 읽을 수 없습니다 (%1). 읽을 수 있을 때까지 매수하지 않습니다.</translation>
    </message>
    <message>
        <source>Reconciling with the broker</source>
        <translation>증권사와 대조 중</translation>
    </message>
    <message>
        <source>The order journal could not be read, so nothing will trade: %1</source>
        <translation>주문 기록을 읽을 수 없어 매매하지 않습니다: %1</translation>
    </message>
    <message>
        <source>Reconciled with the broker: %1 holdings, %2 open orders checked, orderable cash %3 KRW.</source>
        <translation>증권사와 대조 완료: 잔고 %1종목, 미체결 %2건 확인, 주문가능금액 %3원.</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>정지 중</translation>
    </message>
    <message>
        <source>Not reconciled with the broker yet, so nothing trades: %1</source>
        <translation>아직 증권사와 대조하지 않아 매매하지 않습니다: %1</translation>
    </message>
    <message>
        <source>Kill switch %1 by %2: %3</source>
        <translation>%2이(가) 킬 스위치를 %1(으)로 설정: %3</translation>
    </message>
    <message>
        <source>New trading day %1.</source>
        <translation>새 거래일 %1.</translation>
    </message>
    <message>
        <source>Database busy: another program holds a write lock (%1). Orders that cannot be written are not sent; fills are taken from the broker once it is free.</source>
        <translation>데이터베이스 사용 중: 다른 프로그램이 쓰기 잠금을 잡고 있습니다 (%1). 기록할 수 없는 주문은 전송하지 않으며, 잠금이 풀리면 체결 내역을 증권사에서 가져옵니다.</translation>
    </message>
    <message>
        <source>Database writable again.</source>
        <translation>데이터베이스에 다시 기록할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 %2 %3: %4 shares at %5 KRW filled (order %6, %7/%8).</source>
        <translation>%1 %2 %3: %4주 %5원 체결 (주문 %6, %7/%8).</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>%1 order for %2 refused: %3</source>
        <translation>%2 %1 주문 거부: %3</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>The reply to the %1 order for %2 was lost (%3); asking the broker before anything else trades %2.</source>
        <translation>%2 %1 주문의 응답을 받지 못했습니다 (%3). %2을(를) 더 매매하기 전에 증권사에 확인합니다.</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>%1 %2 not placed: %3</source>
        <translation>%2 %1 주문을 내지 않았습니다: %3</translation>
    </message>
    <message>
        <source>Selling %1 %2 (%3 shares): %4 — %5</source>
        <translation>%1 %2 매도 (%3주): %4 — %5</translation>
    </message>
    <message>
        <source>Sold %1 %2: %3 shares at %4 KRW, P&amp;L %5 KRW (%6).</source>
        <translation>%1 %2 매도 완료: %3주 %4원, 손익 %5원 (%6).</translation>
    </message>
    <message>
        <source>Buy signal %1 %2 (%3).</source>
        <translation>매수 신호 %1 %2 (%3).</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>조건식</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>The kill switch state could not be read; new entries stay stopped: %1</source>
        <translation>킬 스위치 상태를 읽을 수 없어 신규 진입을 계속 중단합니다: %1</translation>
    </message>
    <message>
        <source>Trading</source>
        <translation>매매 중</translation>
    </message>
    <message numerus="yes">
        <source>%n condition search(es) available.</source>
        <translation>
            <numerusform>조건식 %n개를 사용할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The condition list could not be read: %1</source>
        <translation>조건식 목록을 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>--start %1: %2</source>
        <translation>--start %1: %2</translation>
    </message>
</context>
<context>
    <name>WatchlistSync</name>
    <message numerus="yes">
        <source>Watchlist: %1 added, %2 removed by the conditions (%n stock(s) watched).</source>
        <translation>
            <numerusform>관심종목: 조건식으로 %1개 추가, %2개 삭제 (%n종목 감시 중).</numerusform>
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
        <translation>키움 트레이더 - 키움증권용 자동매매 터미널.
설정이 없으면 내장 시뮬레이터를 상대로 데모 모드로 실행됩니다.

도구:
  kiwoom-trader indicators --csv IN.csv --out OUT.csv
  kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--json]

모의/실전 모드의 인증 정보는 설정 또는 환경 변수 KIWOOM_APPKEY,
KIWOOM_SECRETKEY에서 읽으며, 명령줄에서는 절대 받지 않습니다.</translation>
    </message>
    <message>
        <source>Run the trading core without a window.</source>
        <translation>창 없이 매매 코어만 실행합니다.</translation>
    </message>
    <message>
        <source>Directory for the database, logs and settings.</source>
        <translation>데이터베이스, 로그, 설정 파일을 둘 디렉터리.</translation>
    </message>
    <message>
        <source>Settings file (INI).</source>
        <translation>설정 파일(INI).</translation>
    </message>
    <message>
        <source>Broker: demo (built-in simulator), mock or live.</source>
        <translation>브로커: demo(내장 시뮬레이터), mock(모의투자), live(실전투자).</translation>
    </message>
    <message>
        <source>Kiwoom-compatible REST base URL.</source>
        <translation>키움 호환 REST 기본 URL.</translation>
    </message>
    <message>
        <source>Kiwoom-compatible WebSocket URL.</source>
        <translation>키움 호환 WebSocket URL.</translation>
    </message>
    <message>
        <source>Demo mode: port of the built-in simulator (default: any free port).</source>
        <translation>데모 모드: 내장 시뮬레이터 포트(기본값: 빈 포트 자동 선택).</translation>
    </message>
    <message>
        <source>Port of the local control API (0 = any free port).</source>
        <translation>로컬 제어 API 포트(0 = 빈 포트 자동 선택).</translation>
    </message>
    <message>
        <source>Services to start once reconciled: monitoring,strategy,scalping,stoploss,watchlist or all.</source>
        <translation>대조 후 시작할 서비스: monitoring,strategy,scalping,stoploss,watchlist 또는 all.</translation>
    </message>
    <message>
        <source>Conditions to enable for auto-trading: all or NAME,...</source>
        <translation>자동매매에 사용할 조건식: all 또는 NAME,...</translation>
    </message>
    <message>
        <source>Where the trading date and session come from: sim (the simulator&apos;s announced virtual time) or system (the KST wall clock; the default for non-loopback hosts).</source>
        <translation>거래일과 장 구분의 기준: sim(시뮬레이터가 알려 주는 가상 시각) 또는 system(KST 시스템 시계, 루프백이 아닌 호스트의 기본값).</translation>
    </message>
</context>
</TS>
