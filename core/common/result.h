// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// Error is what a fallible call reports: a stable machine code ("kiwoom.8005", "storage.corrupt",
// "settings.invalid") and a message a user can read. No exception crosses a signal, slot or the
// event loop in this code base; fallible calls return Result<T> instead (std::expected is C++23).
struct Error
{
    QString code;
    QString message;

    bool operator==(const Error &) const = default;
};

// Result<T, E>: a value or an error. The one result template of the code base: E is the house
// Error unless a layer has a richer error model (the Kiwoom client: Result<T, KiwoomError>, spelled
// KiwoomResult<T>).
template<typename T, typename E = Error> class [[nodiscard]] Result
{
public:
    using ErrorType = E;

    Result(const T &value) : m_data(std::in_place_index<0>, value) { }
    Result(T &&value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(const E &error) : m_data(std::in_place_index<1>, error) { }
    Result(E &&error) : m_data(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// Result<void, E>: success carries nothing.
template<typename E> class [[nodiscard]] Result<void, E>
{
public:
    using ErrorType = E;

    Result() = default;
    Result(const E &error) : m_error(error) { }
    Result(E &&error) : m_error(std::move(error)) { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const E &error() const { return *m_error; }

private:
    std::optional<E> m_error;
};

using Status = Result<void>;
