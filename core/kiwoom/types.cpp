// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

namespace Kiwoom {

QString priorityName(RequestPriority priority)
{
    switch (priority) {
    case RequestPriority::Order:
        return QStringLiteral("order");
    case RequestPriority::Account:
        return QStringLiteral("account");
    case RequestPriority::Quote:
        return QStringLiteral("quote");
    case RequestPriority::Chart:
        return QStringLiteral("chart");
    case RequestPriority::List:
        return QStringLiteral("list");
    }
    return {};
}

QString exchangeCode(Exchange exchange)
{
    switch (exchange) {
    case Exchange::Krx:
        return QStringLiteral("KRX");
    case Exchange::Nxt:
        return QStringLiteral("NXT");
    case Exchange::Sor:
        return QStringLiteral("SOR");
    }
    return {};
}

QString tradeTypeCode(TradeType type)
{
    switch (type) {
    case TradeType::Limit:
        return QStringLiteral("0");
    case TradeType::Market:
        return QStringLiteral("3");
    case TradeType::ConditionalLimit:
        return QStringLiteral("5");
    case TradeType::BestLimit:
        return QStringLiteral("6");
    case TradeType::FirstLimit:
        return QStringLiteral("7");
    case TradeType::LimitIoc:
        return QStringLiteral("10");
    case TradeType::MarketIoc:
        return QStringLiteral("13");
    case TradeType::BestIoc:
        return QStringLiteral("16");
    case TradeType::LimitFok:
        return QStringLiteral("20");
    case TradeType::MarketFok:
        return QStringLiteral("23");
    case TradeType::BestFok:
        return QStringLiteral("26");
    case TradeType::StopLimit:
        return QStringLiteral("28");
    case TradeType::MidPrice:
        return QStringLiteral("29");
    case TradeType::MidPriceIoc:
        return QStringLiteral("30");
    case TradeType::MidPriceFok:
        return QStringLiteral("31");
    case TradeType::PreMarketClose:
        return QStringLiteral("61");
    case TradeType::AfterHoursSingle:
        return QStringLiteral("62");
    case TradeType::AfterHoursClose:
        return QStringLiteral("81");
    }
    return {};
}

bool tradeTypeNeedsPrice(TradeType type)
{
    switch (type) {
    case TradeType::Limit:
    case TradeType::ConditionalLimit:
    case TradeType::LimitIoc:
    case TradeType::LimitFok:
    case TradeType::StopLimit:
    case TradeType::AfterHoursSingle:
        return true;
    default:
        return false;
    }
}

bool tradeTypeForbidsPrice(TradeType type)
{
    switch (type) {
    case TradeType::Market:
    case TradeType::MarketIoc:
    case TradeType::MarketFok:
    case TradeType::BestLimit:
    case TradeType::FirstLimit:
    case TradeType::BestIoc:
    case TradeType::BestFok:
        return true;
    default:
        return false;
    }
}

QString marketCode(Market market)
{
    switch (market) {
    case Market::Kospi:
        return QStringLiteral("0");
    case Market::Kosdaq:
        return QStringLiteral("10");
    case Market::Elw:
        return QStringLiteral("3");
    case Market::Etf:
        return QStringLiteral("8");
    case Market::KOtc:
        return QStringLiteral("30");
    case Market::Konex:
        return QStringLiteral("50");
    case Market::Warrant:
        return QStringLiteral("5");
    case Market::MutualFund:
        return QStringLiteral("4");
    case Market::Reits:
        return QStringLiteral("6");
    case Market::HighYield:
        return QStringLiteral("9");
    }
    return {};
}

std::optional<Side> sideFromText(const QString &text)
{
    const bool buy = text.contains(u"매수");
    const bool sell = text.contains(u"매도");
    if (buy == sell)
        return std::nullopt;
    return buy ? Side::Buy : Side::Sell;
}

} // namespace Kiwoom
