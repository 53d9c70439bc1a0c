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
    <message numerus="yes">
        <source>%n condition search(es) available.</source>
        <translation>
            <numerusform>조건식 %n개를 사용할 수 있습니다.</numerusform>
        </translation>
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
</context>
</TS>