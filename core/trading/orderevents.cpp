// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderevents.h"

OrderEvents::OrderEvents(QObject *parent) : QObject(parent) { }
