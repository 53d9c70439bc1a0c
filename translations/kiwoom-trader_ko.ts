<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccountBar</name>
    <message>
        <source>Account</source>
        <translation>계좌</translation>
    </message>
    <message>
        <source>Account bar</source>
        <translation>계좌 표시줄</translation>
    </message>
    <message>
        <source>Mode, connection, cash, evaluation, today&apos;s P&amp;L and the request budget</source>
        <translation>모드, 연결, 예수금, 평가금액, 당일 손익 및 요청 한도</translation>
    </message>
    <message>
        <source>Trading mode</source>
        <translation>매매 모드</translation>
    </message>
    <message>
        <source>Broker connection</source>
        <translation>증권사 연결</translation>
    </message>
    <message>
        <source>The broker connection (REST and realtime)</source>
        <translation>증권사 연결 (REST 및 실시간)</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>대사</translation>
    </message>
    <message>
        <source>Whether orders and positions agree with the broker&apos;s</source>
        <translation>주문과 잔고가 증권사 내역과 일치하는지 여부</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>예수금</translation>
    </message>
    <message>
        <source>Cash in the account (예수금)</source>
        <translation>계좌의 현금 (예수금)</translation>
    </message>
    <message>
        <source>Orderable</source>
        <translation>주문가능</translation>
    </message>
    <message>
        <source>Orderable cash</source>
        <translation>주문가능금액</translation>
    </message>
    <message>
        <source>주문가능금액: the broker&apos;s figure minus what was committed since</source>
        <translation>주문가능금액: 증권사 제공 금액에서 그 이후 주문에 묶인 금액을 뺀 값</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Total evaluation</source>
        <translation>총 평가금액</translation>
    </message>
    <message>
        <source>The positions at their last prices</source>
        <translation>보유 종목의 현재가 기준 평가</translation>
    </message>
    <message>
        <source>Realized today</source>
        <translation>당일 실현</translation>
    </message>
    <message>
        <source>Today&apos;s realized P&amp;L</source>
        <translation>당일 실현손익</translation>
    </message>
    <message>
        <source>Completed sells of the trading day, after fees and tax</source>
        <translation>당일 체결된 매도의 수수료 및 세금 차감 후 손익</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Rate-limit budget</source>
        <translation>요청 한도</translation>
    </message>
    <message>
        <source>REST requests in the current one-second window against the quota, and requests waiting</source>
        <translation>현재 1초 구간의 REST 요청 수 대비 한도, 그리고 대기 중인 요청</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>실전</translation>
    </message>
    <message>
        <source>Live trading: orders use real money</source>
        <translation>실전투자: 실제 자금으로 주문합니다</translation>
    </message>
    <message>
        <source>MOCK</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>Kiwoom mock trading (모의투자)</source>
        <translation>키움 모의투자</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>Demo: the built-in simulator, no broker</source>
        <translation>데모: 내장 시뮬레이터, 증권사 연결 없음</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
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
        <source>Engine not started</source>
        <translation>엔진 시작 안 됨</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>대사 완료</translation>
    </message>
    <message>
        <source>Reconciled · kill switch %1</source>
        <translation>대사 완료 · 긴급 정지 %1</translation>
    </message>
    <message>
        <source>Reconciling…</source>
        <translation>대사 중…</translation>
    </message>
    <message>
        <source>Not reconciled: %1</source>
        <translation>대사 불일치: %1</translation>
    </message>
    <message>
        <source>queries %1/%2 · orders %3/%4 · queued %5</source>
        <translation>조회 %1/%2 · 주문 %3/%4 · 대기 %5</translation>
    </message>
    <message>
        <source> · paused %1 s</source>
        <translation> · %1초 일시 정지</translation>
    </message>
    <message>
        <source>REC</source>
        <translation>REC</translation>
    </message>
    <message>
        <source>Recording market data</source>
        <translation>시장 데이터 기록 중</translation>
    </message>
    <message>
        <source>Recording market data into %1</source>
        <translation>%1에 시장 데이터 기록 중</translation>
    </message>
    <message>
        <source>Recording market data: %1 (%2 written)</source>
        <translation>시장 데이터 기록 중: %1 (%2 기록됨)</translation>
        <source>PAPER</source>
        <translation>페이퍼</translation>
    </message>
    <message>
        <source>Paper trading: Kiwoom&apos;s quotes, orders filled by a local simulated account</source>
        <translation>페이퍼 트레이딩: 키움 시세로, 주문은 이 컴퓨터의 가상 계좌에서 체결됩니다</translation>
    </message>
</context>
<context>
    <name>AppRunner</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation>키움 트레이더</translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>Cannot remove the autostart entry %1.</source>
        <translation>자동 실행 항목 %1을(를) 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write the autostart entry %1: %2</source>
        <translation>자동 실행 항목 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>BacktestWindow</name>
    <message>
        <source>Backtest</source>
        <translation>백테스트</translation>
    </message>
    <message>
        <source>Runs a strategy over a stock&apos;s past candles</source>
        <translation>종목의 과거 봉 데이터로 전략을 실행합니다</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Six-character stock code</source>
        <translation>6자리 종목코드</translation>
    </message>
    <message>
        <source>e.g. 005930</source>
        <translation>예: 005930</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>종목(&amp;S):</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>봉 주기</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>일봉</translation>
    </message>
    <message>
        <source>60 minutes</source>
        <translation>60분</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30분</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15분</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5분</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1분</translation>
    </message>
    <message>
        <source>&amp;Candles:</source>
        <translation>봉(&amp;C):</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>시작(&amp;F):</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>종료(&amp;O):</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>S&amp;trategy:</source>
        <translation>전략(&amp;T):</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Strategy parameters</source>
        <translation>전략 파라미터</translation>
    </message>
    <message>
        <source>Starting cash in KRW</source>
        <translation>초기 자금 (원)</translation>
    </message>
    <message>
        <source> KRW</source>
        <translation>원</translation>
    </message>
    <message>
        <source>C&amp;ash:</source>
        <translation>자금(&amp;A):</translation>
    </message>
    <message>
        <source>Commission per side, percent</source>
        <translation>편도 수수료 (%)</translation>
    </message>
    <message>
        <source>Sell tax, percent</source>
        <translation>매도 거래세 (%)</translation>
    </message>
    <message>
        <source>Stop-loss, percent below the buy price</source>
        <translation>손절: 매수가 대비 하락률 (%)</translation>
    </message>
    <message>
        <source>Take-profit, percent above the buy price</source>
        <translation>익절: 매수가 대비 상승률 (%)</translation>
    </message>
    <message>
        <source>F&amp;ee:</source>
        <translation>수수료(&amp;E):</translation>
    </message>
    <message>
        <source>Sell ta&amp;x:</source>
        <translation>거래세(&amp;X):</translation>
    </message>
    <message>
        <source>Stop-&amp;loss (손절):</source>
        <translation>손절(&amp;L):</translation>
    </message>
    <message>
        <source>Take-&amp;profit (익절):</source>
        <translation>익절(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation>백테스트 실행</translation>
    </message>
    <message>
        <source>Run the backtest (Ctrl+Enter)</source>
        <translation>백테스트 실행 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>취소(&amp;N)</translation>
    </message>
    <message>
        <source>Cancel backtest</source>
        <translation>백테스트 취소</translation>
    </message>
    <message>
        <source>Backtest progress</source>
        <translation>백테스트 진행률</translation>
    </message>
    <message>
        <source>Backtest status</source>
        <translation>백테스트 상태</translation>
    </message>
    <message>
        <source>Backtest inputs</source>
        <translation>백테스트 입력값</translation>
    </message>
    <message>
        <source>Backtest results</source>
        <translation>백테스트 결과</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>총 수익률</translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation>순이익</translation>
    </message>
    <message>
        <source>Final equity</source>
        <translation>최종 평가금액</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>최대 낙폭 (MDD)</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>승률</translation>
    </message>
    <message>
        <source>Fees paid</source>
        <translation>지불 수수료</translation>
    </message>
    <message>
        <source>Taxes paid</source>
        <translation>지불 세금</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>매수 후 보유</translation>
    </message>
    <message>
        <source>Candles</source>
        <translation>봉</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>신호</translation>
    </message>
    <message>
        <source>Stat&amp;istics</source>
        <translation>통계(&amp;I)</translation>
    </message>
    <message>
        <source>Equity curve</source>
        <translation>자산 곡선</translation>
    </message>
    <message>
        <source>E&amp;quity curve</source>
        <translation>자산 곡선(&amp;Q)</translation>
    </message>
    <message>
        <source>Candles with trades</source>
        <translation>매매 표시 봉 차트</translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation>차트(&amp;H)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Entry time</source>
        <translation>진입 시각</translation>
    </message>
    <message>
        <source>Buy price</source>
        <translation>매수가</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Buy fee</source>
        <translation>매수 수수료</translation>
    </message>
    <message>
        <source>Exit time</source>
        <translation>청산 시각</translation>
    </message>
    <message>
        <source>Sell price</source>
        <translation>매도가</translation>
    </message>
    <message>
        <source>Sell fee</source>
        <translation>매도 수수료</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>세금</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>청산 사유</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>손익</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>수익률</translation>
    </message>
    <message>
        <source>Backtest trades</source>
        <translation>백테스트 거래 내역</translation>
    </message>
    <message>
        <source>Trade columns</source>
        <translation>거래 내역 열</translation>
    </message>
    <message>
        <source>Export to CS&amp;V…</source>
        <translation>CSV로 내보내기(&amp;V)…</translation>
    </message>
    <message>
        <source>Export trades to CSV</source>
        <translation>거래 내역을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Tra&amp;des</source>
        <translation>거래 내역(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>백테스트(&amp;B)…</translation>
    </message>
    <message>
        <source>Run a strategy over a stock&apos;s past candles (Ctrl+B)</source>
        <translation>종목의 과거 봉 데이터로 전략 실행 (Ctrl+B)</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 ~ %3)</translation>
    </message>
    <message>
        <source>This strategy brings its own exits (see its parameters).</source>
        <translation>이 전략은 자체 청산 규칙을 사용합니다 (파라미터 참고).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code (six characters, e.g. 005930).</source>
        <translation>&quot;%1&quot;은(는) 종목코드가 아닙니다 (6자리, 예: 005930).</translation>
    </message>
    <message>
        <source>The start date %1 is after the end date %2.</source>
        <translation>시작일 %1이(가) 종료일 %2보다 늦습니다.</translation>
    </message>
    <message>
        <source>Reading the candles of %1…</source>
        <translation>%1 봉 데이터 조회 중…</translation>
    </message>
    <message>
        <source>Could not read the candles of %1: %2</source>
        <translation>%1 봉 데이터를 조회할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>No candles of %1 between %2 and %3 (the market&apos;s date is %4).</source>
        <translation>%2 ~ %3 기간에 %1의 봉 데이터가 없습니다 (시장 기준일: %4).</translation>
    </message>
    <message>
        <source>Running %1 over %2 candles…</source>
        <translation>%2개 봉으로 %1 실행 중…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>The backtest stopped without a result.</source>
        <translation>백테스트가 결과 없이 중단되었습니다.</translation>
    </message>
    <message>
        <source>1 trade</source>
        <translation>거래 1건</translation>
    </message>
    <message>
        <source>%1 trades</source>
        <translation>거래 %1건</translation>
    </message>
    <message>
        <source>Done: %1, total return %2, max drawdown %3.</source>
        <translation>완료: %1, 총 수익률 %2, 최대 낙폭 %3.</translation>
    </message>
    <message>
        <source>%1 (%2 won, %3 lost)%4</source>
        <translation>%1 (수익 %2, 손실 %3)%4</translation>
    </message>
    <message>
        <source>, the last closed at the final candle</source>
        <translation>, 마지막 거래는 최종 봉에서 청산</translation>
    </message>
    <message>
        <source>%1 buy, %2 sell</source>
        <translation>매수 %1, 매도 %2</translation>
    </message>
    <message>
        <source>; %1 unaffordable, %2 target-price buys not filled</source>
        <translation>; 자금 부족 %1건, 목표가 매수 미체결 %2건</translation>
    </message>
    <message>
        <source>Equity (KRW)</source>
        <translation>평가금액 (원)</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>평가금액</translation>
    </message>
    <message>
        <source>%1 — the last %2 of %3 candles; x = candle number</source>
        <translation>%1 — 전체 %3개 봉 중 최근 %2개; x = 봉 번호</translation>
    </message>
    <message>
        <source>%1 — %2 candles; x = candle number</source>
        <translation>%1 — %2개 봉; x = 봉 번호</translation>
    </message>
    <message>
        <source>Buys</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sells</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Export Trades</source>
        <translation>거래 내역 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Trades written to %1.</source>
        <translation>거래 내역을 %1에 저장했습니다.</translation>
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
    <name>ChartDataLoader</name>
    <message>
        <source>&quot;%1&quot; is not a stock code (six digits) or the bar count is outside 1-5000</source>
        <translation>&quot;%1&quot;은(는) 종목코드(6자리)가 아니거나 봉 개수가 1-5000 범위를 벗어났습니다</translation>
    </message>
</context>
<context>
    <name>ChartDock</name>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Candle chart of one stock with volume, indicators and trade markers</source>
        <translation>거래량, 보조지표, 매매 표시가 포함된 종목 봉 차트</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>종목코드(&amp;C):</translation>
    </message>
    <message>
        <source>Stock code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>Six-digit stock code; Enter shows it</source>
        <translation>6자리 종목코드; Enter 키로 표시</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>주기(&amp;I):</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>봉 주기</translation>
    </message>
    <message>
        <source>In&amp;dicator:</source>
        <translation>보조지표(&amp;D):</translation>
    </message>
    <message>
        <source>Indicator pane</source>
        <translation>보조지표 창</translation>
    </message>
    <message>
        <source>SMA</source>
        <translation>SMA</translation>
    </message>
    <message>
        <source>Simple moving average (20)</source>
        <translation>단순 이동평균 (20)</translation>
    </message>
    <message>
        <source>EMA</source>
        <translation>EMA</translation>
    </message>
    <message>
        <source>Exponential moving average (20)</source>
        <translation>지수 이동평균 (20)</translation>
    </message>
    <message>
        <source>BB</source>
        <translation>BB</translation>
    </message>
    <message>
        <source>Bollinger bands (20, 2)</source>
        <translation>볼린저밴드 (20, 2)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>확대 (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>축소 (−)</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>최신</translation>
    </message>
    <message>
        <source>Show the newest candles (End)</source>
        <translation>최신 봉 보기 (End)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Load again (F5)</source>
        <translation>다시 불러오기 (F5)</translation>
    </message>
    <message>
        <source>Reload chart</source>
        <translation>차트 새로 고침</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code: enter six digits, e.g. 005930.</source>
        <translation>&quot;%1&quot;은(는) 종목코드가 아닙니다: 6자리 숫자를 입력하세요 (예: 005930).</translation>
    </message>
    <message>
        <source>Loading %1 (%2)…</source>
        <translation>%1 (%2) 불러오는 중…</translation>
    </message>
    <message>
        <source>Waiting for the broker connection…</source>
        <translation>증권사 연결 대기 중…</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1을(를) 불러올 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Candle chart</source>
        <translation>봉 차트</translation>
    </message>
    <message>
        <source>Candles with volume and an indicator. Plus and minus zoom, the arrow keys pan, Home and End jump to the oldest and the newest candle.</source>
        <translation>거래량과 보조지표가 포함된 봉 차트입니다. 플러스/마이너스 키로 확대/축소, 화살표 키로 이동, Home/End 키로 가장 오래된 봉/최신 봉으로 이동합니다.</translation>
    </message>
    <message>
        <source>Candle read-out</source>
        <translation>봉 정보</translation>
    </message>
    <message>
        <source>Loading the chart</source>
        <translation>차트 불러오는 중</translation>
    </message>
    <message>
        <source>Target price</source>
        <translation>목표가</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>보조지표</translation>
    </message>
    <message>
        <source>SMA %1</source>
        <translation>SMA %1</translation>
    </message>
    <message>
        <source>EMA %1</source>
        <translation>EMA %1</translation>
    </message>
    <message>
        <source>RSI %1</source>
        <translation>RSI %1</translation>
    </message>
    <message>
        <source>MACD</source>
        <translation>MACD</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>시그널</translation>
    </message>
    <message>
        <source>Chaikin %1/%2</source>
        <translation>차이킨 %1/%2</translation>
    </message>
    <message>
        <source>Momentum %1</source>
        <translation>모멘텀 %1</translation>
    </message>
    <message>
        <source>Disparity %1</source>
        <translation>이격도 %1</translation>
    </message>
    <message>
        <source>No stock</source>
        <translation>종목 없음</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>일봉</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>주봉</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>월봉</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1  O %2  H %3  L %4  C %5 (%6%)  V %7</source>
        <translation>%1  시 %2  고 %3  저 %4  종 %5 (%6%)  거래량 %7</translation>
    </message>
    <message>
        <source>  SMA%1 %2</source>
        <translation>  SMA%1 %2</translation>
    </message>
    <message>
        <source>  EMA%1 %2</source>
        <translation>  EMA%1 %2</translation>
    </message>
    <message>
        <source>  BB %1/%2/%3</source>
        <translation>  BB %1/%2/%3</translation>
    </message>
    <message>
        <source>  RSI %1</source>
        <translation>  RSI %1</translation>
    </message>
    <message>
        <source>  MACD %1/%2</source>
        <translation>  MACD %1/%2</translation>
    </message>
    <message>
        <source>  Chaikin %1</source>
        <translation>  차이킨 %1</translation>
    </message>
    <message>
        <source>  Momentum %1</source>
        <translation>  모멘텀 %1</translation>
    </message>
    <message>
        <source>  Disparity %1</source>
        <translation>  이격도 %1</translation>
    </message>
    <message>
        <source>  Target %1</source>
        <translation>  목표가 %1</translation>
    </message>
    <message>
        <source>Bollinger upper</source>
        <translation>볼린저 상단</translation>
    </message>
    <message>
        <source>Bollinger middle</source>
        <translation>볼린저 중심선</translation>
    </message>
    <message>
        <source>Bollinger lower</source>
        <translation>볼린저 하단</translation>
    </message>
</context>
<context>
    <name>CheckableTableModel</name>
    <message>
        <source>On</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>꺼짐</translation>
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
    <name>ConditionsDock</name>
    <message>
        <source>Conditions</source>
        <translation>조건식</translation>
    </message>
    <message>
        <source>Kiwoom conditions (조건식) and whether each feeds automated trading</source>
        <translation>키움 조건식 목록과 각 조건식의 자동매매 사용 여부</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The condition&apos;s number in this program</source>
        <translation>이 프로그램에서의 조건식 번호</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건식</translation>
    </message>
    <message>
        <source>The condition&apos;s name in the HTS</source>
        <translation>HTS에 저장된 조건식 이름</translation>
    </message>
    <message>
        <source>Auto-trade</source>
        <translation>자동매매</translation>
    </message>
    <message>
        <source>Checked: its hits become buy signals (through the reference-candle strategy)</source>
        <translation>체크하면 검색된 종목이 매수 신호가 됩니다(기준봉 전략을 거침)</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>최근 실행</translation>
    </message>
    <message>
        <source>When the condition monitor last searched it</source>
        <translation>조건 감시가 마지막으로 검색한 시각</translation>
    </message>
    <message>
        <source>Stocks</source>
        <translation>종목 수</translation>
    </message>
    <message>
        <source>Stocks that last search returned</source>
        <translation>최근 검색에서 나온 종목 수</translation>
    </message>
    <message>
        <source>Hits today</source>
        <translation>오늘 편입</translation>
    </message>
    <message>
        <source>Distinct stocks it returned today (searches and realtime entries)</source>
        <translation>오늘 검색된 서로 다른 종목 수(조건검색 및 실시간 편입)</translation>
    </message>
    <message>
        <source>Realtime</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>On</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Whether it runs as a realtime condition (entries are handled at once)</source>
        <translation>실시간 조건검색으로 실행 중인지 여부(편입 즉시 처리)</translation>
    </message>
    <message>
        <source>Conditions table</source>
        <translation>조건식 표</translation>
    </message>
    <message>
        <source>One row per condition; Space on the Auto-trade cell switches it on or off</source>
        <translation>조건식당 한 행; 자동매매 칸에서 Space 키로 켜고 끕니다</translation>
    </message>
    <message>
        <source>Conditions columns</source>
        <translation>조건식 열</translation>
    </message>
    <message>
        <source>&amp;Enable all</source>
        <translation>모두 사용(&amp;E)</translation>
    </message>
    <message>
        <source>Enable all conditions</source>
        <translation>모든 조건식 사용</translation>
    </message>
    <message>
        <source>Let every condition feed automated trading</source>
        <translation>모든 조건식을 자동매매에 사용합니다</translation>
    </message>
    <message>
        <source>&amp;Disable all</source>
        <translation>모두 사용 안 함(&amp;D)</translation>
    </message>
    <message>
        <source>Disable all conditions</source>
        <translation>모든 조건식 사용 중지</translation>
    </message>
    <message>
        <source>Stop every condition from feeding automated trading</source>
        <translation>모든 조건식을 자동매매에서 제외합니다</translation>
    </message>
    <message>
        <source>Conditions status</source>
        <translation>조건식 상태</translation>
    </message>
    <message>
        <source>Conditions could not be read: %1</source>
        <translation>조건식을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No conditions yet: they are listed once the broker is connected.</source>
        <translation>아직 조건식이 없습니다. 증권사에 연결되면 목록이 표시됩니다.</translation>
    </message>
    <message>
        <source>condition monitoring is running</source>
        <translation>조건 감시 실행 중</translation>
    </message>
    <message>
        <source>condition monitoring is stopped</source>
        <translation>조건 감시 중지됨</translation>
    </message>
    <message>
        <source>%1 of %2 enabled; %3.</source>
        <translation>%2개 중 %1개 사용; %3.</translation>
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
    <name>Control::EventStream</name>
    <message>
        <source>Only GET opens the event stream.</source>
        <translation>이벤트 스트림은 GET 요청으로만 열 수 있습니다.</translation>
    </message>
    <message>
        <source>The event stream is at %1.</source>
        <translation>이벤트 스트림 주소: %1</translation>
    </message>
    <message>
        <source>Open this URL as a WebSocket.</source>
        <translation>이 URL을 WebSocket으로 여세요.</translation>
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
    <message>
        <source>an integer from %1 to %2 is required</source>
        <translation>%1부터 %2 사이의 정수가 필요합니다</translation>
    </message>
    <message>
        <source>Naver serves the first 1000 results only</source>
        <translation>네이버는 처음 1000개 결과만 제공합니다</translation>
    </message>
    <message>
        <source>%1 is not a stock code the broker knows (%2)</source>
        <translation>%1은(는) 증권사에서 인식하지 못하는 종목코드입니다(%2)</translation>
    </message>
    <message>
        <source>at most 366 days per export</source>
        <translation>내보내기 1회당 최대 366일</translation>
    </message>
    <message>
        <source>The event stream is not running.</source>
        <translation>이벤트 스트림이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>The request was not answered within %1 s.</source>
        <translation>%1초 안에 요청에 대한 응답이 없었습니다.</translation>
    </message>
    <message>
        <source>%1 is not a stock code the broker knows</source>
        <translation>%1은(는) 증권사에서 인식하지 못하는 종목코드입니다</translation>
    </message>
    <message>
        <source>The broker could not be asked about %1: %2</source>
        <translation>%1에 대해 증권사에 조회하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>true or false is required</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
</context>
<context>
    <name>CoreGateway</name>
    <message>
        <source>The trading engine is not ready yet: it is connecting to the broker or reconciling.</source>
        <translation>매매 엔진이 아직 준비되지 않았습니다. 증권사에 연결하거나 잔고를 대조하는 중입니다.</translation>
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
    <name>DockTable</name>
    <message>
        <source>columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
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
    <name>KeychainSecretStore</name>
    <message>
        <source>no Secret Service or KWallet answered on the session bus: %1</source>
        <translation>세션 버스에서 Secret Service나 KWallet이 응답하지 않았습니다: %1</translation>
    </message>
    <message>
        <source>the system keychain is switched off with KT_NO_KEYCHAIN=1</source>
        <translation>KT_NO_KEYCHAIN=1 설정으로 시스템 키체인이 꺼져 있습니다</translation>
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
    <name>LayoutManager</name>
    <message>
        <source>Save workspace</source>
        <translation>작업 공간 저장</translation>
    </message>
    <message>
        <source>Name of the workspace (the docks&apos; arrangement):</source>
        <translation>작업 공간 이름(도킹 창 배치):</translation>
    </message>
    <message>
        <source>&amp;Workspaces</source>
        <translation>작업 공간(&amp;W)</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>작업 공간</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Put every dock back where it was at first start</source>
        <translation>모든 도킹 창을 처음 실행했을 때의 위치로 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep the docks&apos; arrangement under a name</source>
        <translation>도킹 창 배치를 이름을 붙여 저장합니다</translation>
    </message>
    <message>
        <source>Switch to the workspace %1</source>
        <translation>작업 공간 %1(으)로 전환</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Forget the workspace %1</source>
        <translation>작업 공간 %1 삭제</translation>
    </message>
</context>
<context>
    <name>LogDock</name>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>매매</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>활동 로그</translation>
    </message>
    <message>
        <source>What the program did, newest at the bottom</source>
        <translation>프로그램이 수행한 작업(최신 항목이 맨 아래)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>KST</source>
        <translation>KST</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>수준</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Activity log table</source>
        <translation>활동 로그 표</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>수준(&amp;L):</translation>
    </message>
    <message>
        <source>Log level filter</source>
        <translation>로그 수준 필터</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>매매</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>경고 및 오류</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>텍스트(&amp;X):</translation>
    </message>
    <message>
        <source>Log text filter</source>
        <translation>로그 텍스트 필터</translation>
    </message>
    <message>
        <source>Text in the message or source</source>
        <translation>메시지나 출처에 포함된 텍스트</translation>
    </message>
    <message>
        <source>Clear the text filter</source>
        <translation>텍스트 필터 지우기</translation>
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
    <message>
        <source>Main toolbar</source>
        <translation>주 도구 모음</translation>
    </message>
    <message>
        <source>&amp;Conditions</source>
        <translation>조건식(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Strategies</source>
        <translation>전략(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Watchlist</source>
        <translation>관심종목(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>차트(&amp;C)</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>%1 표시 중</translation>
    </message>
    <message>
        <source>&amp;Hide to tray</source>
        <translation>트레이로 숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>Hide the window; trading continues in the background</source>
        <translation>창을 숨깁니다. 매매는 백그라운드에서 계속됩니다</translation>
    </message>
    <message>
        <source>&amp;Docks</source>
        <translation>도킹 창(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Trading</source>
        <translation>매매(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>도구(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Positions</source>
        <translation>잔고(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>주문(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;ignals</source>
        <translation>신호(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>로그(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Account Bar</source>
        <translation>계좌 표시줄(&amp;A)</translation>
    </message>
    <message>
        <source>Paper trading</source>
        <translation>페이퍼 트레이딩</translation>
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
    <name>OrderTicket</name>
    <message>
        <source>Order Ticket</source>
        <translation>주문 입력</translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation>주문 입력</translation>
    </message>
    <message>
        <source>Buy or sell a stock by hand, through the same risk checks as automated trading</source>
        <translation>자동매매와 동일한 위험 점검을 거쳐 직접 종목을 매수하거나 매도합니다</translation>
    </message>
    <message>
        <source>Confirm Order</source>
        <translation>주문 확인</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>주문 확인</translation>
    </message>
    <message>
        <source>&amp;Send order</source>
        <translation>주문 전송(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>전송 안 함(&amp;D)</translation>
    </message>
    <message>
        <source>Refused by the risk guard: %1 Nothing was placed.</source>
        <translation>위험 관리에서 거부됨: %1 주문이 나가지 않았습니다.</translation>
    </message>
    <message>
        <source>&amp;Order Ticket…</source>
        <translation>주문 입력(&amp;O)…</translation>
    </message>
    <message>
        <source>Buy or sell a stock by hand (F2)</source>
        <translation>직접 종목 매수/매도 (F2)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Code or name, e.g. 005930 or 삼성전자</source>
        <translation>종목코드 또는 종목명, 예: 005930 또는 삼성전자</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Six-character stock code or part of the Korean name</source>
        <translation>6자리 종목코드 또는 한글 종목명의 일부</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>종목(&amp;S):</translation>
    </message>
    <message>
        <source>Stock name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Base price and today&apos;s limits</source>
        <translation>기준가와 오늘의 상한가/하한가</translation>
    </message>
    <message>
        <source>&amp;Buy</source>
        <translation>매수(&amp;B)</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>S&amp;ell</source>
        <translation>매도(&amp;E)</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Side:</source>
        <translation>구분:</translation>
    </message>
    <message>
        <source>Order type</source>
        <translation>주문 유형</translation>
    </message>
    <message>
        <source>Limit (지정가)</source>
        <translation>지정가</translation>
    </message>
    <message>
        <source>Market (시장가)</source>
        <translation>시장가</translation>
    </message>
    <message>
        <source>Order &amp;type:</source>
        <translation>주문 유형(&amp;T):</translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation>지정가</translation>
    </message>
    <message>
        <source>Up and down step by one tick of the KRX price ladder, inside today&apos;s upper and lower limits</source>
        <translation>오늘의 상한가와 하한가 범위 안에서 KRX 호가단위만큼 올리고 내립니다</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>가격(&amp;P):</translation>
    </message>
    <message>
        <source>Size by</source>
        <translation>주문 기준</translation>
    </message>
    <message>
        <source>Quantity (shares)</source>
        <translation>수량(주)</translation>
    </message>
    <message>
        <source>Amount (KRW)</source>
        <translation>금액(원)</translation>
    </message>
    <message>
        <source>Si&amp;ze by:</source>
        <translation>주문 기준(&amp;Z):</translation>
    </message>
    <message>
        <source>Quantity in shares</source>
        <translation>주식 수량</translation>
    </message>
    <message>
        <source> shares</source>
        <translation>주</translation>
    </message>
    <message>
        <source>Amount in KRW</source>
        <translation>원화 금액</translation>
    </message>
    <message>
        <source> KRW</source>
        <translation>원</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>수량(&amp;Q):</translation>
    </message>
    <message>
        <source>Order estimate</source>
        <translation>주문 예상</translation>
    </message>
    <message>
        <source>Order result</source>
        <translation>주문 결과</translation>
    </message>
    <message>
        <source>Buy…</source>
        <translation>매수…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Reading %1&apos;s day…</source>
        <translation>%1 당일 시세 조회 중…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (ETF/ETN tick ladder)</source>
        <translation> (ETF/ETN 호가단위)</translation>
    </message>
    <message>
        <source>Base %1 · &lt;span style=&quot;color:#d32f2f&quot;&gt;Upper %2&lt;/span&gt; · &lt;span style=&quot;color:#1565c0&quot;&gt;Lower %3&lt;/span&gt; · Last %4 KRW</source>
        <translation>기준가 %1 · &lt;span style=&quot;color:#d32f2f&quot;&gt;상한가 %2&lt;/span&gt; · &lt;span style=&quot;color:#1565c0&quot;&gt;하한가 %3&lt;/span&gt; · 현재가 %4원</translation>
    </message>
    <message>
        <source>Base price %1, upper limit %2, lower limit %3, last price %4 won</source>
        <translation>기준가 %1, 상한가 %2, 하한가 %3, 현재가 %4원</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>금액(&amp;A):</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>매도…</translation>
    </message>
    <message>
        <source>1 share</source>
        <translation>1주</translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation>%1주</translation>
    </message>
    <message>
        <source>Buy %1 KRW of %2 at %3 KRW limit (about %4 shares) plus fees?</source>
        <translation>%2을(를) 지정가 %3원에 %1원어치(약 %4주) 매수하시겠습니까? (수수료 별도)</translation>
    </message>
    <message>
        <source>Buy %1 KRW of %2 at market (about %3 shares at the last price %4 KRW) plus fees?</source>
        <translation>%2을(를) 시장가로 %1원어치(현재가 %4원 기준 약 %3주) 매수하시겠습니까? (수수료 별도)</translation>
    </message>
    <message>
        <source>Buy %1 of %2 at %3 KRW limit — about %4 KRW plus fees?</source>
        <translation>%2 %1을(를) 지정가 %3원에 매수하시겠습니까? 약 %4원(수수료 별도)</translation>
    </message>
    <message>
        <source>Buy %1 of %2 at market — about %3 KRW at the last price, plus fees?</source>
        <translation>%2 %1을(를) 시장가로 매수하시겠습니까? 현재가 기준 약 %3원(수수료 별도)</translation>
    </message>
    <message>
        <source>Sell %1 of %2 at %3 KRW limit — about %4 KRW before fees and tax?</source>
        <translation>%2 %1을(를) 지정가 %3원에 매도하시겠습니까? 약 %4원(수수료·세금 차감 전)</translation>
    </message>
    <message>
        <source>Sell %1 of %2 at market — about %3 KRW at the last price, before fees and tax?</source>
        <translation>%2 %1을(를) 시장가로 매도하시겠습니까? 현재가 기준 약 %3원(수수료·세금 차감 전)</translation>
    </message>
    <message>
        <source>Market order: priced by the exchange</source>
        <translation>시장가 주문: 거래소에서 가격이 결정됩니다</translation>
    </message>
    <message>
        <source>≈ %1 at %2 KRW</source>
        <translation>≈ %1 × %2원</translation>
    </message>
    <message>
        <source>≈ %1 KRW</source>
        <translation>≈ %1원</translation>
    </message>
    <message>
        <source>Choose a stock: type its code or part of its name.</source>
        <translation>종목을 선택하세요: 종목코드나 종목명 일부를 입력하세요.</translation>
    </message>
    <message>
        <source>Reading %1&apos;s day first: check the price, then press Enter again.</source>
        <translation>먼저 %1 당일 시세를 조회하는 중입니다. 가격을 확인한 후 Enter 키를 다시 누르세요.</translation>
    </message>
    <message>
        <source>Enter a limit price.</source>
        <translation>지정가를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter an amount in KRW.</source>
        <translation>금액(원)을 입력하세요.</translation>
    </message>
    <message>
        <source>%1 KRW does not buy a single share at %2 KRW.</source>
        <translation>%1원으로는 %2원짜리 주식을 1주도 살 수 없습니다.</translation>
    </message>
    <message>
        <source>Enter a quantity of at least one share.</source>
        <translation>수량을 1주 이상 입력하세요.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>전송하지 않았습니다.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>전송 중…</translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was placed.</source>
        <translation>거부됨: %1 주문이 나가지 않았습니다.</translation>
    </message>
    <message>
        <source>Sell order #%1 for %2: %3.</source>
        <translation>%2 매도 주문 #%1: %3.</translation>
    </message>
    <message>
        <source>This buy was already sent (signal #%1).</source>
        <translation>이미 전송된 매수입니다(신호 #%1).</translation>
    </message>
    <message>
        <source>Buy of %1 accepted (signal #%2); placing the order…</source>
        <translation>%1 매수 승인됨(신호 #%2). 주문을 내는 중…</translation>
    </message>
    <message>
        <source>Buy order #%1 for %2: %3, %4 of %5 shares filled.</source>
        <translation>%2 매수 주문 #%1: %3, %5주 중 %4주 체결.</translation>
    </message>
    <message>
        <source>The broker refused it: %1</source>
        <translation>증권사에서 거부했습니다: %1</translation>
    </message>
    <message>
        <source>Not placed (%1): %2</source>
        <translation>주문되지 않음(%1): %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>사유 없음</translation>
    </message>
</context>
<context>
    <name>OrdersDock</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>정정</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>지정가</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Today&apos;s orders, their state and fills</source>
        <translation>오늘의 주문, 상태 및 체결 내역</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>When the order was written (KST)</source>
        <translation>주문을 기록한 시각(KST)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Limit price; 0 for a market order</source>
        <translation>지정가; 시장가 주문은 0</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>체결</translation>
    </message>
    <message>
        <source>Avg fill</source>
        <translation>평균 체결가</translation>
    </message>
    <message>
        <source>Average fill price</source>
        <translation>평균 체결가</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <source>The broker&apos;s order number</source>
        <translation>증권사 주문번호</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>주문 출처</translation>
    </message>
    <message>
        <source>Who wanted the order</source>
        <translation>주문을 요청한 주체</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Why it was rejected</source>
        <translation>거부된 이유</translation>
    </message>
    <message>
        <source>Orders table</source>
        <translation>주문 표</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the stock&apos;s chart; Delete cancels an open order</source>
        <translation>더블클릭하거나 Enter 키를 누르면 종목 차트가 열리고, Delete 키를 누르면 미체결 주문이 취소됩니다</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>표시(&amp;W):</translation>
    </message>
    <message>
        <source>Order state filter</source>
        <translation>주문 상태 필터</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>미체결</translation>
    </message>
    <message>
        <source>Rejected / cancelled</source>
        <translation>거부 / 취소</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>주문 취소(&amp;C)…</translation>
    </message>
    <message>
        <source>Cancel the selected order</source>
        <translation>선택한 주문 취소</translation>
    </message>
    <message>
        <source>Cancels the rest of the selected open order, after a confirmation</source>
        <translation>확인 후 선택한 미체결 주문의 잔량을 취소합니다</translation>
    </message>
    <message>
        <source>Orders status</source>
        <translation>주문 상태</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>주문 취소…</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>차트 열기</translation>
    </message>
    <message>
        <source>Trading date of the orders shown</source>
        <translation>표시된 주문의 거래일</translation>
    </message>
    <message>
        <source>Trading date %1</source>
        <translation>거래일 %1</translation>
    </message>
    <message>
        <source>Could not read the orders: %1</source>
        <translation>주문을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Select an open order to cancel.</source>
        <translation>취소할 미체결 주문을 선택하세요.</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>매수</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %1 of %Ln share(s) of %2 at %3 KRW?</source>
        <translation>
            <numerusform>%2 %Ln주 %3원 %1 주문을 취소하시겠습니까?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel the market %1 of %Ln share(s) of %2?</source>
        <translation>
            <numerusform>%2 %Ln주 시장가 %1 주문을 취소하시겠습니까?</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm cancel</source>
        <translation>취소 확인</translation>
    </message>
    <message>
        <source>Order %1 left as it is.</source>
        <translation>주문 %1을(를) 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Cancelling order %1…</source>
        <translation>주문 %1 취소 중…</translation>
    </message>
    <message>
        <source>Cancel of order %1 sent.</source>
        <translation>주문 %1 취소 요청을 보냈습니다.</translation>
    </message>
    <message>
        <source>Cancel of order %1 refused: %2</source>
        <translation>주문 %1 취소 거부: %2</translation>
    </message>
</context>
<context>
    <name>PositionsDock</name>
    <message>
        <source>Positions</source>
        <translation>잔고</translation>
    </message>
    <message>
        <source>Live positions with current price, profit and loss, stop-loss and take-profit</source>
        <translation>보유 종목의 현재가, 손익, 손절가, 익절가</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Shares held</source>
        <translation>보유수량</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>평균단가</translation>
    </message>
    <message>
        <source>Average purchase price (moving average)</source>
        <translation>매입단가 (이동평균)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>Last trade price</source>
        <translation>최근 체결가</translation>
    </message>
    <message>
        <source>P&amp;L</source>
        <translation>평가손익</translation>
    </message>
    <message>
        <source>Value at the last price minus the purchase cost, before sell fees and tax</source>
        <translation>현재가 기준 평가금액에서 매입금액을 뺀 값 (매도 수수료·세금 차감 전)</translation>
    </message>
    <message>
        <source>P&amp;L %</source>
        <translation>수익률</translation>
    </message>
    <message>
        <source>P&amp;L against the purchase cost</source>
        <translation>매입금액 대비 평가손익</translation>
    </message>
    <message>
        <source>Stop-loss</source>
        <translation>손절</translation>
    </message>
    <message>
        <source>Stop-loss price (or rate below the average price)</source>
        <translation>손절가 (또는 평균단가 대비 하락률)</translation>
    </message>
    <message>
        <source>Take-profit</source>
        <translation>익절</translation>
    </message>
    <message>
        <source>Take-profit price (or rate above the average price)</source>
        <translation>익절가 (또는 평균단가 대비 상승률)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>OPEN, or SELLING while a sell order is out</source>
        <translation>OPEN, 또는 매도 주문이 나가 있는 동안 SELLING</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>진입 경로</translation>
    </message>
    <message>
        <source>What opened the position</source>
        <translation>포지션을 연 주체</translation>
    </message>
    <message>
        <source>Positions table</source>
        <translation>잔고 표</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the stock&apos;s chart; Ctrl+Shift+S sells</source>
        <translation>더블클릭 또는 Enter로 종목 차트 열기, Ctrl+Shift+S로 매도</translation>
    </message>
    <message>
        <source>&amp;Sell…</source>
        <translation>매도(&amp;S)…</translation>
    </message>
    <message>
        <source>Sell the selected position</source>
        <translation>선택한 종목 매도</translation>
    </message>
    <message>
        <source>Sells all shares of the selected position at market, after a confirmation</source>
        <translation>확인 후 선택한 종목의 전량을 시장가로 매도합니다</translation>
    </message>
    <message>
        <source>Sell all shares of the selected position at market (Ctrl+Shift+S)</source>
        <translation>선택한 종목 전량 시장가 매도 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Positions status</source>
        <translation>잔고 상태</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>매도…</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>차트 열기</translation>
    </message>
    <message>
        <source>Could not read the positions: %1</source>
        <translation>잔고를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Select a position to sell.</source>
        <translation>매도할 종목을 선택하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Sell all %Ln share(s) of %1 at market?</source>
        <translation>
            <numerusform>%1 %Ln주 전량을 시장가로 매도하시겠습니까?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sell all %Ln share(s) of %1 (%2) at market?</source>
        <translation>
            <numerusform>%1 (%2) %Ln주 전량을 시장가로 매도하시겠습니까?</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm sell</source>
        <translation>매도 확인</translation>
    </message>
    <message>
        <source>The order goes through the risk guard like every other sell.</source>
        <translation>이 주문도 다른 모든 매도 주문과 마찬가지로 리스크 관리 검사를 거칩니다.</translation>
    </message>
    <message>
        <source>Sell of %1 not sent.</source>
        <translation>%1 매도 주문을 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Selling %1…</source>
        <translation>%1 매도 중…</translation>
    </message>
    <message>
        <source>Sell order for %1 sent.</source>
        <translation>%1 매도 주문을 보냈습니다.</translation>
    </message>
    <message>
        <source>Sell of %1 refused: %2</source>
        <translation>%1 매도 거부: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Signal %1 (%2)</source>
        <translation>신호 %1 (%2)</translation>
    </message>
    <message>
        <source>Condition hit: %1 (%2)</source>
        <translation>조건식 편입: %1 (%2)</translation>
    </message>
    <message>
        <source>Buy request (%1, %2)</source>
        <translation>매수 요청 (%1, %2)</translation>
    </message>
    <message>
        <source>Reference candle (target %1)</source>
        <translation>기준봉 (목표가 %1)</translation>
    </message>
    <message>
        <source>Condition: %1</source>
        <translation>조건식: %1</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>일봉</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>MACD</source>
        <translation>MACD</translation>
    </message>
    <message>
        <source>Chaikin oscillator</source>
        <translation>차이킨 오실레이터</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Disparity (이격도)</source>
        <translation>이격도</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation>%1은(는) %2~%3 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>code must be a six-character stock code, e.g. 005930 (got &quot;%1&quot;)</source>
        <translation>code는 6자리 종목코드여야 합니다. 예: 005930 (입력값: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>unknown parameter %1 (known: %2)</source>
        <translation>알 수 없는 매개변수 %1 (사용 가능: %2)</translation>
    </message>
    <message>
        <source>interval must be one of 1m, 5m, 15m, 60m, 1d (got &quot;%1&quot;)</source>
        <translation>interval은 1m, 5m, 15m, 60m, 1d 중 하나여야 합니다 (입력값: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>indicator must be none, rsi, macd, chaikin, momentum or disparity (got &quot;%1&quot;)</source>
        <translation>indicator는 none, rsi, macd, chaikin, momentum, disparity 중 하나여야 합니다 (입력값: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>overlays must list sma, ema, bb or be none (got &quot;%1&quot;)</source>
        <translation>overlays는 sma, ema, bb 목록이거나 none이어야 합니다 (입력값: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Reference candle (+%1%)</source>
        <translation>기준봉 (+%1%)</translation>
    </message>
    <message>
        <source>unknown strategy type &quot;%1&quot; (known: %2)</source>
        <translation>알 수 없는 전략 유형 &quot;%1&quot; (사용 가능: %2)</translation>
    </message>
    <message>
        <source>No candles for %1</source>
        <translation>%1의 캔들 데이터가 없습니다</translation>
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
    <name>RecordToggle</name>
    <message>
        <source>&amp;Record market data</source>
        <translation>시장 데이터 기록(&amp;R)</translation>
    </message>
    <message>
        <source>Record what the broker sends (realtime frames, quote and chart replies) into the data folder&apos;s recordings, for replay in the simulator</source>
        <translation>증권사가 보내는 데이터(실시간 프레임, 시세·차트 응답)를 데이터 폴더의 recordings에 기록합니다. 시뮬레이터에서 재생할 수 있습니다</translation>
    </message>
    <message>
        <source>Record market data (%1): on or off</source>
        <translation>시장 데이터 기록 (%1): 켜기/끄기</translation>
    </message>
    <message>
        <source>Record market data</source>
        <translation>시장 데이터 기록</translation>
    </message>
    <message>
        <source>Recording not switched: %1</source>
        <translation>기록 설정을 바꾸지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Recording market data into %1</source>
        <translation>%1에 시장 데이터를 기록합니다</translation>
    </message>
    <message>
        <source>Market data recording stopped</source>
        <translation>시장 데이터 기록을 멈췄습니다</translation>
    </message>
</context>
<context>
    <name>RecorderControl</name>
    <message>
        <source>The settings are not loaded yet.</source>
        <translation>설정을 아직 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>Market data recording switched on (by %1)</source>
        <translation>시장 데이터 기록 켜짐 (%1)</translation>
    </message>
    <message>
        <source>Market data recording switched off (by %1)</source>
        <translation>시장 데이터 기록 꺼짐 (%1)</translation>
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
    <name>ServiceControls</name>
    <message>
        <source>Condition &amp;monitoring</source>
        <translation>조건식 감시(&amp;M)</translation>
    </message>
    <message>
        <source>Search the enabled conditions (조건식) every period and in realtime; hits become buy signals</source>
        <translation>사용 중인 조건식을 주기마다, 그리고 실시간으로 검색합니다. 편입 종목은 매수 신호가 됩니다</translation>
    </message>
    <message>
        <source>&amp;Strategy scanner</source>
        <translation>전략 스캐너(&amp;S)</translation>
    </message>
    <message>
        <source>Run the enabled strategies over the watchlist every period</source>
        <translation>사용 중인 전략을 주기마다 관심종목에 대해 실행합니다</translation>
    </message>
    <message>
        <source>S&amp;calping</source>
        <translation>스캘핑(&amp;C)</translation>
    </message>
    <message>
        <source>Run the scalping strategy on live quotes</source>
        <translation>실시간 시세로 스캘핑 전략을 실행합니다</translation>
    </message>
    <message>
        <source>Stop-&amp;loss / take-profit</source>
        <translation>손절 / 익절(&amp;L)</translation>
    </message>
    <message>
        <source>Check every position against its stop-loss, take-profit and trailing stop</source>
        <translation>모든 보유 종목을 손절, 익절, 트레일링 스탑 기준으로 점검합니다</translation>
    </message>
    <message>
        <source>&amp;Watchlist sync</source>
        <translation>관심종목 동기화(&amp;W)</translation>
    </message>
    <message>
        <source>Keep the watchlist in step with the conditions&apos; results</source>
        <translation>관심종목을 조건식 검색 결과와 일치시킵니다</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>서비스(&amp;S)</translation>
    </message>
    <message>
        <source>%1 (%2): start or stop</source>
        <translation>%1 (%2): 시작 또는 중지</translation>
    </message>
    <message>
        <source>Start &amp;all</source>
        <translation>모두 시작(&amp;A)</translation>
    </message>
    <message>
        <source>Start every service</source>
        <translation>모든 서비스 시작</translation>
    </message>
    <message>
        <source>St&amp;op all</source>
        <translation>모두 중지(&amp;O)</translation>
    </message>
    <message>
        <source>Stop every service (positions stay; nothing is sold)</source>
        <translation>모든 서비스 중지 (보유 종목은 유지되며 매도하지 않습니다)</translation>
    </message>
    <message>
        <source>&amp;No new entries</source>
        <translation>신규 진입 금지(&amp;N)</translation>
    </message>
    <message>
        <source>Kill switch: no new buys; exits and open orders go on</source>
        <translation>킬 스위치: 신규 매수 금지. 청산과 미체결 주문은 계속됩니다</translation>
    </message>
    <message>
        <source>&amp;Reduce only</source>
        <translation>포지션 축소만 허용(&amp;R)</translation>
    </message>
    <message>
        <source>Kill switch: only orders that reduce positions</source>
        <translation>킬 스위치: 포지션을 줄이는 주문만 허용</translation>
    </message>
    <message>
        <source>&amp;Cancel all orders</source>
        <translation>전체 주문 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Kill switch: cancel every open order and place no new ones (asks first)</source>
        <translation>킬 스위치: 모든 미체결 주문을 취소하고 신규 주문을 내지 않습니다 (확인 후 실행)</translation>
    </message>
    <message>
        <source>&amp;Flatten all positions</source>
        <translation>전 종목 청산(&amp;F)</translation>
    </message>
    <message>
        <source>Kill switch: cancel every open order and sell every position at market (asks first)</source>
        <translation>킬 스위치: 모든 미체결 주문을 취소하고 전 종목을 시장가로 매도합니다 (확인 후 실행)</translation>
    </message>
    <message>
        <source>&amp;Kill switch</source>
        <translation>킬 스위치(&amp;K)</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>킬 스위치</translation>
    </message>
    <message>
        <source>Res&amp;ume trading</source>
        <translation>매매 재개(&amp;U)</translation>
    </message>
    <message>
        <source>Turn the kill switch off: trading as configured again</source>
        <translation>킬 스위치 해제: 설정대로 다시 매매합니다</translation>
    </message>
    <message>
        <source>KILL SWITCH</source>
        <translation>킬 스위치</translation>
    </message>
    <message>
        <source>Press: no new entries (Ctrl+Shift+K). The arrow opens the other modes and Resume.</source>
        <translation>누르면 신규 진입 금지 (Ctrl+Shift+K). 화살표를 누르면 다른 모드와 재개 메뉴가 열립니다.</translation>
    </message>
    <message>
        <source>Kill switch state</source>
        <translation>킬 스위치 상태</translation>
    </message>
    <message>
        <source>Kill switch: —</source>
        <translation>킬 스위치: —</translation>
    </message>
    <message>
        <source>Not connected to the trading engine yet</source>
        <translation>아직 매매 엔진에 연결되지 않았습니다</translation>
    </message>
    <message>
        <source>Kill switch: off</source>
        <translation>킬 스위치: 꺼짐</translation>
    </message>
    <message>
        <source>Trading as configured</source>
        <translation>설정대로 매매 중</translation>
    </message>
    <message>
        <source>KILL SWITCH: %1</source>
        <translation>킬 스위치: %1</translation>
    </message>
    <message>
        <source>Engaged by %1: %2</source>
        <translation>%1에 의해 작동: %2</translation>
    </message>
    <message>
        <source>KILL SWITCH ON</source>
        <translation>킬 스위치 작동 중</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>시작됨: %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
    <message>
        <source>Cancel every open order and sell every position at the market price now?
No new orders are placed until you resume.</source>
        <translation>지금 모든 미체결 주문을 취소하고 전 종목을 시장가로 매도하시겠습니까?
재개할 때까지 신규 주문을 내지 않습니다.</translation>
    </message>
    <message>
        <source>Cancel every open order now?
No new orders are placed until you resume.</source>
        <translation>지금 모든 미체결 주문을 취소하시겠습니까?
재개할 때까지 신규 주문을 내지 않습니다.</translation>
    </message>
    <message>
        <source>Flatten all positions</source>
        <translation>전 종목 청산</translation>
    </message>
    <message>
        <source>Cancel all orders</source>
        <translation>전체 주문 취소</translation>
    </message>
    <message>
        <source>engaged from the desktop</source>
        <translation>데스크톱에서 작동</translation>
    </message>
    <message>
        <source>Kill switch engaged.</source>
        <translation>킬 스위치가 작동했습니다.</translation>
    </message>
    <message>
        <source>Kill switch off: trading resumed.</source>
        <translation>킬 스위치 해제: 매매를 재개했습니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Stored (fingerprint %1)</source>
        <translation>저장됨 (지문 %1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Broker, trading, control API, news and appearance settings</source>
        <translation>증권사, 매매, 제어 API, 뉴스, 화면 설정</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>설정 페이지</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (takes effect on restart)</source>
        <translation>%1 (재시작 후 적용)</translation>
    </message>
    <message>
        <source>%1 (on restart):</source>
        <translation>%1 (재시작 후 적용):</translation>
    </message>
    <message>
        <source>Type a new value to store it</source>
        <translation>새 값을 입력하면 저장됩니다</translation>
    </message>
    <message>
        <source>Stored in the system keychain; never shown</source>
        <translation>시스템 키체인에 저장되며 표시되지 않습니다</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 삭제</translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation>증권사(&amp;B)</translation>
    </message>
    <message>
        <source>Changes on this page take effect when Kiwoom Trader restarts.</source>
        <translation>이 페이지의 변경 사항은 Kiwoom Trader를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Demo (built-in simulator)</source>
        <translation>데모 (내장 시뮬레이터)</translation>
    </message>
    <message>
        <source>Kiwoom mock trading (모의투자)</source>
        <translation>키움 모의투자</translation>
    </message>
    <message>
        <source>Kiwoom LIVE trading (real money)</source>
        <translation>키움 실전투자 (실제 자금)</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>계좌번호</translation>
    </message>
    <message>
        <source>10 digits, e.g. 5012345611</source>
        <translation>10자리, 예: 5012345611</translation>
    </message>
    <message>
        <source>An account number has 10 digits (e.g. 5012345611 or 5012-3456-11).</source>
        <translation>계좌번호는 10자리입니다 (예: 5012345611 또는 5012-3456-11).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kiwoom keys&lt;/b&gt; (issued per account on the Kiwoom portal; mock and live keys differ)</source>
        <translation>&lt;b&gt;키움 키&lt;/b&gt; (키움 포털에서 계좌별로 발급, 모의투자 키와 실전투자 키는 서로 다릅니다)</translation>
    </message>
    <message>
        <source>Mock app key</source>
        <translation>모의투자 앱 키</translation>
    </message>
    <message>
        <source>Mock secret key</source>
        <translation>모의투자 시크릿 키</translation>
    </message>
    <message>
        <source>Live app key</source>
        <translation>실전투자 앱 키</translation>
    </message>
    <message>
        <source>Live secret key</source>
        <translation>실전투자 시크릿 키</translation>
    </message>
    <message>
        <source>&amp;Trading</source>
        <translation>매매(&amp;T)</translation>
    </message>
    <message>
        <source>Changes on this page take effect at once, for the running services and new positions.</source>
        <translation>이 페이지의 변경 사항은 실행 중인 서비스와 신규 포지션에 즉시 적용됩니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Service periods&lt;/b&gt;</source>
        <translation>&lt;b&gt;서비스 주기&lt;/b&gt;</translation>
    </message>
    <message>
        <source>s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Condition monitor (조건식)</source>
        <translation>조건식 감시</translation>
    </message>
    <message>
        <source>Strategy scan</source>
        <translation>전략 스캔</translation>
    </message>
    <message>
        <source>Scalping</source>
        <translation>스캘핑</translation>
    </message>
    <message>
        <source>Stop-loss sweep (손절)</source>
        <translation>손절 점검</translation>
    </message>
    <message>
        <source>Watchlist sync</source>
        <translation>관심종목 동기화</translation>
    </message>
    <message>
        <source>&lt;b&gt;Automated trading&lt;/b&gt;</source>
        <translation>&lt;b&gt;자동매매&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Buy signals automatically</source>
        <translation>신호 발생 시 자동 매수</translation>
    </message>
    <message>
        <source>Amount per buy</source>
        <translation>1회 매수 금액</translation>
    </message>
    <message>
        <source>KRW</source>
        <translation>원</translation>
    </message>
    <message>
        <source>More than the largest single order (risk limit, %1 KRW): every automatic buy would be refused.</source>
        <translation>1회 최대 주문금액(리스크 한도, %1원)보다 큽니다. 모든 자동 매수가 거부됩니다.</translation>
    </message>
    <message>
        <source>Buy order type</source>
        <translation>매수 주문 유형</translation>
    </message>
    <message>
        <source>Limit at the best ask (on the tick)</source>
        <translation>최우선 매도호가 지정가 (호가단위 맞춤)</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <source>Stop-loss (손절)</source>
        <translation>손절</translation>
    </message>
    <message>
        <source>% below the buy price</source>
        <translation>% (매수가 대비 하락)</translation>
    </message>
    <message>
        <source>Take-profit (익절)</source>
        <translation>익절</translation>
    </message>
    <message>
        <source>% above the buy price</source>
        <translation>% (매수가 대비 상승)</translation>
    </message>
    <message>
        <source>Trailing stop</source>
        <translation>트레일링 스탑</translation>
    </message>
    <message>
        <source>% below the high (0 = off)</source>
        <translation>% (고점 대비 하락, 0 = 사용 안 함)</translation>
    </message>
    <message>
        <source>Cancel unfilled buys after</source>
        <translation>미체결 매수 주문 자동 취소</translation>
    </message>
    <message>
        <source>s (0 = never)</source>
        <translation>초 후 (0 = 취소 안 함)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Risk limits&lt;/b&gt;</source>
        <translation>&lt;b&gt;리스크 한도&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Largest single order</source>
        <translation>1회 최대 주문금액</translation>
    </message>
    <message>
        <source>Cannot exceed the daily buy total (%1 KRW).</source>
        <translation>일일 매수 총액(%1원)을 초과할 수 없습니다.</translation>
    </message>
    <message>
        <source>Buys per day</source>
        <translation>일일 매수 횟수</translation>
    </message>
    <message>
        <source>Open positions at once</source>
        <translation>동시 보유 종목 수</translation>
    </message>
    <message>
        <source>Daily loss limit</source>
        <translation>일일 손실 한도</translation>
    </message>
    <message>
        <source>KRW (0 = off)</source>
        <translation>원 (0 = 사용 안 함)</translation>
    </message>
    <message>
        <source>No new buys in the last</source>
        <translation>장 마감 전 신규 매수 금지</translation>
    </message>
    <message>
        <source>min of the session (0 = off)</source>
        <translation>분 (0 = 사용 안 함)</translation>
    </message>
    <message>
        <source>Buy only in the continuous session (09:00–15:20)</source>
        <translation>정규장(09:00–15:20)에만 매수</translation>
    </message>
    <message>
        <source>&amp;Control API</source>
        <translation>제어 API(&amp;C)</translation>
    </message>
    <message>
        <source>The local HTTP API for scripts (127.0.0.1). The port and on/off take effect when Kiwoom Trader restarts; rotated keys at once.</source>
        <translation>스크립트용 로컬 HTTP API (127.0.0.1). 포트와 사용 여부는 Kiwoom Trader를 다시 시작하면 적용되고, 재발급한 키는 즉시 적용됩니다.</translation>
    </message>
    <message>
        <source>Enable the control API (on restart)</source>
        <translation>제어 API 사용 (재시작 후 적용)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; use 1024–65535 (or 0 for any free port).</source>
        <translation>1024 미만 포트는 관리자 권한이 필요합니다. 1024–65535를 사용하세요 (빈 포트 자동 선택은 0).</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 복사</translation>
    </message>
    <message>
        <source>%1 copied to the clipboard.</source>
        <translation>%1을(를) 클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>Read key</source>
        <translation>조회 키</translation>
    </message>
    <message>
        <source>Trade key</source>
        <translation>매매 키</translation>
    </message>
    <message>
        <source>S&amp;how keys</source>
        <translation>키 보기(&amp;H)</translation>
    </message>
    <message>
        <source>H&amp;ide keys</source>
        <translation>키 숨기기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Rotate keys…</source>
        <translation>키 재발급(&amp;R)…</translation>
    </message>
    <message>
        <source>Make new keys; scripts using the old ones stop working at once</source>
        <translation>새 키를 만듭니다. 기존 키를 쓰는 스크립트는 즉시 작동하지 않게 됩니다</translation>
    </message>
    <message>
        <source>&amp;News</source>
        <translation>뉴스(&amp;N)</translation>
    </message>
    <message>
        <source>The Naver search API&apos;s client id and secret (developers.naver.com) for news in mock and live mode; demo mode uses the simulator. They take effect when Kiwoom Trader restarts.</source>
        <translation>모의투자·실전투자 모드에서 뉴스를 가져올 네이버 검색 API의 client id와 secret(developers.naver.com)입니다. 데모 모드는 시뮬레이터를 사용합니다. Kiwoom Trader를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Naver client id</source>
        <translation>네이버 client id</translation>
    </message>
    <message>
        <source>Naver client secret</source>
        <translation>네이버 client secret</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>화면(&amp;A)</translation>
    </message>
    <message>
        <source>The language takes effect when Kiwoom Trader restarts; the rest at once.</source>
        <translation>언어는 Kiwoom Trader를 다시 시작하면 적용되고, 나머지는 즉시 적용됩니다.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Closing the window keeps trading in the tray</source>
        <translation>창을 닫아도 트레이에서 매매를 계속합니다</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>트레이로 최소화된 상태로 시작</translation>
    </message>
    <message>
        <source>Start with the desktop session (minimised)</source>
        <translation>데스크톱 로그인 시 자동 시작 (최소화)</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>%1 파일을 생성합니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation>&lt;b&gt;알림&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>체결</translation>
    </message>
    <message>
        <source>Stop-loss / take-profit exits</source>
        <translation>손절 / 익절 청산</translation>
    </message>
    <message>
        <source>Rejected orders</source>
        <translation>거부된 주문</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>킬 스위치</translation>
    </message>
    <message>
        <source>Broker disconnects</source>
        <translation>증권사 연결 끊김</translation>
    </message>
    <message>
        <source>Enter a value.</source>
        <translation>값을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a value from %1 to %2.</source>
        <translation>%1에서 %2 사이의 값을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>정수를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>%1 has no spaces; check what was pasted.</source>
        <translation>%1에는 공백이 없어야 합니다. 붙여넣은 내용을 확인하세요.</translation>
    </message>
    <message>
        <source>%1 is too long (at most 512 characters).</source>
        <translation>%1이(가) 너무 깁니다(최대 512자).</translation>
    </message>
    <message>
        <source>%1 holds only printable ASCII characters.</source>
        <translation>%1에는 출력 가능한 ASCII 문자만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>잘못된 값: %1</translation>
    </message>
    <message>
        <source>No trading core: settings cannot be read.</source>
        <translation>트레이딩 코어가 없어 설정을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>설정을 읽는 중…</translation>
    </message>
    <message>
        <source>The trading engine is not running yet (the broker is connecting): the automated-trading fields can be changed once it is.</source>
        <translation>트레이딩 엔진이 아직 실행되지 않았습니다(증권사 연결 중). 엔진이 실행되면 자동매매 항목을 변경할 수 있습니다.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read (it is not a valid INI file). Kiwoom Trader runs on defaults; fix or remove the file and restart. Nothing is saved until then.</source>
        <translation>설정 파일 %1을(를) 읽을 수 없습니다(올바른 INI 파일이 아닙니다). Kiwoom Trader는 기본값으로 실행됩니다. 파일을 수정하거나 삭제한 뒤 다시 시작하세요. 그때까지는 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>The settings file %1 is not writable: nothing can be saved.</source>
        <translation>설정 파일 %1에 쓸 수 없어 아무것도 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Some entries of %1 were invalid and their defaults are shown; saving replaces them: %2</source>
        <translation>%1의 일부 항목이 잘못되어 기본값으로 표시됩니다. 저장하면 해당 항목이 대체됩니다: %2</translation>
    </message>
    <message>
        <source>Listening on 127.0.0.1:%1.</source>
        <translation>127.0.0.1:%1에서 대기 중입니다.</translation>
    </message>
    <message>
        <source>No keys yet: they are made when the control API first starts, or now with Rotate keys. Key file: %1</source>
        <translation>아직 키가 없습니다. 제어 API를 처음 시작할 때 생성되며, 지금 [키 교체]로 만들 수도 있습니다. 키 파일: %1</translation>
    </message>
    <message>
        <source>Key file (owner-only): %1</source>
        <translation>키 파일(소유자 전용): %1</translation>
    </message>
    <message>
        <source>No secret store.</source>
        <translation>보안 저장소가 없습니다.</translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation>저장되지 않음</translation>
    </message>
    <message>
        <source>Cannot read: %1</source>
        <translation>읽을 수 없음: %1</translation>
    </message>
    <message>
        <source>(%1 is set in the environment and is used instead)</source>
        <translation>(환경 변수에 %1이(가) 설정되어 있어 대신 사용됩니다)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No system keychain service is running (%1). Keys are kept instead in %2, a file only you can read (mode 0600).</source>
        <translation>시스템 키체인 서비스가 실행 중이 아닙니다(%1). 대신 본인만 읽을 수 있는 파일 %2(권한 0600)에 키를 보관합니다.</translation>
    </message>
    <message>
        <source>Switch to live trading?</source>
        <translation>실전투자로 전환하시겠습니까?</translation>
    </message>
    <message>
        <source>In live mode Kiwoom Trader trades your real account with real money: automatic buys, stop-loss and take-profit sells and the kill switch all place real orders.</source>
        <translation>실전투자 모드에서는 Kiwoom Trader가 실제 계좌에서 실제 돈으로 거래합니다. 자동 매수, 손절·익절 매도, 킬 스위치 모두 실제 주문을 냅니다.</translation>
    </message>
    <message>
        <source>Test your settings in demo or mock mode first. Switch to live (on restart)?</source>
        <translation>먼저 데모 또는 모의투자 모드에서 설정을 시험해 보세요. 실전투자로 전환하시겠습니까(다시 시작 시 적용)?</translation>
    </message>
    <message>
        <source>Use &amp;live trading</source>
        <translation>실전투자 사용(&amp;L)</translation>
    </message>
    <message>
        <source>Still reading the settings.</source>
        <translation>아직 설정을 읽는 중입니다.</translation>
    </message>
    <message>
        <source>Some fields are invalid (see the messages next to them); nothing was saved.</source>
        <translation>일부 항목이 잘못되었습니다(옆의 메시지 참조). 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Live trading was not confirmed; nothing was saved.</source>
        <translation>실전투자가 확인되지 않아 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read (not a valid INI file); nothing was saved.</source>
        <translation>설정 파일 %1을(를) 읽을 수 없습니다(올바른 INI 파일이 아님). 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Settings changed in the app: %1</source>
        <translation>앱에서 변경된 설정: %1</translation>
    </message>
    <message>
        <source>The secret store is gone.</source>
        <translation>보안 저장소가 사라졌습니다.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>변경된 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
    <message>
        <source>Saved; in effect now.</source>
        <translation>저장되었습니다. 지금 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>Saved. Takes effect when Kiwoom Trader restarts: %1.</source>
        <translation>저장되었습니다. Kiwoom Trader를 다시 시작하면 적용됩니다: %1.</translation>
    </message>
    <message>
        <source>Rotate the control API keys?</source>
        <translation>제어 API 키를 교체하시겠습니까?</translation>
    </message>
    <message>
        <source>New read and trade keys are made and written to the key file. Scripts using the current keys are refused from now on.</source>
        <translation>새 조회 키와 거래 키가 생성되어 키 파일에 기록됩니다. 현재 키를 사용하는 스크립트는 지금부터 거부됩니다.</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>교체(&amp;R)</translation>
    </message>
    <message>
        <source>Control API keys rotated in the app; the old keys no longer work.</source>
        <translation>앱에서 제어 API 키를 교체했습니다. 이전 키는 더 이상 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Keys not rotated: %1</source>
        <translation>키를 교체하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>New control API keys made; the old ones no longer work.</source>
        <translation>새 제어 API 키가 생성되었습니다. 이전 키는 더 이상 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Paper trading (Kiwoom quotes, simulated orders)</source>
        <translation>페이퍼 트레이딩 (키움 시세, 가상 주문)</translation>
    </message>
    <message>
        <source>Paper quotes from</source>
        <translation>페이퍼 시세 출처</translation>
    </message>
    <message>
        <source>Kiwoom mock host (mock keys)</source>
        <translation>키움 모의투자 서버 (모의투자 키)</translation>
    </message>
    <message>
        <source>Kiwoom live host (live keys; orders stay local)</source>
        <translation>키움 실전 서버 (실전 키, 주문은 로컬에서만 처리)</translation>
    </message>
    <message>
        <source>Paper starting cash</source>
        <translation>페이퍼 시작 예수금</translation>
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
    <name>SignalsDock</name>
    <message>
        <source>strategy %1</source>
        <translation>전략 %1</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>신호</translation>
    </message>
    <message>
        <source>Pending and today&apos;s signals, and why each was or was not traded</source>
        <translation>대기 중인 신호와 오늘의 신호, 그리고 각 신호의 매매 여부와 그 이유</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>감지 시각</translation>
    </message>
    <message>
        <source>When the signal was detected (KST)</source>
        <translation>신호가 감지된 시각(KST)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표가</translation>
    </message>
    <message>
        <source>Target price of a reference-candle buy</source>
        <translation>기준봉 매수의 목표가</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>판단</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>The rule that decided (risk, cash, settings...)</source>
        <translation>판단을 내린 규칙(리스크, 예수금, 설정...)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>수치</translation>
    </message>
    <message>
        <source>The numbers compared</source>
        <translation>비교한 수치</translation>
    </message>
    <message>
        <source>By</source>
        <translation>주체</translation>
    </message>
    <message>
        <source>Signals and decisions</source>
        <translation>신호 및 판단</translation>
    </message>
    <message>
        <source>Signals table</source>
        <translation>신호 표</translation>
    </message>
    <message>
        <source>Select a signal to see why it was or was not traded; Enter opens the chart</source>
        <translation>신호를 선택하면 매매 여부와 그 이유를 볼 수 있습니다. Enter 키를 누르면 차트가 열립니다</translation>
    </message>
    <message>
        <source>Select a signal to see why it was or was not traded.</source>
        <translation>신호를 선택하면 매매 여부와 그 이유를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Selected signal</source>
        <translation>선택한 신호</translation>
    </message>
    <message>
        <source>Decision ledger of the selected signal</source>
        <translation>선택한 신호의 판단 기록</translation>
    </message>
    <message>
        <source>Signals status</source>
        <translation>신호 상태</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>차트 열기</translation>
    </message>
    <message>
        <source>Could not read all signals: %1</source>
        <translation>일부 신호를 읽지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s): pending, and detected on %1</source>
        <translation>
            <numerusform>신호 %n건: 대기 중 및 %1에 감지됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the decision ledger: %1</source>
        <translation>판단 기록을 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>%1 %2 — %3 signal, %4%5</source>
        <translation>%1 %2 — %3 신호, %4%5</translation>
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
    <name>StrategiesDock</name>
    <message>
        <source>Strategies</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>Strategy types, whether each is enabled, their parameters and last signals</source>
        <translation>전략 유형별 사용 여부, 파라미터, 최근 신호</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>The strategy type</source>
        <translation>전략 유형</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Checked: it scans and gives signals</source>
        <translation>선택하면 종목을 검색해 신호를 냅니다</translation>
    </message>
    <message>
        <source>Signals today</source>
        <translation>오늘 신호</translation>
    </message>
    <message>
        <source>Signals it gave today</source>
        <translation>오늘 낸 신호 수</translation>
    </message>
    <message>
        <source>Last signal</source>
        <translation>최근 신호</translation>
    </message>
    <message>
        <source>When it last gave a signal</source>
        <translation>마지막으로 신호를 낸 시각</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Strategies table</source>
        <translation>전략 표</translation>
    </message>
    <message>
        <source>One row per strategy type; Space on Enabled switches it on or off</source>
        <translation>전략 유형마다 한 행이며, [사용] 열에서 Space 키로 켜고 끌 수 있습니다</translation>
    </message>
    <message>
        <source>Strategies columns</source>
        <translation>전략 열</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Strategy parameters</source>
        <translation>전략 파라미터</translation>
    </message>
    <message>
        <source>Strategy description</source>
        <translation>전략 설명</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>적용(&amp;A)</translation>
    </message>
    <message>
        <source>Apply strategy parameters</source>
        <translation>전략 파라미터 적용</translation>
    </message>
    <message>
        <source>Store these parameters (the core checks them first)</source>
        <translation>이 파라미터를 저장합니다(코어가 먼저 검사합니다)</translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation>기본값(&amp;F)</translation>
    </message>
    <message>
        <source>Fill in the default parameters</source>
        <translation>기본 파라미터 채우기</translation>
    </message>
    <message>
        <source>Fill in the strategy&apos;s default parameters (Apply stores them)</source>
        <translation>전략의 기본 파라미터를 채웁니다([적용]을 눌러야 저장됩니다)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>되돌리기(&amp;V)</translation>
    </message>
    <message>
        <source>Revert to the stored parameters</source>
        <translation>저장된 파라미터로 되돌리기</translation>
    </message>
    <message>
        <source>Strategy status</source>
        <translation>전략 상태</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>신호</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Last signals of the strategy</source>
        <translation>전략의 최근 신호</translation>
    </message>
    <message>
        <source>Signal columns</source>
        <translation>신호 열</translation>
    </message>
    <message>
        <source>Strategies could not be read: %1</source>
        <translation>전략을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>파라미터: %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <source>Valid: %1; default %2.</source>
        <translation>유효 범위: %1, 기본값 %2.</translation>
    </message>
    <message>
        <source>%1 message</source>
        <translation>%1 메시지</translation>
    </message>
    <message>
        <source>Parameters of %1 stored.</source>
        <translation>%1의 파라미터를 저장했습니다.</translation>
    </message>
    <message>
        <source>Defaults filled in; Apply stores them.</source>
        <translation>기본값을 채웠습니다. [적용]을 눌러야 저장됩니다.</translation>
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
    <name>TableExport</name>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>CSV로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TickSpinBox</name>
    <message>
        <source> KRW</source>
        <translation>원</translation>
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
    <message>
        <source>Paper trading did not start: %1</source>
        <translation>페이퍼 트레이딩을 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Paper trading: quotes from Kiwoom (%1), orders filled by a local simulated account.</source>
        <translation>페이퍼 트레이딩: 키움(%1) 시세를 받고, 주문은 이 컴퓨터의 가상 계좌에서 체결합니다.</translation>
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
    <name>TrayIcon</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation>Kiwoom Trader</translation>
    </message>
    <message>
        <source>Tray menu</source>
        <translation>트레이 메뉴</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>창 보이기(&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;monitoring</source>
        <translation>감시 시작(&amp;M)</translation>
    </message>
    <message>
        <source>Start the condition monitor (조건식 검색)</source>
        <translation>조건식 감시 시작(조건식 검색)</translation>
    </message>
    <message>
        <source>S&amp;top monitoring</source>
        <translation>감시 중지(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kill switch: cancel all orders</source>
        <translation>킬 스위치: 전체 주문 취소(&amp;K)</translation>
    </message>
    <message>
        <source>Stop new buys and cancel every open order</source>
        <translation>신규 매수를 중단하고 모든 미체결 주문을 취소합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation>창 숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>Monitoring started.</source>
        <translation>감시를 시작했습니다.</translation>
    </message>
    <message>
        <source>Monitoring stopped.</source>
        <translation>감시를 중지했습니다.</translation>
    </message>
    <message>
        <source>Kill switch from the tray menu</source>
        <translation>트레이 메뉴에서 킬 스위치 실행</translation>
    </message>
    <message>
        <source>Kill switch engaged: new buys stopped, open orders cancelled.</source>
        <translation>킬 스위치 작동: 신규 매수를 중단하고 미체결 주문을 취소했습니다.</translation>
    </message>
    <message>
        <source>Quit Kiwoom Trader</source>
        <translation>Kiwoom Trader 종료</translation>
    </message>
    <message numerus="yes">
        <source>%n open position(s)</source>
        <translation>
            <numerusform>보유 종목 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n open order(s)</source>
        <translation>
            <numerusform>미체결 주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source> remain. While the app is closed, nothing watches them: no stop-loss, no take-profit, no trailing stop.</source>
        <translation>이(가) 남아 있습니다. 앱이 종료된 동안에는 아무것도 감시하지 않습니다. 손절, 익절, 트레일링 스탑이 모두 작동하지 않습니다.</translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>그래도 종료하시겠습니까?</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>계속 실행(&amp;K)</translation>
    </message>
    <message>
        <source>Kiwoom Trader is still running</source>
        <translation>Kiwoom Trader가 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>Trading continues in the background. Use the tray icon to show the window or to quit.</source>
        <translation>백그라운드에서 매매가 계속됩니다. 트레이 아이콘으로 창을 보이거나 종료할 수 있습니다.</translation>
    </message>
    <message>
        <source>Bought %1</source>
        <translation>%1 매수 체결</translation>
    </message>
    <message>
        <source>Sold %1</source>
        <translation>%1 매도 체결</translation>
    </message>
    <message>
        <source>%1 shares at %2 KRW</source>
        <translation>%1주, %2원</translation>
    </message>
    <message>
        <source>Stop-loss (손절): %1</source>
        <translation>손절: %1</translation>
    </message>
    <message>
        <source>Take-profit (익절): %1</source>
        <translation>익절: %1</translation>
    </message>
    <message>
        <source>Trailing stop: %1</source>
        <translation>트레일링 스탑: %1</translation>
    </message>
    <message>
        <source>Position closed: %1</source>
        <translation>포지션 청산: %1</translation>
    </message>
    <message>
        <source>Realized P&amp;L %1 KRW</source>
        <translation>실현손익 %1원</translation>
    </message>
    <message>
        <source>No reason given.</source>
        <translation>사유가 없습니다.</translation>
    </message>
    <message>
        <source>Buy order rejected: %1</source>
        <translation>매수 주문 거부: %1</translation>
    </message>
    <message>
        <source>Sell order rejected: %1</source>
        <translation>매도 주문 거부: %1</translation>
    </message>
    <message>
        <source>Kill switch released</source>
        <translation>킬 스위치 해제</translation>
    </message>
    <message>
        <source>Trading resumed.</source>
        <translation>매매를 재개했습니다.</translation>
    </message>
    <message>
        <source>Kill switch engaged: %1</source>
        <translation>킬 스위치 작동: %1</translation>
    </message>
    <message>
        <source>Broker connection lost</source>
        <translation>증권사 연결 끊김</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>다시 연결하는 중…</translation>
    </message>
    <message>
        <source>Broker connection restored</source>
        <translation>증권사 연결 복구</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>다시 연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>WatchlistDock</name>
    <message>
        <source>Watchlist</source>
        <translation>관심종목</translation>
    </message>
    <message>
        <source>Watched stocks with live prices; add, remove and synchronise</source>
        <translation>실시간 시세가 표시되는 관심종목. 추가, 삭제, 동기화</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>Last trade price (KRW)</source>
        <translation>최근 체결가(원)</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>등락률</translation>
    </message>
    <message>
        <source>Against the previous close</source>
        <translation>전일종가 대비</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <source>The day&apos;s volume so far</source>
        <translation>당일 누적 거래량</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건식</translation>
    </message>
    <message>
        <source>Condition: %1</source>
        <translation>조건식: %1</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>수동</translation>
    </message>
    <message>
        <source>Added by hand, or by which condition</source>
        <translation>직접 추가했는지, 어느 조건식으로 추가됐는지</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가 시각</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>종목코드(&amp;O):</translation>
    </message>
    <message>
        <source>Stock code to add</source>
        <translation>추가할 종목코드</translation>
    </message>
    <message>
        <source>Six characters, e.g. 005930; Enter adds it</source>
        <translation>6자리, 예: 005930. Enter 키를 누르면 추가됩니다</translation>
    </message>
    <message>
        <source>005930</source>
        <translation>005930</translation>
    </message>
    <message>
        <source>Name of the stock to add</source>
        <translation>추가할 종목명</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add to the watchlist</source>
        <translation>관심종목에 추가</translation>
    </message>
    <message>
        <source>Add the stock to the watchlist</source>
        <translation>종목을 관심종목에 추가합니다</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Remove from the watchlist</source>
        <translation>관심종목에서 삭제</translation>
    </message>
    <message>
        <source>Remove the selected stocks from the watchlist (Delete)</source>
        <translation>선택한 종목을 관심종목에서 삭제합니다(Delete)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>지금 동기화(&amp;Y)</translation>
    </message>
    <message>
        <source>Synchronise the watchlist now</source>
        <translation>관심종목 지금 동기화</translation>
    </message>
    <message>
        <source>Run the watchlist sync with the conditions&apos; results now</source>
        <translation>조건식 결과로 관심종목 동기화를 지금 실행합니다</translation>
    </message>
    <message>
        <source>Watchlist table</source>
        <translation>관심종목 표</translation>
    </message>
    <message>
        <source>Enter or double-click shows the stock&apos;s chart; Delete removes it</source>
        <translation>Enter 키나 더블클릭으로 종목 차트를 열고, Delete 키로 삭제합니다</translation>
    </message>
    <message>
        <source>Watchlist columns</source>
        <translation>관심종목 열</translation>
    </message>
    <message>
        <source>Watchlist status</source>
        <translation>관심종목 상태</translation>
    </message>
    <message>
        <source>The watchlist could not be read: %1</source>
        <translation>관심종목을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The watchlist is empty: type a code and press Enter to add one.</source>
        <translation>관심종목이 비어 있습니다. 종목코드를 입력하고 Enter 키를 눌러 추가하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n stock(s) watched.</source>
        <translation>
            <numerusform>관심종목 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code: six characters, e.g. 005930.</source>
        <translation>&quot;%1&quot;은(는) 종목코드가 아닙니다. 6자리로 입력하세요(예: 005930).</translation>
    </message>
    <message>
        <source>%1 added to the watchlist.</source>
        <translation>%1을(를) 관심종목에 추가했습니다.</translation>
    </message>
    <message>
        <source>%1 removed from the watchlist.</source>
        <translation>%1을(를) 관심종목에서 삭제했습니다.</translation>
    </message>
    <message>
        <source>Watchlist sync started.</source>
        <translation>관심종목 동기화를 시작했습니다.</translation>
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
    <message>
        <source>Kiwoom Trader - automated trading terminal for Kiwoom Securities.
With no configuration it runs in demo mode against its built-in simulator.

Tools:
  kiwoom-trader indicators --csv IN.csv --out OUT.csv
  kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--json]

  kiwoom-trader credentials set|clear --mode mock|live, kiwoom-trader credentials show

Credentials for mock/live mode come from Settings (the keychain), `kiwoom-trader credentials set`
or the environment variables KIWOOM_APPKEY and KIWOOM_SECRETKEY, never from the command line.</source>
        <translation>Kiwoom Trader - 키움증권용 자동매매 터미널.
설정이 없으면 내장 시뮬레이터를 상대로 데모 모드로 실행됩니다.

도구:
  kiwoom-trader indicators --csv IN.csv --out OUT.csv
  kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--json]

  kiwoom-trader credentials set|clear --mode mock|live, kiwoom-trader credentials show

모의/실전 모드의 인증 정보는 설정(키체인), `kiwoom-trader credentials set`
또는 환경 변수 KIWOOM_APPKEY, KIWOOM_SECRETKEY에서 가져오며, 명령줄에서는 절대 받지 않습니다.</translation>
    </message>
    <message>
        <source>Start normally, let the data flow for the delay, save the whole main window as a PNG and exit.</source>
        <translation>정상적으로 시작해 지연 시간 동안 데이터를 받은 뒤, 메인 창 전체를 PNG로 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshot (default 8).</source>
        <translation>--screenshot 전에 기다릴 초(기본값 8).</translation>
    </message>
    <message>
        <source>Start hidden in the system tray (where the desktop has one).</source>
        <translation>시스템 트레이에 숨긴 상태로 시작합니다(데스크톱에 트레이가 있는 경우).</translation>
    </message>
    <message>
        <source>Broker: demo (built-in simulator), mock, live, or paper (Kiwoom quotes, local orders).</source>
        <translation>브로커: demo(내장 시뮬레이터), mock(모의투자), live(실전) 또는 paper(키움 시세, 로컬 주문).</translation>
    </message>
</context>
</TS>
