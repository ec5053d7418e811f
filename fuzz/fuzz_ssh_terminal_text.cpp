// The SSH shell's terminal text (engine/transport/ssh_terminal_text.*): escape sequences,
// \r and \b replayed, pager prompts, the prompt that ends an answer, and the echoed command
// and prompt stripped from it; driven the way SshTransport::readUntilPrompt reads a shell.
//   byte 0: platform whose prompt pattern is used (index into TranslatorRegistry::platforms(),
//           one past the end: the transport's default pattern)
//   the rest: what the router sends, in reads separated by 0x1e
// Promises checked: cleaned text holds no escape, \r, \b, DEL or other control character but
// \n and \t, no line ends in a blank, and cleaning it again changes nothing.

#include "fuzz/fuzz_support.h"

#include "engine/transport/ssh_terminal_text.h"
#include "engine/transport/ssh_transport.h"
#include "engine/vendors/translator.h"

using namespace rl;

namespace {

void checkClean(const QByteArray &c)
{
    for (qsizetype i = 0; i < c.size(); ++i) {
        const uchar b = uchar(c[i]);
        RL_FUZZ_CHECK(b == '\n' || b == '\t' || (b >= 0x20 && b != 0x7f), QStringLiteral("byte 0x%1 at %2").arg(b, 0, 16).arg(i));
        if (b == '\n' && i > 0)
            RL_FUZZ_CHECK(c[i - 1] != ' ' && c[i - 1] != '\t', QStringLiteral("a line ends in a blank at %1").arg(i));
    }
    RL_FUZZ_CHECK(SshTerminalText::clean(c) == c, QStringLiteral("cleaning twice changes the text"));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList platforms = TranslatorRegistry::platforms();
    static const QList<QRegularExpression> prompts = [] {
        QList<QRegularExpression> out;
        for (const QString &p : platforms) {
            const QString pattern = TranslatorRegistry::find(p)->sessionProfile().promptPattern;
            out.append(SshTerminalText::promptExpression(pattern.isEmpty() ? SshSettings().defaultPromptPattern : pattern));
        }
        out.append(SshTerminalText::promptExpression(SshSettings().defaultPromptPattern));
        return out;
    }();
    fuzz::Input in(data, size);
    const QRegularExpression &prompt = prompts.at(in.byte() % prompts.size());
    const QList<QByteArray> reads = in.rest().split('\x1e');

    // As readUntilPrompt: after each read, the last line decides (pager: dropped, and the
    // next page follows; prompt: the answer is complete). The first prompt names the session.
    QByteArray raw;
    QString sessionPrompt;
    for (const QByteArray &chunk : reads) {
        raw.append(chunk);
        const qsizetype nl = raw.lastIndexOf('\n');
        const QByteArray tail = SshTerminalText::clean(raw.mid(nl + 1));
        checkClean(tail);
        if (SshTerminalText::isPagerPrompt(tail)) {
            raw.truncate(nl + 1);
            continue;
        }
        if (SshTerminalText::isPrompt(prompt, tail, sessionPrompt)) {
            if (sessionPrompt.isEmpty())
                sessionPrompt = QString::fromUtf8(tail).trimmed();
            const QByteArray cleaned = SshTerminalText::clean(raw);
            checkClean(cleaned);
            const QByteArray answer = SshTerminalText::commandAnswer(cleaned, QByteArrayLiteral("show version"));
            RL_FUZZ_CHECK(answer.size() <= cleaned.size(), QStringLiteral("the answer grew"));
            RL_FUZZ_CHECK(answer.isEmpty() || answer.endsWith('\n'), QStringLiteral("the answer keeps part of the prompt line"));
            raw.clear();
        }
    }
    return 0;
}
