#include "engine/vendors/translator.h"

#include "engine/vendors/arista/arista_eos_translator.h"
#include "engine/vendors/bird/bird_translator.h"
#include "engine/vendors/cisco/cisco_ios_translator.h"
#include "engine/vendors/cisco/cisco_iosxr_translator.h"
#include "engine/vendors/cisco/cisco_nxos_translator.h"
#include "engine/vendors/frr/frr_translator.h"
#include "engine/vendors/gobgp/gobgp_translator.h"
#include "engine/vendors/juniper/juniper_junos_translator.h"
#include "engine/vendors/linux/linux_translator.h"
#include "engine/vendors/openconfig/openconfig_translator.h"

#include <map>
#include <memory>

namespace rl {
namespace {

// One line per platform. Keep the list sorted by platform name.
std::map<QString, std::unique_ptr<Translator>> makeTranslators()
{
    std::map<QString, std::unique_ptr<Translator>> all;
    auto add = [&](std::unique_ptr<Translator> t) {
        const QString name = t->platform();
        all.emplace(name, std::move(t));
    };
    add(std::make_unique<AristaEosTranslator>());
    add(std::make_unique<BirdTranslator>());
    add(std::make_unique<CiscoIosTranslator>());
    add(std::make_unique<CiscoIosxrTranslator>());
    add(std::make_unique<CiscoNxosTranslator>());
    add(std::make_unique<FrrTranslator>());
    add(std::make_unique<GobgpTranslator>());
    add(std::make_unique<JuniperJunosTranslator>());
    add(std::make_unique<LinuxTranslator>());
    add(std::make_unique<OpenConfigTranslator>());
    Q_UNUSED(add);
    return all;
}

const std::map<QString, std::unique_ptr<Translator>> &translators()
{
    static const auto all = makeTranslators();
    return all;
}

} // namespace

const Translator *TranslatorRegistry::find(const QString &platform)
{
    const auto &all = translators();
    const auto it = all.find(platform);
    return it == all.end() ? nullptr : it->second.get();
}

QStringList TranslatorRegistry::platforms()
{
    QStringList names;
    for (const auto &[name, t] : translators())
        names.append(name);
    return names;
}

} // namespace rl
