// SPDX-License-Identifier: GPL-3.0-or-later
// Translation unit that anchors a test helper library; it defines nothing.
