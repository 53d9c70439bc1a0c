// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include "logging.h"

Credentials Credentials::fromEnvironment()
{
    Credentials c;
    c.appKey = qEnvironmentVariable("KIWOOM_APPKEY").trimmed();
    c.secretKey = qEnvironmentVariable("KIWOOM_SECRETKEY").trimmed();
    return c;
}

void Credentials::registerSecrets() const
{
    if (!appKey.isEmpty())
        Redaction::addSecret(appKey);
    if (!secretKey.isEmpty())
        Redaction::addSecret(secretKey);
}
