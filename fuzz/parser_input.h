#pragma once

// The input layout of fuzz_parsers, shared with the seed writer (fuzz_seeds.cpp):
//   byte 0   platform: index into TranslatorRegistry::platforms() (modulo their number)
//   byte 1   query kind: index into allQueryKinds() (modulo their number)
//   byte 2   path: even = pasted text, read by the platform's recogniser
//            (OfflineParser::parse, which tells text, JSON and XML apart by the text itself);
//            odd = a live answer: the translator's commands for the parameters below, the
//            outputs after them one per command, then parse() as the scheduler calls it
//   live only: one line of parameters, tab-separated:
//            neighbor \t vrf \t addressFamily \t interface \t destination \n
//            then the outputs, separated by kOutputSeparator (first round, then follow-ups)
//   the rest: the text

#include "engine/api/query_kind.h"
#include "engine/api/request.h"
#include "engine/vendors/translator.h"

#include <QByteArray>
#include <QList>

namespace rl::fuzz {

inline constexpr char kOutputSeparator = '\x1e';

inline QByteArray paramsLine(const QueryParams &p)
{
    return QByteArrayList{p.neighbor.toUtf8(), p.vrf.toUtf8(), p.addressFamily.toUtf8(), p.interfaceName.toUtf8(),
                          p.destination.toUtf8()}
               .join('\t')
        + '\n';
}

inline QueryParams paramsFromLine(const QByteArray &line)
{
    const QList<QByteArray> f = line.split('\t');
    auto at = [&](int i) { return i < f.size() ? QString::fromUtf8(f.at(i)) : QString(); };
    QueryParams p;
    p.neighbor = at(0);
    p.vrf = at(1);
    p.addressFamily = at(2);
    p.interfaceName = at(3);
    p.destination = at(4);
    return p;
}

// The selector byte for index i of n choices: printable, so seed files stay readable.
inline char selector(qsizetype i, qsizetype n)
{
    int b = 'A';
    while (b % n != i)
        ++b;
    return char(b);
}

} // namespace rl::fuzz
