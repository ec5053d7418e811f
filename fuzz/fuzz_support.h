#pragma once

// Shared by the fuzz targets (fuzz/README.md). The code under test warns about bad input by
// design; those warnings are dropped so that libFuzzer's own output stays readable. A broken
// promise of the code under test aborts, so that libFuzzer keeps the input as a crash.

#include "engine/api/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace rl::fuzz {

inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
}

[[noreturn]] inline void broken(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz: broken promise: %s %s\n", what, qPrintable(detail));
    std::abort();
}

// Every error a person may see has a stable code and a sentence.
inline void checkError(const Error &e)
{
    if (!e.isError())
        broken("an error result carries no error code");
    if (e.message.trimmed().isEmpty())
        broken("an error has no sentence for people", e.codeName());
}

// Records as their JSON text, for comparing two record sets (NaN cells compare equal as text).
template<typename Records>
QByteArray recordsText(const Records &records)
{
    return QJsonDocument(records.toJson()).toJson(QJsonDocument::Compact);
}

// The input, read from the front: a few selector bytes, then the payload.
class Input
{
public:
    Input(const uint8_t *data, size_t size) : m_data(data), m_size(size) {}
    bool empty() const { return m_pos >= m_size; }
    // The next byte, 0 when none is left.
    uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    // Everything not read yet, as a real QByteArray (own allocation, NUL-terminated as every
    // QByteArray the engine receives).
    QByteArray rest()
    {
        const QByteArray out(reinterpret_cast<const char *>(m_data) + m_pos, qsizetype(m_size - m_pos));
        m_pos = m_size;
        return out;
    }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

} // namespace rl::fuzz

#define RL_FUZZ_CHECK(cond, detail)             \
    do {                                         \
        if (!(cond))                             \
            ::rl::fuzz::broken(#cond, (detail)); \
    } while (0)
