// The German and French translations are compiled into the application (:/i18n) and cover
// the main window, the query bar and the dialogs.
#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embeddedAndTranslated_data();
    void embeddedAndTranslated();
    void pluralsFollowTheCount();
};

void TestTranslations::embeddedAndTranslated_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de menu") << "de" << "rl::MainWindow" << "&File" << "&Datei";
    QTest::newRow("de query bar") << "de" << "rl::QueryBar" << "always ask" << "immer abfragen";
    QTest::newRow("de paste box") << "de" << "rl::PasteBoxDialog" << "pasted" << "eingefügt";
    QTest::newRow("de settings") << "de" << "rl::SettingsDialog" << "Throttling" << "Drosselung";
    QTest::newRow("fr menu") << "fr" << "rl::MainWindow" << "&Tools" << "&Outils";
    QTest::newRow("fr status bar") << "fr" << "rl::MainWindow" << "Check routers on the left, choose a query, press Ctrl+Return."
                                   << "Cochez des routeurs à gauche, choisissez une requête, appuyez sur Ctrl+Entrée.";
    QTest::newRow("fr host key") << "fr" << "rl::KnownHostDialog" << "Do not trust" << "Ne pas faire confiance";
    QTest::newRow("fr source") << "fr" << "rl::RecordTableModel" << "stored" << "enregistré";
    QTest::newRow("de customer") << "de" << "rl::SettingsDialog" << "Customer" << "Kunde";
    QTest::newRow("fr customer") << "fr" << "rl::SettingsDialog" << "Customer" << "Client";
    QTest::newRow("de diagnose") << "de" << "rl::MainWindow" << "&Diagnose connection" << "Verbindung &diagnostizieren";
    QTest::newRow("fr cannot check") << "fr" << "rl::DiagnosisModel" << "CANNOT-CHECK" << "NON VÉRIFIABLE";
    QTest::newRow("de open inventory") << "de" << "rl::MainWindow" << "&Open inventory…" << "Inventar ö&ffnen…";
    QTest::newRow("de edit inventory") << "de" << "rl::MainWindow" << "&Edit inventory…" << "Inventar &bearbeiten…";
    QTest::newRow("fr save as json") << "fr" << "rl::InventoryEditorDialog" << "Save as &JSON…" << "Enregistrer en &JSON…";
    QTest::newRow("de not a port") << "de" << "rl::RouterEditDialog"
                                   << "\"%1\" is not a port number: write a number from 1 to 65535, or leave it empty for "
                                      "the transport's usual port."
                                   << "„%1“ ist keine Portnummer: Geben Sie eine Zahl von 1 bis 65535 ein, oder lassen Sie "
                                      "das Feld leer für den üblichen Port des Transports.";
    QTest::newRow("fr connection field") << "fr" << "rl::ConnectionEditDialog" << "Customer &router:" << "&Routeur client :";
    QTest::newRow("fr not reloaded") << "fr" << "rl::MainWindow" << "⚠ Inventory not reloaded" << "⚠ Inventaire non rechargé";
    QTest::newRow("de ssh settings") << "de" << "rl::InventoryPanel" << "SSH settings of %1…" << "SSH-Einstellungen von %1…";
    QTest::newRow("fr ssh settings") << "fr" << "rl::MainWindow" << "SSH settings of %1" << "Réglages SSH de %1";
    QTest::newRow("de usage") << "de" << "rl::MainWindow" << "&Usage…" << "&Nutzung…";
    QTest::newRow("fr coalesced") << "fr" << "rl::UsageModel" << "Coalesced" << "Regroupées";
    QTest::newRow("de usage line") << "de" << "rl::ActivityPanel" << "This hour: no requests" << "Diese Stunde: keine Anfragen";
}

void TestTranslations::embeddedAndTranslated()
{
    QFETCH(QString, lang);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTranslator t;
    QVERIFY2(t.load(QStringLiteral(":/i18n/routerlens_%1.qm").arg(lang)), qPrintable(lang));
    QCOMPARE(t.translate(context.toUtf8().constData(), source.toUtf8().constData()), expected);
}

void TestTranslations::pluralsFollowTheCount()
{
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/routerlens_fr.qm")));
    QCoreApplication::installTranslator(&t);
    const char *ctx = "rl::MainWindow";
    QCOMPARE(QCoreApplication::translate(ctx, "Asking %n router(s)…", nullptr, 1), QStringLiteral("Interrogation de 1 routeur…"));
    QCOMPARE(QCoreApplication::translate(ctx, "Asking %n router(s)…", nullptr, 12), QStringLiteral("Interrogation de 12 routeurs…"));
    QCoreApplication::removeTranslator(&t);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
