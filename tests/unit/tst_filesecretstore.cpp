// SPDX-License-Identifier: GPL-3.0-or-later
// FileSecretStore and FallbackSecretStore: the owner-only file where no keychain runs.
//  * the file is created 0600 (whatever the umask), survives a reopen, and removing a key keeps
//    the others; a file readable by others is refused (secrets.file_mode), as ssh does;
//  * the fallback chain reads the keychain first and the file when the keychain has nothing or
//    fails; writes go to the file only when the keychain fails; removes reach both;
//  * CredentialsLookup::resolve() finds mock credentials in the file through the chain.
#include "common/filesecretstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

// A keychain that fails every call (no Secret Service on this machine).
class BrokenKeychain final : public SecretStore
{
public:
    int reads = 0;
    int writes = 0;
    void read(const QString &, ReadCallback done) override
    {
        ++reads;
        QTimer::singleShot(0, this, [done] { done(Error { u"secrets.keychain"_s, u"no backend"_s }); });
    }
    void write(const QString &, const QString &, WriteCallback done) override
    {
        ++writes;
        QTimer::singleShot(0, this, [done] { done(Error { u"secrets.keychain"_s, u"no backend"_s }); });
    }
    void remove(const QString &, WriteCallback done) override
    {
        QTimer::singleShot(0, this, [done] { done(Error { u"secrets.keychain"_s, u"no backend"_s }); });
    }
};

void waitFor(const std::function<bool()> &done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

Result<QString> readSync(SecretStore &store, const QString &key)
{
    std::optional<Result<QString>> out;
    store.read(key, [&out](Result<QString> r) { out = std::move(r); });
    waitFor([&out] { return out.has_value(); });
    return out ? *out : Result<QString>(Error { u"test.timeout"_s, u"no answer"_s });
}

Status writeSync(SecretStore &store, const QString &key, const QString &value)
{
    std::optional<Status> out;
    store.write(key, value, [&out](Status s) { out = std::move(s); });
    waitFor([&out] { return out.has_value(); });
    return out ? *out : Status(Error { u"test.timeout"_s, u"no answer"_s });
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

} // namespace

class TestFileSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void fileIsOwnerOnlyAndRefusedWhenNot()
    {
        QTemporaryDir dir;
        const QString path = FileSecretStore::pathIn(dir.path());
        const mode_t old = ::umask(022);
        {
            FileSecretStore store(path);
            QVERIFY(store.writeNow(u"kiwoom/mock/appkey"_s, u"app-123"_s).ok());
            QVERIFY(store.writeNow(u"kiwoom/mock/secretkey"_s, u"secret-456"_s).ok());
        }
        ::umask(old);
        QCOMPARE(modeOf(path), mode_t(0600));
        FileSecretStore again(path);
        QCOMPARE(again.readNow(u"kiwoom/mock/appkey"_s).valueOr(QString()), u"app-123"_s);
        QVERIFY(again.removeNow(u"kiwoom/mock/appkey"_s).ok());
        QCOMPARE(again.readNow(u"kiwoom/mock/appkey"_s).error().code, u"secrets.not_found"_s);
        QCOMPARE(again.readNow(u"kiwoom/mock/secretkey"_s).valueOr(QString()), u"secret-456"_s);
        QCOMPARE(modeOf(path), mode_t(0600));

        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QCOMPARE(again.readNow(u"kiwoom/mock/secretkey"_s).error().code, u"secrets.file_mode"_s);
    }

    void fallbackChain()
    {
        QTemporaryDir dir;
        auto *keychain = new BrokenKeychain;
        auto *file = new FileSecretStore(FileSecretStore::pathIn(dir.path()));
        FallbackSecretStore chain(keychain, file);
        QCOMPARE(readSync(chain, u"kiwoom/mock/appkey"_s).error().code, u"secrets.keychain"_s);
        QVERIFY(writeSync(chain, u"kiwoom/mock/appkey"_s, u"app-789"_s).ok());
        QCOMPARE(keychain->writes, 1);
        QCOMPARE(file->readNow(u"kiwoom/mock/appkey"_s).valueOr(QString()), u"app-789"_s);
        QCOMPARE(readSync(chain, u"kiwoom/mock/appkey"_s).valueOr(QString()), u"app-789"_s);
        QVERIFY(keychain->reads >= 2);

        // A keychain that has the key wins over the file.
        auto *memory = new MemorySecretStore;
        auto *file2 = new FileSecretStore(FileSecretStore::pathIn(dir.path()));
        FallbackSecretStore second(memory, file2);
        QVERIFY(writeSync(*memory, u"kiwoom/mock/appkey"_s, u"from-keychain"_s).ok());
        QCOMPARE(readSync(second, u"kiwoom/mock/appkey"_s).valueOr(QString()), u"from-keychain"_s);
        // Writes do not reach the file while the keychain works.
        QVERIFY(writeSync(second, u"kiwoom/mock/secretkey"_s, u"s-1"_s).ok());
        QCOMPARE(file2->readNow(u"kiwoom/mock/secretkey"_s).error().code, u"secrets.not_found"_s);
    }

    void credentialsLookupReadsTheFile()
    {
        qunsetenv("KIWOOM_APPKEY");
        qunsetenv("KIWOOM_SECRETKEY");
        QTemporaryDir dir;
        auto *file = new FileSecretStore(FileSecretStore::pathIn(dir.path()));
        QVERIFY(file->writeNow(SecretStore::appKeyName(u"mock"_s), u"mock-app"_s).ok());
        QVERIFY(file->writeNow(SecretStore::secretKeyName(u"mock"_s), u"mock-secret"_s).ok());
        FallbackSecretStore chain(new BrokenKeychain, file);
        std::optional<Result<Credentials>> got;
        CredentialsLookup::resolve(&chain, u"mock"_s, [&got](Result<Credentials> r) { got = std::move(r); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->ok());
        QCOMPARE((*got)->appKey, u"mock-app"_s);
        QCOMPARE((*got)->secretKey, u"mock-secret"_s);
        std::optional<Result<Credentials>> live;
        CredentialsLookup::resolve(&chain, u"live"_s, [&live](Result<Credentials> r) { live = std::move(r); });
        QTRY_VERIFY(live.has_value());
        QCOMPARE(live->error().code, u"secrets.missing_credentials"_s);
    }
};

QTEST_GUILESS_MAIN(TestFileSecretStore)
#include "tst_filesecretstore.moc"
