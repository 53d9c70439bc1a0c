// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

#include <utility>

namespace Storage {

namespace {

template<typename E> struct Name
{
    E value;
    const char *text;
};

// One table per enum: the strings are exactly what the schema's CHECK constraints allow.
constexpr Name<SignalStatus> SIGNAL_STATUS[] = {
    { SignalStatus::Pending, "PENDING" },
    { SignalStatus::Processing, "PROCESSING" },
    { SignalStatus::Ordered, "ORDERED" },
    { SignalStatus::Completed, "COMPLETED" },
    { SignalStatus::Failed, "FAILED" },
    { SignalStatus::Cancelled, "CANCELLED" },
    { SignalStatus::Expired, "EXPIRED" },
    { SignalStatus::Skipped, "SKIPPED" },
};
constexpr Name<PositionStatus> POSITION_STATUS[] = {
    { PositionStatus::Open, "OPEN" },
    { PositionStatus::Selling, "SELLING" },
    { PositionStatus::Closed, "CLOSED" },
};
constexpr Name<SellOrderStatus> SELL_ORDER_STATUS[] = {
    { SellOrderStatus::Pending, "PENDING" },
    { SellOrderStatus::Ordered, "ORDERED" },
    { SellOrderStatus::Completed, "COMPLETED" },
    { SellOrderStatus::Failed, "FAILED" },
    { SellOrderStatus::Cancelled, "CANCELLED" },
};
constexpr Name<SellReason> SELL_REASON[] = {
    { SellReason::StopLoss, "STOP_LOSS" },
    { SellReason::TakeProfit, "TAKE_PROFIT" },
    { SellReason::TrailingStop, "TRAILING_STOP" },
    { SellReason::Strategy, "STRATEGY" },
    { SellReason::Manual, "MANUAL" },
    { SellReason::Risk, "RISK" },
};
constexpr Name<WatchlistSource> WATCHLIST_SOURCE[] = {
    { WatchlistSource::Manual, "MANUAL" },
    { WatchlistSource::Condition, "CONDITION" },
};
constexpr Name<SyncStatus> SYNC_STATUS[] = {
    { SyncStatus::Active, "ACTIVE" },
    { SyncStatus::Removed, "REMOVED" },
    { SyncStatus::Failed, "FAILED" },
};
constexpr Name<Side> ORDER_SIDE[] = {
    { Side::Buy, "BUY" },
    { Side::Sell, "SELL" },
};
constexpr Name<OrderAction> ORDER_ACTION[] = {
    { OrderAction::Place, "PLACE" },
    { OrderAction::Modify, "MODIFY" },
    { OrderAction::Cancel, "CANCEL" },
};
constexpr Name<OrderState> ORDER_STATE[] = {
    { OrderState::New, "NEW" },
    { OrderState::Sent, "SENT" },
    { OrderState::Accepted, "ACCEPTED" },
    { OrderState::Partial, "PARTIAL" },
    { OrderState::Filled, "FILLED" },
    { OrderState::Rejected, "REJECTED" },
    { OrderState::Cancelled, "CANCELLED" },
    { OrderState::Unknown, "UNKNOWN" },
};
constexpr Name<Origin> ORIGIN[] = {
    { Origin::Condition, "condition" },
    { Origin::Strategy, "strategy" },
    { Origin::Scalping, "scalping" },
    { Origin::StopLoss, "stop_loss" },
    { Origin::TakeProfit, "take_profit" },
    { Origin::TrailingStop, "trailing_stop" },
    { Origin::Manual, "manual" },
    { Origin::Api, "api" },
    { Origin::Risk, "risk" },
    { Origin::Reconcile, "reconcile" },
    { Origin::External, "external" },
};
constexpr Name<DecisionKind> DECISION_KIND[] = {
    { DecisionKind::PendingBuy, "PENDING_BUY" },
    { DecisionKind::Strategy, "STRATEGY" },
    { DecisionKind::Exit, "EXIT" },
    { DecisionKind::Manual, "MANUAL" },
};
constexpr Name<Decision> DECISION[] = {
    { Decision::Created, "CREATED" },
    { Decision::Deduped, "DEDUPED" },
    { Decision::Skipped, "SKIPPED" },
    { Decision::Blocked, "BLOCKED" },
    { Decision::NoCash, "NO_CASH" },
    { Decision::ZeroQuantity, "ZERO_QUANTITY" },
    { Decision::Ordered, "ORDERED" },
    { Decision::Rejected, "REJECTED" },
    { Decision::Retry, "RETRY" },
    { Decision::Failed, "FAILED" },
    { Decision::Filled, "FILLED" },
    { Decision::Partial, "PARTIAL" },
    { Decision::Expired, "EXPIRED" },
    { Decision::Cancelled, "CANCELLED" },
    { Decision::Unknown, "UNKNOWN" },
};

template<typename E, std::size_t N> QString nameOf(const Name<E> (&table)[N], E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.text);
    }
    Q_ASSERT_X(false, "Storage::toString", "enum value missing from its name table");
    return {};
}

template<typename E, std::size_t N> std::optional<E> valueOf(const Name<E> (&table)[N], QStringView text)
{
    for (const auto &entry : table) {
        if (text == QLatin1String(entry.text))
            return entry.value;
    }
    return std::nullopt;
}

template<typename E, std::size_t N> QList<E> valuesOf(const Name<E> (&table)[N])
{
    QList<E> values;
    values.reserve(qsizetype(N));
    for (const auto &entry : table)
        values.append(entry.value);
    return values;
}

} // namespace

#define KT_STORAGE_ENUM_NAMES(Enum, table)                                                                             \
    QString enumText(Enum value)                                                                                       \
    {                                                                                                                  \
        return nameOf(table, value);                                                                                   \
    }                                                                                                                  \
    template<> std::optional<Enum> enumFromText<Enum>(QStringView text)                                                \
    {                                                                                                                  \
        return valueOf(table, text);                                                                                   \
    }                                                                                                                  \
    template<> QList<Enum> allValues<Enum>()                                                                           \
    {                                                                                                                  \
        return valuesOf(table);                                                                                        \
    }

KT_STORAGE_ENUM_NAMES(SignalStatus, SIGNAL_STATUS)
KT_STORAGE_ENUM_NAMES(PositionStatus, POSITION_STATUS)
KT_STORAGE_ENUM_NAMES(SellOrderStatus, SELL_ORDER_STATUS)
KT_STORAGE_ENUM_NAMES(SellReason, SELL_REASON)
KT_STORAGE_ENUM_NAMES(WatchlistSource, WATCHLIST_SOURCE)
KT_STORAGE_ENUM_NAMES(SyncStatus, SYNC_STATUS)
KT_STORAGE_ENUM_NAMES(Side, ORDER_SIDE)
KT_STORAGE_ENUM_NAMES(OrderAction, ORDER_ACTION)
KT_STORAGE_ENUM_NAMES(OrderState, ORDER_STATE)
KT_STORAGE_ENUM_NAMES(Origin, ORIGIN)
KT_STORAGE_ENUM_NAMES(DecisionKind, DECISION_KIND)
KT_STORAGE_ENUM_NAMES(Decision, DECISION)

#undef KT_STORAGE_ENUM_NAMES

bool canTransition(OrderState from, OrderState to)
{
    // Keep in sync with the trigger trg_orders_state_transition in migrations.cpp; a test checks
    // every pair against the database.
    using S = OrderState;
    switch (from) {
    case S::New:
        // UNKNOWN: found unsent-or-maybe-sent after a crash; REJECTED/CANCELLED: refused locally.
        return to == S::Sent || to == S::Rejected || to == S::Cancelled || to == S::Unknown;
    case S::Sent:
        // A fill notice may overtake the REST reply, hence PARTIAL/FILLED straight from SENT.
        return to == S::Accepted || to == S::Partial || to == S::Filled || to == S::Rejected || to == S::Unknown;
    case S::Unknown:
        return to == S::Accepted || to == S::Partial || to == S::Filled || to == S::Rejected || to == S::Cancelled;
    case S::Accepted:
        return to == S::Partial || to == S::Filled || to == S::Rejected || to == S::Cancelled;
    case S::Partial:
        return to == S::Filled || to == S::Cancelled;
    case S::Filled:
    case S::Rejected:
    case S::Cancelled:
        return false;
    }
    return false;
}

bool canTransition(SignalStatus from, SignalStatus to)
{
    // Keep in sync with the comment on SignalStatus (records.h). A signal is acted on only after the
    // buy executor claimed it (PENDING → PROCESSING), so two sweeps can never order it twice.
    using S = SignalStatus;
    switch (from) {
    case S::Pending:
        return to == S::Processing || to == S::Cancelled || to == S::Expired || to == S::Skipped;
    case S::Processing:
        return to == S::Ordered || to == S::Pending || to == S::Failed || to == S::Skipped || to == S::Cancelled;
    case S::Ordered:
        return to == S::Completed || to == S::Failed || to == S::Cancelled || to == S::Pending;
    case S::Completed:
    case S::Failed:
    case S::Cancelled:
    case S::Expired:
    case S::Skipped:
        return false;
    }
    return false;
}

bool canTransition(PositionStatus from, PositionStatus to)
{
    using S = PositionStatus;
    switch (from) {
    case S::Open:
        return to == S::Selling || to == S::Closed;
    case S::Selling:
        return to == S::Open || to == S::Closed;
    case S::Closed:
        return false;
    }
    return false;
}

bool canTransition(SellOrderStatus from, SellOrderStatus to)
{
    using S = SellOrderStatus;
    switch (from) {
    case S::Pending:
        return to == S::Ordered || to == S::Failed || to == S::Cancelled;
    case S::Ordered:
        return to == S::Completed || to == S::Failed || to == S::Cancelled;
    case S::Completed:
    case S::Failed:
    case S::Cancelled:
        return false;
    }
    return false;
}

bool isTerminal(OrderState state)
{
    return state == OrderState::Filled || state == OrderState::Rejected || state == OrderState::Cancelled;
}

bool isTerminal(SignalStatus status)
{
    return status != SignalStatus::Pending && status != SignalStatus::Processing && status != SignalStatus::Ordered;
}

bool isOpen(OrderState state)
{
    return !isTerminal(state);
}

} // namespace Storage
