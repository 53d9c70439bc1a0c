<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountBar</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode, connection, cash, evaluation, today&apos;s P&amp;L and the request budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker connection (REST and realtime)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether orders and positions agree with the broker&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in the account (예수금)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orderable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orderable cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>주문가능금액: the broker&apos;s figure minus what was committed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The positions at their last prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realized today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s realized P&amp;L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed sells of the trading day, after fees and tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limit budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST requests in the current one-second window against the quota, and requests waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live trading: orders use real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MOCK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom mock trading (모의투자)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the built-in simulator, no broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
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
        <source>Engine not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciled · kill switch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queries %1/%2 · orders %3/%4 · queued %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording market data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording market data into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording market data: %1 (%2 written)</source>
        <source>PAPER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper trading: Kiwoom&apos;s quotes, orders filled by a local simulated account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppRunner</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>Cannot remove the autostart entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the autostart entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BacktestWindow</name>
    <message>
        <source>Backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a strategy over a stock&apos;s past candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-character stock code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 005930</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>60 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Candles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;trategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting cash in KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission per side, percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell tax, percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss, percent below the buy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-profit, percent above the buy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell ta&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-&amp;loss (손절):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-&amp;profit (익절):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the backtest (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;istics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;quity curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candles with trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CS&amp;V…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export trades to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tra&amp;des</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a strategy over a stock&apos;s past candles (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This strategy brings its own exits (see its parameters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code (six characters, e.g. 005930).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date %1 is after the end date %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the candles of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the candles of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candles of %1 between %2 and %3 (the market&apos;s date is %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 over %2 candles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backtest stopped without a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1, total return %2, max drawdown %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 won, %3 lost)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, the last closed at the final candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 buy, %2 sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 unaffordable, %2 target-price buys not filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity (KRW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the last %2 of %3 candles; x = candle number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 candles; x = candle number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trades written to %1.</source>
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
    <name>ChartDataLoader</name>
    <message>
        <source>&quot;%1&quot; is not a stock code (six digits) or the bar count is outside 1-5000</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartDock</name>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candle chart of one stock with volume, indicators and trade markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-digit stock code; Enter shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In&amp;dicator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simple moving average (20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average (20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bollinger bands (20, 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the newest candles (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code: enter six digits, e.g. 005930.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the broker connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Candle chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candles with volume and an indicator. Plus and minus zoom, the arrow keys pan, Home and End jump to the oldest and the newest candle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candle read-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSI %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chaikin %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disparity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  O %2  H %3  L %4  C %5 (%6%)  V %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  SMA%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  EMA%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  BB %1/%2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  RSI %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  MACD %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Chaikin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Momentum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Disparity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bollinger upper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bollinger middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bollinger lower</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckableTableModel</name>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CleanupScheduler</name>
    <message numerus="yes">
        <source>New trading day %1: %n old signal(s) expired.</source>
        <translation>
            <numerusform>New trading day %1: %n old signal expired.</numerusform>
            <numerusform>New trading day %1: %n old signals expired.</numerusform>
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
        <translation>
            <numerusform>%n stock</numerusform>
            <numerusform>%n stocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n buy signal(s)</source>
        <translation>
            <numerusform>%n buy signal</numerusform>
            <numerusform>%n buy signals</numerusform>
        </translation>
    </message>
    <message>
        <source>Condition %1: %2 %3 entered; buy signal at or below %L4 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConditionsDock</name>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom conditions (조건식) and whether each feeds automated trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition&apos;s number in this program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition&apos;s name in the HTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: its hits become buy signals (through the reference-candle strategy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the condition monitor last searched it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stocks that last search returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hits today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct stocks it returned today (searches and realtime entries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether it runs as a realtime condition (entries are handled at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per condition; Space on the Auto-trade cell switches it on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable all conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let every condition feed automated trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable all conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every condition from feeding automated trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conditions yet: they are listed once the broker is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition monitoring is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition monitoring is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 enabled; %3.</source>
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
    <name>Control::EventStream</name>
    <message>
        <source>Only GET opens the event stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event stream is at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this URL as a WebSocket.</source>
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
    <message>
        <source>an integer from %1 to %2 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver serves the first 1000 results only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a stock code the broker knows (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most 366 days per export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event stream is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not answered within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a stock code the broker knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker could not be asked about %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreGateway</name>
    <message>
        <source>The trading engine is not ready yet: it is connecting to the broker or reconciling.</source>
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
    <name>DockTable</name>
    <message>
        <source>columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
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
    <name>KeychainSecretStore</name>
    <message>
        <source>no Secret Service or KWallet answered on the session bus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain is switched off with KT_NO_KEYCHAIN=1</source>
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
    <name>LayoutManager</name>
    <message>
        <source>Save workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the workspace (the docks&apos; arrangement):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every dock back where it was at first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the docks&apos; arrangement under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogDock</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the program did, newest at the bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity log table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log text filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text in the message or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the text filter</source>
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
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide to tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the window; trading continues in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Docks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ignals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper trading</source>
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
        <translation>
            <numerusform>News: %n article (from the cache).</numerusform>
            <numerusform>News: %n articles (from the cache).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>News: %n article(s).</source>
        <translation>
            <numerusform>News: %n article.</numerusform>
            <numerusform>News: %n articles.</numerusform>
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
        <translation>
            <numerusform>Discussion: %n post, page %1 of %2 (from the cache).</numerusform>
            <numerusform>Discussion: %n posts, page %1 of %2 (from the cache).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discussion: %n post(s), page %1 of %2.</source>
        <translation>
            <numerusform>Discussion: %n post, page %1 of %2.</numerusform>
            <numerusform>Discussion: %n posts, page %1 of %2.</numerusform>
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
    <name>OrderTicket</name>
    <message>
        <source>Order Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy or sell a stock by hand, through the same risk checks as automated trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the risk guard: %1 Nothing was placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order Ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy or sell a stock by hand (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code or name, e.g. 005930 or 삼성전자</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-character stock code or part of the Korean name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base price and today&apos;s limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit (지정가)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market (시장가)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up and down step by one tick of the KRX price ladder, inside today&apos;s upper and lower limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity (shares)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (KRW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity in shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount in KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1&apos;s day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (ETF/ETN tick ladder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base %1 · &lt;span style=&quot;color:#d32f2f&quot;&gt;Upper %2&lt;/span&gt; · &lt;span style=&quot;color:#1565c0&quot;&gt;Lower %3&lt;/span&gt; · Last %4 KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base price %1, upper limit %2, lower limit %3, last price %4 won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy %1 KRW of %2 at %3 KRW limit (about %4 shares) plus fees?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy %1 KRW of %2 at market (about %3 shares at the last price %4 KRW) plus fees?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy %1 of %2 at %3 KRW limit — about %4 KRW plus fees?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy %1 of %2 at market — about %3 KRW at the last price, plus fees?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell %1 of %2 at %3 KRW limit — about %4 KRW before fees and tax?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell %1 of %2 at market — about %3 KRW at the last price, before fees and tax?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market order: priced by the exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 at %2 KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stock: type its code or part of its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1&apos;s day first: check the price, then press Enter again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a limit price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount in KRW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KRW does not buy a single share at %2 KRW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a quantity of at least one share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell order #%1 for %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This buy was already sent (signal #%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy of %1 accepted (signal #%2); placing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy order #%1 for %2: %3, %4 of %5 shares filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not placed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersDock</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s orders, their state and fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the order was written (KST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit price; 0 for a market order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average fill price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker&apos;s order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who wanted the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or Enter opens the stock&apos;s chart; Delete cancels an open order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order state filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected / cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancels the rest of the selected open order, after a confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading date of the orders shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading date %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the orders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an open order to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %1 of %Ln share(s) of %2 at %3 KRW?</source>
        <translation>
            <numerusform>Cancel the %1 of %Ln share of %2 at %3 KRW?</numerusform>
            <numerusform>Cancel the %1 of %Ln shares of %2 at %3 KRW?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel the market %1 of %Ln share(s) of %2?</source>
        <translation>
            <numerusform>Cancel the market %1 of %Ln share of %2?</numerusform>
            <numerusform>Cancel the market %1 of %Ln shares of %2?</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling order %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel of order %1 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel of order %1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PositionsDock</name>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live positions with current price, profit and loss, stop-loss and take-profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average purchase price (moving average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last trade price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value at the last price minus the purchase cost, before sell fees and tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;L %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;L against the purchase cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss price (or rate below the average price)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-profit price (or rate above the average price)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPEN, or SELLING while a sell order is out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What opened the position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or Enter opens the stock&apos;s chart; Ctrl+Shift+S sells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell the selected position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sells all shares of the selected position at market, after a confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell all shares of the selected position at market (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the positions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a position to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sell all %Ln share(s) of %1 at market?</source>
        <translation>
            <numerusform>Sell all %Ln share of %1 at market?</numerusform>
            <numerusform>Sell all %Ln shares of %1 at market?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sell all %Ln share(s) of %1 (%2) at market?</source>
        <translation>
            <numerusform>Sell all %Ln share of %1 (%2) at market?</numerusform>
            <numerusform>Sell all %Ln shares of %1 (%2) at market?</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order goes through the risk guard like every other sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell of %1 not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell order for %1 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell of %1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition hit: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy request (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference candle (target %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chaikin oscillator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disparity (이격도)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code must be a six-character stock code, e.g. 005930 (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown parameter %1 (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interval must be one of 1m, 5m, 15m, 60m, 1d (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indicator must be none, rsi, macd, chaikin, momentum or disparity (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlays must list sma, ema, bb or be none (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference candle (+%1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown strategy type &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candles for %1</source>
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
    <name>RecordToggle</name>
    <message>
        <source>&amp;Record market data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what the broker sends (realtime frames, quote and chart replies) into the data folder&apos;s recordings, for replay in the simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record market data (%1): on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record market data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording not switched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording market data into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market data recording stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecorderControl</name>
    <message>
        <source>The settings are not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market data recording switched on (by %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market data recording switched off (by %1)</source>
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
    <name>ServiceControls</name>
    <message>
        <source>Condition &amp;monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the enabled conditions (조건식) every period and in realtime; hits become buy signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strategy scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the enabled strategies over the watchlist every period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;calping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the scalping strategy on live quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-&amp;loss / take-profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every position against its stop-loss, take-profit and trailing stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watchlist sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the watchlist in step with the conditions&apos; results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): start or stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every service (positions stay; nothing is sold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No new entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: no new buys; exits and open orders go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reduce only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: only orders that reduce positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel all orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: cancel every open order and place no new ones (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flatten all positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: cancel every open order and sell every position at market (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the kill switch off: trading as configured again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KILL SWITCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press: no new entries (Ctrl+Shift+K). The arrow opens the other modes and Resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the trading engine yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading as configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KILL SWITCH: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engaged by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KILL SWITCH ON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every open order and sell every position at the market price now?
No new orders are placed until you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every open order now?
No new orders are placed until you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatten all positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engaged from the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch engaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch off: trading resumed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Stored (fingerprint %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker, trading, control API, news and appearance settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (takes effect on restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (on restart):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a new value to store it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain; never shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes on this page take effect when Kiwoom Trader restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (built-in simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom mock trading (모의투자)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom LIVE trading (real money)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits, e.g. 5012345611</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account number has 10 digits (e.g. 5012345611 or 5012-3456-11).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Kiwoom keys&lt;/b&gt; (issued per account on the Kiwoom portal; mock and live keys differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock app key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live app key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes on this page take effect at once, for the running services and new positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Service periods&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition monitor (조건식)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scalping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss sweep (손절)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Automated trading&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy signals automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount per buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than the largest single order (risk limit, %1 KRW): every automatic buy would be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy order type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit at the best ask (on the tick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss (손절)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% below the buy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-profit (익절)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% above the buy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% below the high (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel unfilled buys after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s (0 = never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Risk limits&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest single order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot exceed the daily buy total (%1 KRW).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buys per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open positions at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily loss limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KRW (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new buys in the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min of the session (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy only in the continuous session (09:00–15:20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Control API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local HTTP API for scripts (127.0.0.1). The port and on/off take effect when Kiwoom Trader restarts; rotated keys at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the control API (on restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; use 1024–65535 (or 0 for any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ide keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make new keys; scripts using the old ones stop working at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Naver search API&apos;s client id and secret (developers.naver.com) for news in mock and live mode; demo mode uses the simulator. They take effect when Kiwoom Trader restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naver client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language takes effect when Kiwoom Trader restarts; the rest at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps trading in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the desktop session (minimised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss / take-profit exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker disconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a value from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no spaces; check what was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too long (at most 512 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds only printable ASCII characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trading core: settings cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trading engine is not running yet (the broker is connecting): the automated-trading fields can be changed once it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read (it is not a valid INI file). Kiwoom Trader runs on defaults; fix or remove the file and restart. Nothing is saved until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is not writable: nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some entries of %1 were invalid and their defaults are shown; saving replaces them: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on 127.0.0.1:%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keys yet: they are made when the control API first starts, or now with Rotate keys. Key file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file (owner-only): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 is set in the environment and is used instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain service is running (%1). Keys are kept instead in %2, a file only you can read (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to live trading?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In live mode Kiwoom Trader trades your real account with real money: automatic buys, stop-loss and take-profit sells and the kill switch all place real orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test your settings in demo or mock mode first. Switch to live (on restart)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;live trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still reading the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields are invalid (see the messages next to them); nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live trading was not confirmed; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read (not a valid INI file); nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed in the app: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret store is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved; in effect now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Takes effect when Kiwoom Trader restarts: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the control API keys?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New read and trade keys are made and written to the key file. Scripts using the current keys are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control API keys rotated in the app; the old keys no longer work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys not rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New control API keys made; the old ones no longer work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper trading (Kiwoom quotes, simulated orders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper quotes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom mock host (mock keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom live host (live keys; orders stay local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper starting cash</source>
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
    <name>SignalsDock</name>
    <message>
        <source>strategy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending and today&apos;s signals, and why each was or was not traded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the signal was detected (KST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target price of a reference-candle buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule that decided (risk, cash, settings...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals and decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a signal to see why it was or was not traded; Enter opens the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a signal to see why it was or was not traded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision ledger of the selected signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read all signals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s): pending, and detected on %1</source>
        <translation>
            <numerusform>%n signal: pending, and detected on %1</numerusform>
            <numerusform>%n signals: pending, and detected on %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the decision ledger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — %3 signal, %4%5</source>
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
    <name>StrategiesDock</name>
    <message>
        <source>Strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy types, whether each is enabled, their parameters and last signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The strategy type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: it scans and gives signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals it gave today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it last gave a signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategies table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per strategy type; Space on Enabled switches it on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategies columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply strategy parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store these parameters (the core checks them first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the default parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the strategy&apos;s default parameters (Apply stores them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to the stored parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last signals of the strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategies could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: %1; default %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters of %1 stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults filled in; Apply stores them.</source>
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
    <name>TableExport</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TickSpinBox</name>
    <message>
        <source> KRW</source>
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
    <message>
        <source>Paper trading did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper trading: quotes from Kiwoom (%1), orders filled by a local simulated account.</source>
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
        <translation>
            <numerusform>%n condition search available.</numerusform>
            <numerusform>%n condition searches available.</numerusform>
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
    <name>TrayIcon</name>
    <message>
        <source>Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the condition monitor (조건식 검색)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill switch: cancel all orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop new buys and cancel every open order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch from the tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch engaged: new buys stopped, open orders cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Kiwoom Trader</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open position(s)</source>
        <translation>
            <numerusform>%n open position</numerusform>
            <numerusform>%n open positions</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open order(s)</source>
        <translation>
            <numerusform>%n open order</numerusform>
            <numerusform>%n open orders</numerusform>
        </translation>
    </message>
    <message>
        <source> remain. While the app is closed, nothing watches them: no stop-loss, no take-profit, no trailing stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiwoom Trader is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading continues in the background. Use the tray icon to show the window or to quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shares at %2 KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop-loss (손절): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-profit (익절): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing stop: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realized P&amp;L %1 KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy order rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell order rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch engaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker connection restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistDock</name>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched stocks with live prices; add, remove and synchronise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last trade price (KRW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against the previous close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day&apos;s volume so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by hand, or by which condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock code to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six characters, e.g. 005930; Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>005930</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the stock to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the stock to the watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected stocks from the watchlist (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise the watchlist now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the watchlist sync with the conditions&apos; results now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click shows the stock&apos;s chart; Delete removes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watchlist could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watchlist is empty: type a code and press Enter to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stock(s) watched.</source>
        <translation>
            <numerusform>%n stock watched.</numerusform>
            <numerusform>%n stocks watched.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stock code: six characters, e.g. 005930.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added to the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed from the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist sync started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistSync</name>
    <message numerus="yes">
        <source>Watchlist: %1 added, %2 removed by the conditions (%n stock(s) watched).</source>
        <translation>
            <numerusform>Watchlist: %1 added, %2 removed by the conditions (%n stock watched).</numerusform>
            <numerusform>Watchlist: %1 added, %2 removed by the conditions (%n stocks watched).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
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
    <message>
        <source>Kiwoom Trader - automated trading terminal for Kiwoom Securities.
With no configuration it runs in demo mode against its built-in simulator.

Tools:
  kiwoom-trader indicators --csv IN.csv --out OUT.csv
  kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--json]

  kiwoom-trader credentials set|clear --mode mock|live, kiwoom-trader credentials show

Credentials for mock/live mode come from Settings (the keychain), `kiwoom-trader credentials set`
or the environment variables KIWOOM_APPKEY and KIWOOM_SECRETKEY, never from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start normally, let the data flow for the delay, save the whole main window as a PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshot (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start hidden in the system tray (where the desktop has one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker: demo (built-in simulator), mock, live, or paper (Kiwoom quotes, local orders).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
