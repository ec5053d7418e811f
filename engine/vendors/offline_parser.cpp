#include "engine/vendors/offline_parser.h"

namespace rl {

Result<PastedParse> OfflineParser::parse(const QString &platform, QueryKind kind, const QByteArray &text)
{
    const Translator *t = TranslatorRegistry::find(platform);
    if (!t) {
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("\"%1\" is not a platform RouterLens knows; use one of: %2.")
                         .arg(platform, TranslatorRegistry::platforms().join(QStringLiteral(", "))));
    }
    if (text.size() > MaxTextBytes) {
        return Error(ErrorCode::OutputTooLarge,
                     QStringLiteral("The text is %1 MiB; RouterLens reads at most %2 MiB at once, as much as it takes "
                                    "from a router for one command. Paste or save the output of one command at a time.")
                         .arg(QString::number(double(text.size()) / (1024 * 1024), 'f', 1))
                         .arg(MaxTextBytes >> 20));
    }
    if (text.trimmed().isEmpty()) {
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("The pasted text is empty; paste the router's output, ideally with the prompt line and command above it."));
    }
    // Terminal logs often carry NULs or stray CRs; routers never print NULs, so drop them. Most
    // text has none: a full table is not copied for nothing.
    if (!text.contains('\0'))
        return t->parsePasted(kind, text);
    QByteArray clean = text;
    clean.replace('\0', QByteArray());
    return t->parsePasted(kind, clean);
}

Result<PastedParse> OfflineParser::parse(const QString &platform, const QString &queryKind, const QByteArray &text)
{
    const auto kind = queryKindFromName(queryKind);
    if (!kind) {
        QStringList names;
        for (QueryKind k : allQueryKinds())
            names << queryKindName(k);
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("\"%1\" is not a query kind; use one of: %2.").arg(queryKind, names.join(QStringLiteral(", "))));
    }
    return parse(platform, *kind, text);
}

} // namespace rl
