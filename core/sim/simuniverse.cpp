// SPDX-License-Identifier: GPL-3.0-or-later
#include "simuniverse.h"

#include "market/krx.h"
#include "simrandom.h"

#include <QDate>
#include <QMutex>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace Sim {

namespace {

struct Row
{
    const char *code;
    const char *name;
    int market;
    qint64 refPrice;
    qint64 listedShares;
    qint64 avgVolume;
    double vol;
    const char *sector;
    const char *regDay;
};

// KOSPI = 0 (거래소), KOSDAQ = 10 (코스닥).
constexpr Row ROWS[] = {
    // ≥ 500,000 (tick 1,000)
    { "207940", "삼성바이오로직스", 0, 812000, 71174000, 90000, 1.6, "의약품", "20161110" },
    { "010130", "고려아연", 0, 648000, 20703283, 70000, 2.2, "철강금속", "19900705" },
    { "003230", "삼양식품", 0, 705000, 7533015, 60000, 2.6, "음식료품", "19750630" },
    { "298040", "효성중공업", 0, 561000, 9324548, 50000, 2.8, "전기전자", "20180713" },
    // 200,000 – 500,000 (tick 500)
    { "373220", "LG에너지솔루션", 0, 378500, 234000000, 300000, 2.0, "전기전자", "20220127" },
    { "000660", "SK하이닉스", 0, 214500, 728002365, 3500000, 2.4, "전기전자", "19961226" },
    { "006400", "삼성SDI", 0, 251000, 68764530, 400000, 2.3, "전기전자", "19790227" },
    { "051910", "LG화학", 0, 282500, 70592343, 300000, 2.3, "화학", "20010425" },
    { "012450", "한화에어로스페이스", 0, 452000, 50630000, 450000, 2.9, "기계", "19880801" },
    { "005490", "POSCO홀딩스", 0, 301500, 84571230, 350000, 2.0, "철강금속", "19880610" },
    { "267260", "HD현대일렉트릭", 0, 383000, 36047135, 250000, 3.0, "전기전자", "20170510" },
    { "196170", "알테오젠", 10, 356000, 53380000, 600000, 3.4, "제약", "20141212" },
    { "357780", "솔브레인", 10, 228500, 7778782, 60000, 2.7, "화학", "20200713" },
    { "145020", "휴젤", 10, 297000, 12000000, 80000, 2.5, "제약", "20151224" },
    // 50,000 – 200,000 (tick 100)
    { "005930", "삼성전자", 0, 70100, 5969782550, 15000000, 1.6, "전기전자", "19750611" },
    { "005380", "현대차", 0, 196300, 209416191, 600000, 1.8, "운수장비", "19740628" },
    { "000270", "기아", 0, 95800, 397672632, 1200000, 1.8, "운수장비", "19730721" },
    { "068270", "셀트리온", 0, 181200, 216960000, 700000, 2.0, "의약품", "20180209" },
    { "035420", "NAVER", 0, 191700, 158437008, 700000, 2.0, "서비스업", "20081128" },
    { "105560", "KB금융", 0, 80400, 393528423, 1300000, 1.7, "금융업", "20081010" },
    { "055550", "신한지주", 0, 50600, 509703137, 1500000, 1.6, "금융업", "20010918" },
    { "066570", "LG전자", 0, 90300, 163647814, 600000, 1.9, "전기전자", "20020422" },
    { "086790", "하나금융지주", 0, 58700, 289855735, 1100000, 1.7, "금융업", "20051212" },
    { "017670", "SK텔레콤", 0, 53800, 214790053, 400000, 1.2, "통신업", "19890927" },
    { "247540", "에코프로비엠", 10, 178400, 97801344, 700000, 3.5, "일반전기전자", "20190305" },
    { "086520", "에코프로", 10, 95100, 133138340, 900000, 3.6, "일반전기전자", "20070726" },
    { "028300", "HLB", 10, 68300, 130840000, 1100000, 3.8, "제약", "19960705" },
    { "058470", "리노공업", 10, 189900, 15242370, 70000, 2.6, "반도체", "20010118" },
    { "039030", "이오테크닉스", 10, 152300, 12238000, 90000, 3.0, "반도체", "20000630" },
    { "035900", "JYP Ent.", 10, 62400, 35501000, 400000, 2.8, "오락·문화", "20011031" },
    { "041510", "에스엠", 10, 80900, 23801000, 250000, 2.7, "오락·문화", "20000427" },
    { "067160", "SOOP", 10, 95600, 11500000, 90000, 2.9, "디지털컨텐츠", "20110517" },
    { "053800", "안랩", 10, 61500, 10011841, 120000, 3.1, "소프트웨어", "20011017" },
    // 20,000 – 50,000 (tick 50)
    { "035720", "카카오", 0, 38250, 443700000, 2500000, 2.2, "서비스업", "20170710" },
    { "030200", "KT", 0, 41350, 257860000, 900000, 1.3, "통신업", "19981223" },
    { "015760", "한국전력", 0, 22350, 641964077, 2500000, 1.9, "전기가스업", "19890825" },
    { "003490", "대한항공", 0, 22750, 368220000, 1700000, 1.7, "운수창고업", "19660315" },
    { "004020", "현대제철", 0, 26150, 133445785, 700000, 2.1, "철강금속", "19780627" },
    { "000720", "현대건설", 0, 32400, 111355765, 800000, 2.2, "건설업", "19840921" },
    { "036460", "한국가스공사", 0, 29850, 92313000, 500000, 2.0, "전기가스업", "19991215" },
    { "263750", "펄어비스", 10, 35300, 64440000, 400000, 3.1, "디지털컨텐츠", "20170914" },
    { "240810", "원익IPS", 10, 28150, 49083901, 400000, 3.0, "반도체", "20160401" },
    { "112040", "위메이드", 10, 30550, 33900000, 500000, 4.0, "디지털컨텐츠", "20091218" },
    { "214150", "클래시스", 10, 48750, 65500000, 350000, 2.8, "의료·정밀기기", "20171221" },
    { "036930", "주성엔지니어링", 10, 29900, 48230000, 500000, 3.3, "반도체", "19991224" },
    // 5,000 – 20,000 (tick 10)
    { "316140", "우리금융지주", 0, 15280, 742591501, 2500000, 1.6, "금융업", "20190213" },
    { "024110", "기업은행", 0, 14570, 797425000, 1800000, 1.4, "금융업", "20031224" },
    { "010140", "삼성중공업", 0, 11090, 880000000, 9000000, 2.6, "운수장비", "19940728" },
    { "032640", "LG유플러스", 0, 10460, 436611361, 1200000, 1.3, "통신업", "20000725" },
    { "293490", "카카오게임즈", 10, 17930, 82500000, 800000, 3.0, "디지털컨텐츠", "20200910" },
    { "025980", "아난티", 10, 5680, 85900000, 900000, 3.2, "오락·문화", "19990113" },
    { "032500", "케이엠더블유", 10, 9820, 39820000, 600000, 3.6, "통신장비", "20000522" },
    { "048410", "현대바이오", 10, 9040, 38640000, 1200000, 4.5, "제약", "20000201" },
    // 2,000 – 5,000 (tick 5)
    { "088350", "한화생명", 0, 2855, 868530000, 3000000, 1.9, "보험", "20100317" },
    { "003530", "한화투자증권", 0, 3940, 215000000, 2500000, 2.6, "증권", "19880512" },
    { "036540", "SFA반도체", 10, 4215, 164000000, 1500000, 3.4, "반도체", "20011217" },
    { "078130", "국일제지", 10, 2390, 117300000, 2000000, 4.2, "종이목재", "19960604" },
    // < 2,000 (tick 1)
    { "001520", "동양", 0, 982, 216000000, 1500000, 2.8, "섬유의복", "19830927" },
    { "008350", "남선알미늄", 0, 1648, 108000000, 3000000, 3.5, "철강금속", "19730629" },
    { "060310", "3S", 10, 1947, 48900000, 2500000, 4.6, "반도체", "20020807" },
    { "038460", "바이오스마트", 10, 1785, 30880000, 900000, 4.0, "금속", "19991214" },
};

// Synthetic names: a house name, a business word that also gives the sector, and beyond the
// first PREFIXES x BUSINESSES names a leading word, so every name is unique.
constexpr const char *PREFIXES[] = { "한빛", "대성", "동방", "세원", "우진", "태광", "삼화", "신영", "금호", "동일",
    "성우", "대원", "한결", "유니", "에이스", "코리아", "제일", "미래", "서울", "아주", "진흥", "영풍", "동원", "한솔",
    "화승", "광명", "성진", "백산", "청호", "새한", "한길", "푸른", "다온", "누리", "가온", "하나로", "세종", "대양",
    "삼원", "경동", "오성", "보령", "일신", "창원", "부국", "신화", "지엔", "케이엠", "에스티", "티에이" };
struct Business
{
    const char *word;
    const char *sector;
};
constexpr Business BUSINESSES[] = { { "전자", "전기전자" }, { "화학", "화학" }, { "제약", "의약품" },
    { "바이오", "제약" }, { "산업", "기계" }, { "테크", "일반전기전자" }, { "정밀", "의료·정밀기기" },
    { "소재", "화학" }, { "에너지", "전기가스업" }, { "건설", "건설업" }, { "물산", "유통업" }, { "식품", "음식료품" },
    { "중공업", "운수장비" }, { "시스템", "소프트웨어" }, { "반도체", "반도체" }, { "통신", "통신장비" },
    { "제지", "종이목재" }, { "철강", "철강금속" }, { "홀딩스", "금융업" }, { "엔지니어링", "건설업" },
    { "디스플레이", "전기전자" }, { "로보틱스", "기계" }, { "파마", "제약" }, { "메디칼", "의료·정밀기기" },
    { "솔루션", "소프트웨어" }, { "모빌리티", "운수장비" }, { "엔터", "오락·문화" }, { "게임즈", "디지털컨텐츠" },
    { "섬유", "섬유의복" }, { "금속", "금속" }, { "해운", "운수창고업" }, { "증권", "증권" }, { "생명과학", "제약" },
    { "케미칼", "화학" }, { "머티리얼즈", "화학" }, { "전선", "전기전자" }, { "인터내셔널", "유통업" },
    { "네트웍스", "통신업" }, { "푸드", "음식료품" }, { "오토", "운수장비" } };
constexpr const char *LEADS[] = { "신", "뉴", "대한", "한국", "글로벌", "케이" };

constexpr int PREFIX_COUNT = int(std::size(PREFIXES));
constexpr int BUSINESS_COUNT = int(std::size(BUSINESSES));
constexpr int NAMES_PER_LEAD = PREFIX_COUNT * BUSINESS_COUNT;
constexpr int CODE_SLOTS = 50'000; // codes 400000 + 10k for k < 50,000
static_assert(Sim::MAX_UNIVERSE_SIZE <= CODE_SLOTS);
static_assert(Sim::MAX_UNIVERSE_SIZE <= NAMES_PER_LEAD * (1 + int(std::size(LEADS))));

SimStockInfo fromRow(const Row &r)
{
    SimStockInfo info;
    info.code = QString::fromLatin1(r.code);
    info.name = QString::fromUtf8(r.name);
    info.market = r.market;
    info.refPrice = r.refPrice;
    info.listedShares = r.listedShares;
    info.avgVolume = r.avgVolume;
    info.dailyVolPercent = r.vol;
    info.sector = QString::fromUtf8(r.sector);
    info.regDay = QString::fromLatin1(r.regDay);
    return info;
}

double logUniform(SimRandom &r, double lo, double hi)
{
    return std::exp(std::log(lo) + (std::log(hi) - std::log(lo)) * r.uniform());
}

// Synthetic stock k (0-based, after the hand-written ones). nameIndex is its name's position in
// the name sequence (callers skip names a hand-written stock already has).
SimStockInfo synthetic(int k, int nameIndex)
{
    SimRandom r(SimRandom::hash({ 0x53594E5448ULL, quint64(k) }));
    SimStockInfo info;
    // 3517 is prime to 50,000: k -> slot is a permutation, so codes are unique and look unordered.
    const int slot = int((qint64(k) * 3517 + 1289) % CODE_SLOTS);
    info.code = QStringLiteral("%1").arg(400000 + slot * 10, 6, 10, QLatin1Char('0'));

    const int lead = nameIndex / NAMES_PER_LEAD;
    const int within = nameIndex % NAMES_PER_LEAD;
    // Walk the prefixes first, so neighbouring stocks have different houses and businesses.
    const int prefix = within % PREFIX_COUNT;
    const int business = (within / PREFIX_COUNT + within) % BUSINESS_COUNT;
    QString name = lead > 0 ? QString::fromUtf8(LEADS[lead - 1]) : QString();
    name += QString::fromUtf8(PREFIXES[prefix]) + QString::fromUtf8(BUSINESSES[business].word);
    info.name = name;
    info.sector = QString::fromUtf8(BUSINESSES[business].sector);

    info.market = r.chance(0.4) ? 0 : 10;
    const bool kosdaq = info.market == 10;
    // A band of the tick ladder, weighted toward the cheaper stocks as on the exchange, then a
    // log-uniform price inside it snapped to the band's tick.
    static constexpr double BAND_LOW[] = { 500, 2000, 5000, 20000, 50000, 200000, 500000 };
    static constexpr double BAND_HIGH[] = { 1999, 4995, 19990, 49950, 199900, 499500, 900000 };
    static constexpr double BAND_WEIGHT[] = { 0.14, 0.20, 0.30, 0.17, 0.12, 0.05, 0.02 };
    double u = r.uniform();
    int band = 0;
    while (band < 6 && u >= BAND_WEIGHT[band]) {
        u -= BAND_WEIGHT[band];
        ++band;
    }
    info.refPrice = std::clamp(Krx::snapNearest(qint64(std::llround(logUniform(r, BAND_LOW[band], BAND_HIGH[band])))),
        qint64(BAND_LOW[band]), qint64(BAND_HIGH[band]));
    // Smaller companies for the cheaper stocks; turnover 0.2%-3% of the listed shares a day.
    const double cap = logUniform(r, 3e10, 3e12) * (band >= 4 ? 3.0 : 1.0);
    info.listedShares = std::max<qint64>(1'000'000, qint64(std::llround(cap / double(info.refPrice))));
    info.avgVolume
        = std::max<qint64>(20'000, qint64(std::llround(double(info.listedShares) * logUniform(r, 0.002, 0.03))));
    info.dailyVolPercent = std::round((kosdaq ? 2.5 + 2.1 * r.uniform() : 1.3 + 2.0 * r.uniform()) * 10.0) / 10.0;
    QDate listed = QDate(1975, 1, 2).addDays(r.between(0, 17'500));
    while (listed.dayOfWeek() > 5)
        listed = listed.addDays(1);
    info.regDay = listed.toString(QStringLiteral("yyyyMMdd"));
    return info;
}

} // namespace

const QList<SimStockInfo> &universe(int size)
{
    size = std::clamp(size, BASE_UNIVERSE_SIZE, MAX_UNIVERSE_SIZE);
    static QMutex mutex;
    // Every size asked for, built once; std::map nodes never move, so the references stay valid.
    static std::map<int, QList<SimStockInfo>> lists;
    static QList<SimStockInfo> all; // the longest built so far; shorter lists are its prefixes
    static int nextName = 0;
    static QSet<QString> handWrittenNames;
    QMutexLocker lock(&mutex);
    if (const auto it = lists.find(size); it != lists.end())
        return it->second;
    if (all.isEmpty()) {
        for (const Row &r : ROWS) {
            all.append(fromRow(r));
            handWrittenNames.insert(all.last().name);
        }
        Q_ASSERT(all.size() == BASE_UNIVERSE_SIZE);
    }
    while (all.size() < size) {
        const int k = int(all.size()) - BASE_UNIVERSE_SIZE;
        SimStockInfo info = synthetic(k, nextName++);
        while (handWrittenNames.contains(info.name))
            info = synthetic(k, nextName++);
        all.append(info);
    }
    return lists.emplace(size, all.mid(0, size)).first->second;
}

} // namespace Sim
