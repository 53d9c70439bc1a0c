// SPDX-License-Identifier: GPL-3.0-or-later
// Precompiled header shared by every test executable.
#pragma once

#include <QtTest>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
