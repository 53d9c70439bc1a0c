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
    <message numerus="yes">
        <source>%n condition search(es) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
</context>
</TS>
