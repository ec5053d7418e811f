<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>hold back</source>
        <translation>zurückhalten</translation>
    </message>
    <message>
        <source>suspend client</source>
        <translation>Client sperren</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>host key or certificate problem</source>
        <translation>Problem mit Host-Schlüssel oder Zertifikat</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>QueryKind</name>
    <message>
        <source>Facts</source>
        <translation>Gerätedaten</translation>
    </message>
    <message>
        <source>Link status</source>
        <translation>Link-Status</translation>
    </message>
    <message>
        <source>BGP status</source>
        <translation>BGP-Status</translation>
    </message>
    <message>
        <source>ARP / neighbor table</source>
        <translation>ARP-/Nachbartabelle</translation>
    </message>
    <message>
        <source>VLAN tagging errors</source>
        <translation>VLAN-Tagging-Fehler</translation>
    </message>
    <message>
        <source>Received routes</source>
        <translation>Empfangene Routen</translation>
    </message>
    <message>
        <source>Advertised routes</source>
        <translation>Annoncierte Routen</translation>
    </message>
    <message>
        <source>Route lookup</source>
        <translation>Routensuche</translation>
    </message>
    <message>
        <source>LLDP neighbors</source>
        <translation>LLDP-Nachbarn</translation>
    </message>
    <message>
        <source>Optics levels</source>
        <translation>Optische Pegel</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read-only multi-vendor router troubleshooting</source>
        <translation>Fehlersuche an Routern verschiedener Hersteller, nur lesend</translation>
    </message>
    <message>
        <source>Start on the built-in demo lab.</source>
        <translation>Mit dem eingebauten Demo-Labor starten.</translation>
    </message>
    <message>
        <source>Run the screenshot tour into DIR, then exit.</source>
        <translation>Bildschirmfoto-Rundgang nach DIR speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Language of the interface (de, fr, en); default: the system&apos;s.</source>
        <translation>Sprache der Oberfläche (de, fr, en); Standard: die des Systems.</translation>
    </message>
    <message>
        <source>Inventory file (RouterLens JSON, Nornir or Ansible YAML, Ansible INI, CSV).</source>
        <translation>Inventardatei (RouterLens-JSON, Nornir- oder Ansible-YAML, Ansible-INI, CSV).</translation>
    </message>
    <message>
        <source>Inventory file to open, as --inventory.</source>
        <translation>Zu öffnende Inventardatei, wie --inventory.</translation>
    </message>
    <message>
        <source>Give one inventory file.</source>
        <translation>Geben Sie eine einzige Inventardatei an.</translation>
    </message>
    <message>
        <source>Give --demo or an inventory file, not both.</source>
        <translation>Geben Sie --demo oder eine Inventardatei an, nicht beides.</translation>
    </message>
    <message>
        <source>Use the RouterLens service at URL (routerlens-serve) instead of this computer&apos;s engine.</source>
        <translation>Den RouterLens-Dienst unter URL (routerlens-serve) statt der Engine dieses Computers verwenden.</translation>
    </message>
    <message>
        <source>With --server: the file holding your API token (chmod 600).</source>
        <translation>Mit --server: die Datei mit Ihrem API-Token (chmod 600).</translation>
    </message>
    <message>
        <source>With --server: the CA certificate (PEM) of an https service.</source>
        <translation>Mit --server: das CA-Zertifikat (PEM) eines https-Dienstes.</translation>
    </message>
    <message>
        <source>Give --server URL and --token-file FILE together.</source>
        <translation>Geben Sie --server URL und --token-file DATEI zusammen an.</translation>
    </message>
    <message>
        <source>--server does not go with --demo or an inventory file: the service&apos;s routers are the ones shown.</source>
        <translation>--server passt nicht zu --demo oder einer Inventardatei: angezeigt werden die Router des Dienstes.</translation>
    </message>
</context>
<context>
    <name>rl::ActivityModel</name>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>held back (throttled)</source>
        <translation>zurückgehalten (gedrosselt)</translation>
    </message>
    <message>
        <source>suspended (throttled)</source>
        <translation>gesperrt (gedrosselt)</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rejected (throttled)</source>
        <translation>abgelehnt (gedrosselt)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>%n other request(s) share this router command</source>
        <translation>
            <numerusform>%n weitere Anfrage nutzt diesen Router-Befehl</numerusform>
            <numerusform>%n weitere Anfragen nutzen diesen Router-Befehl</numerusform>
        </translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
</context>
<context>
    <name>rl::ActivityPanel</name>
    <message>
        <source>Cancel request</source>
        <translation>Anfrage abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected request (Del)</source>
        <translation>Ausgewählte Anfrage abbrechen (Entf)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Router queues</source>
        <translation>Router-Warteschlangen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Router commands per second against the network-wide limit; deepest router queue</source>
        <translation>Router-Befehle pro Sekunde gegen das netzweite Limit; längste Router-Warteschlange</translation>
    </message>
    <message>
        <source>request rate (/s)</source>
        <translation>Anfragerate (/s)</translation>
    </message>
    <message>
        <source>network limit (/s)</source>
        <translation>Netzlimit (/s)</translation>
    </message>
    <message>
        <source>deepest router queue</source>
        <translation>längste Router-Warteschlange</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Nothing running.</source>
        <translation>Nichts in Arbeit.</translation>
    </message>
    <message>
        <source>%1 queued · %2 in flight · %3 held back by a throttle · %4 rejected</source>
        <translation>%1 wartend · %2 in Arbeit · %3 von einer Drossel zurückgehalten · %4 abgelehnt</translation>
    </message>
    <message>
        <source>This hour so far, every client and router (Tools &gt; Usage… for the detail)</source>
        <translation>Diese Stunde bisher, alle Clients und Router (Einzelheiten unter Werkzeuge &gt; Nutzung…)</translation>
    </message>
    <message>
        <source>This hour: no requests</source>
        <translation>Diese Stunde: keine Anfragen</translation>
    </message>
    <message>
        <source>This hour: %1 requests · %2% from store · %3 coalesced · %4 throttled · p95 %5</source>
        <translation>Diese Stunde: %1 Anfragen · %2 % aus dem Speicher · %3 zusammengelegt · %4 gedrosselt · p95 %5</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>rl::ComparisonModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>%1 has no such row</source>
        <translation>%1 hat diese Zeile nicht</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>rl::ConnectServiceDialog</name>
    <message>
        <source>Connect to a RouterLens service</source>
        <translation>Mit einem RouterLens-Dienst verbinden</translation>
    </message>
    <message>
        <source>Use a routerlens-serve instead of this computer&apos;s engine: queries and diagnoses run there, as the client your API token stands for, and you see the routers and connections that client may see. The token stays in its file; only the file&apos;s name is remembered.</source>
        <translation>Einen routerlens-serve statt der Engine dieses Computers verwenden: Abfragen und Diagnosen laufen dort, als der Client, für den Ihr API-Token steht, und Sie sehen die Router und Verbindungen, die dieser Client sehen darf. Das Token bleibt in seiner Datei; gemerkt wird nur der Dateiname.</translation>
    </message>
    <message>
        <source>a file holding the token, readable by you only (chmod 600)</source>
        <translation>eine Datei mit dem Token, nur für Sie lesbar (chmod 600)</translation>
    </message>
    <message>
        <source>optional: the CA certificate (PEM) of an https service</source>
        <translation>optional: das CA-Zertifikat (PEM) eines https-Dienstes</translation>
    </message>
    <message>
        <source>Service address:</source>
        <translation>Adresse des Dienstes:</translation>
    </message>
    <message>
        <source>Token file:</source>
        <translation>Token-Datei:</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>The service address must look like https://routerlens.example.net:8750.</source>
        <translation>Die Adresse des Dienstes muss wie https://routerlens.example.net:8750 aussehen.</translation>
    </message>
    <message>
        <source>Name the file that holds your API token (an administrator makes one with &apos;routerlens-serve token create&apos;).</source>
        <translation>Nennen Sie die Datei mit Ihrem API-Token (ein Administrator erstellt eines mit „routerlens-serve token create“).</translation>
    </message>
    <message>
        <source>The CA certificate %1 cannot be read.</source>
        <translation>Das CA-Zertifikat %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>rl::ConnectionEditDialog</name>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation>Verbindung %1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>K&amp;unde:</translation>
    </message>
    <message>
        <source>&amp;Provider router:</source>
        <translation>&amp;Providerrouter:</translation>
    </message>
    <message>
        <source>&amp;VLAN:</source>
        <translation>&amp;VLAN:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Provider IPv&amp;4 address:</source>
        <translation>IPv&amp;4-Adresse Provider:</translation>
    </message>
    <message>
        <source>Provider IPv&amp;6 address:</source>
        <translation>IPv&amp;6-Adresse Provider:</translation>
    </message>
    <message>
        <source>Provider V&amp;RF:</source>
        <translation>V&amp;RF Provider:</translation>
    </message>
    <message>
        <source>global table</source>
        <translation>globale Tabelle</translation>
    </message>
    <message>
        <source>Customer &amp;router:</source>
        <translation>Kunden&amp;router:</translation>
    </message>
    <message>
        <source>Customer IPv4 a&amp;ddress:</source>
        <translation>IPv4-A&amp;dresse Kunde:</translation>
    </message>
    <message>
        <source>&amp;MTU both ends use:</source>
        <translation>&amp;MTU beider Enden:</translation>
    </message>
    <message>
        <source>not agreed</source>
        <translation>nicht vereinbart</translation>
    </message>
    <message>
        <source>Prefix &amp;limit:</source>
        <translation>Präfix&amp;limit:</translation>
    </message>
    <message>
        <source>E&amp;xpected prefixes:</source>
        <translation>Erwartete Präfi&amp;xe:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>not in the inventory</source>
        <translation>nicht im Inventar</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number: write digits only, or leave the field empty for none.</source>
        <translation>„%1“ ist keine ganze Zahl: nur Ziffern eingeben, oder das Feld für „keine“ leer lassen.</translation>
    </message>
    <message>
        <source>Provider i&amp;nterface:</source>
        <translation>Provider-Sch&amp;nittstelle:</translation>
    </message>
    <message>
        <source>Inn&amp;er VLAN:</source>
        <translation>Inn&amp;eres VLAN:</translation>
    </message>
    <message>
        <source>Provider A&amp;S:</source>
        <translation>A&amp;S Provider:</translation>
    </message>
    <message>
        <source>Customer in&amp;terface:</source>
        <translation>Kunden-Schni&amp;ttstelle:</translation>
    </message>
    <message>
        <source>Cust&amp;omer IPv6 address:</source>
        <translation>IPv6-Adresse Kunde:</translation>
    </message>
    <message>
        <source>Customer AS:</source>
        <translation>AS Kunde:</translation>
    </message>
    <message>
        <source>Customer VRF:</source>
        <translation>VRF Kunde:</translation>
    </message>
    <message>
        <source>Provider end</source>
        <translation>Provider-Ende</translation>
    </message>
    <message>
        <source>Customer end</source>
        <translation>Kunden-Ende</translation>
    </message>
    <message>
        <source>What to expect</source>
        <translation>Was zu erwarten ist</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosisMapView</name>
    <message>
        <source>Diagnosis map</source>
        <translation>Diagnosekarte</translation>
    </message>
    <message>
        <source>The layers appear here when the diagnosis has run.</source>
        <translation>Die Schichten erscheinen hier, sobald die Diagnose gelaufen ist.</translation>
    </message>
    <message>
        <source>AS not set</source>
        <translation>AS nicht angegeben</translation>
    </message>
    <message>
        <source>customer · %1</source>
        <translation>Kunde · %1</translation>
    </message>
    <message>
        <source>Customer router</source>
        <translation>Kundenrouter</translation>
    </message>
    <message>
        <source>not in the inventory</source>
        <translation>nicht im Inventar</translation>
    </message>
    <message>
        <source>checked from the provider end only</source>
        <translation>nur von der Providerseite geprüft</translation>
    </message>
    <message>
        <source>provider · %1</source>
        <translation>Provider · %1</translation>
    </message>
    <message>
        <source>VLAN %1.%2</source>
        <translation>VLAN %1.%2</translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation>VLAN %1</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>ungetaggt</translation>
    </message>
    <message>
        <source>MTU %1</source>
        <translation>MTU %1</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>%1 · likely cause</source>
        <translation>%1 · wahrscheinliche Ursache</translation>
    </message>
    <message>
        <source>%1 · cause</source>
        <translation>%1 · Ursache</translation>
    </message>
    <message>
        <source>prefix limit %1</source>
        <translation>Präfixlimit %1</translation>
    </message>
    <message>
        <source>not on this end</source>
        <translation>nicht auf dieser Seite</translation>
    </message>
    <message>
        <source>MTU: ends compared</source>
        <translation>MTU: Seitenabgleich</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosisModel</name>
    <message>
        <source>Management</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>Optics</source>
        <translation>Optik</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>ARP</source>
        <translation>ARP</translation>
    </message>
    <message>
        <source>IPv6 ND</source>
        <translation>IPv6 ND</translation>
    </message>
    <message>
        <source>BGP IPv4</source>
        <translation>BGP IPv4</translation>
    </message>
    <message>
        <source>BGP IPv6</source>
        <translation>BGP IPv6</translation>
    </message>
    <message>
        <source>Routes IPv4</source>
        <translation>Routen IPv4</translation>
    </message>
    <message>
        <source>Routes IPv6</source>
        <translation>Routen IPv6</translation>
    </message>
    <message>
        <source>Route lookup</source>
        <translation>Routensuche</translation>
    </message>
    <message>
        <source>Lookup IPv4</source>
        <translation>Suche IPv4</translation>
    </message>
    <message>
        <source>Lookup IPv6</source>
        <translation>Suche IPv6</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>CANNOT-CHECK</source>
        <translation>NICHT PRÜFBAR</translation>
    </message>
    <message>
        <source>customer end</source>
        <translation>Kundenseite</translation>
    </message>
    <message>
        <source>provider end</source>
        <translation>Providerseite</translation>
    </message>
    <message>
        <source>both ends</source>
        <translation>beide Seiten</translation>
    </message>
    <message>
        <source>Advice: %1</source>
        <translation>Rat: %1</translation>
    </message>
    <message>
        <source>Changed in the last run.</source>
        <translation>Im letzten Lauf geändert.</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Customer router</source>
        <translation>Kundenrouter</translation>
    </message>
    <message>
        <source>Provider router</source>
        <translation>Providerrouter</translation>
    </message>
    <message>
        <source>This check is not made on this end.</source>
        <translation>Diese Prüfung findet auf dieser Seite nicht statt.</translation>
    </message>
    <message>
        <source>Not checked on this end: its router is not in the inventory, not visible to you, or was not asked.</source>
        <translation>Auf dieser Seite nicht geprüft: Ihr Router ist nicht im Inventar, für Sie nicht sichtbar oder wurde nicht gefragt.</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosisTab</name>
    <message>
        <source>Run &amp;again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>Ü&amp;berwachen</translation>
    </message>
    <message>
        <source>Run the diagnosis again at this interval with live answers, and list what changed</source>
        <translation>Die Diagnose in diesem Abstand mit frischen Antworten wiederholen und Änderungen auflisten</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Watch interval in seconds</source>
        <translation>Überwachungsintervall in Sekunden</translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation>&amp;HTML exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>&amp;Of:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Open in a result tab</source>
        <translation>In Ergebnis-Tab ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show these records as a normal result table: filter, compare, export</source>
        <translation>Diese Datensätze als normale Ergebnistabelle zeigen: filtern, vergleichen, exportieren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Records read</source>
        <translation>Gelesene Datensätze</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Asking both ends…</source>
        <translation>Frage beide Seiten ab…</translation>
    </message>
    <message>
        <source>%1 of %2 answers…</source>
        <translation>%1 von %2 Antworten…</translation>
    </message>
    <message>
        <source>Click a layer on the map to see its finding, advice and the records it read.</source>
        <translation>Eine Schicht auf der Karte anklicken, um Befund, Rat und gelesene Datensätze zu sehen.</translation>
    </message>
    <message>
        <source>The diagnosis asks both routers for every layer; the result appears here.</source>
        <translation>Die Diagnose fragt beide Router zu jeder Schicht; das Ergebnis erscheint hier.</translation>
    </message>
    <message>
        <source> · the likely cause</source>
        <translation> · die wahrscheinliche Ursache</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Befund:</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>Rat:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Belege:</translation>
    </message>
    <message>
        <source>This check read no records of its own; it rests on the values above.</source>
        <translation>Diese Prüfung hat keine eigenen Datensätze gelesen; sie beruht auf den Werten oben.</translation>
    </message>
    <message>
        <source>Diagnosing %1 from both ends, layer by layer…</source>
        <translation>Diagnose von %1 von beiden Seiten, Schicht für Schicht…</translation>
    </message>
    <message>
        <source>No diagnosis yet for %1.</source>
        <translation>Noch keine Diagnose für %1.</translation>
    </message>
    <message>
        <source>Likely cause: %1, %2 (%3): %4</source>
        <translation>Wahrscheinliche Ursache: %1, %2 (%3): %4</translation>
    </message>
    <message>
        <source>No fault found, but some layers could not be checked: they are unknown, not fine.</source>
        <translation>Kein Fehler gefunden, aber einige Schichten waren nicht prüfbar: Sie sind unbekannt, nicht in Ordnung.</translation>
    </message>
    <message>
        <source>Every check passed on both ends of %1.</source>
        <translation>Alle Prüfungen auf beiden Seiten von %1 bestanden.</translation>
    </message>
    <message>
        <source>Running… %1</source>
        <translation>Läuft… %1</translation>
    </message>
    <message>
        <source>Last run %1, took %2 s</source>
        <translation>Letzter Lauf %1, Dauer %2 s</translation>
    </message>
    <message>
        <source>Shown %1</source>
        <translation>Angezeigt %1</translation>
    </message>
    <message numerus="yes">
        <source>%n watch tick(s) skipped while a run was still going</source>
        <translation>
            <numerusform>%n Überwachungstakt übersprungen, weil noch ein Lauf lief</numerusform>
            <numerusform>%n Überwachungstakte übersprungen, weil noch ein Lauf lief</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>finding changed: %1</source>
        <translation>Befund geändert: %1</translation>
    </message>
    <message>
        <source>%1 on %2 rose: %3 → %4</source>
        <translation>%1 an %2 gestiegen: %3 → %4</translation>
    </message>
    <message>
        <source>session %1 went down and came back (up %2 s, was up %3 s)</source>
        <translation>Session %1 war unterbrochen und ist wieder da (seit %2 s, vorher %3 s)</translation>
    </message>
    <message>
        <source>now checked: %1</source>
        <translation>jetzt geprüft: %1</translation>
    </message>
    <message>
        <source>no longer checked (was %1)</source>
        <translation>nicht mehr geprüft (war %1)</translation>
    </message>
    <message>
        <source>likely cause: %1 → %2</source>
        <translation>wahrscheinliche Ursache: %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Before: %1
Now: %2</source>
        <translation>Vorher: %1
Jetzt: %2</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Änderungen (%1)</translation>
    </message>
    <message>
        <source>Nothing to export yet: the diagnosis has not finished.</source>
        <translation>Noch nichts zu exportieren: Die Diagnose ist nicht fertig.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Diagnosis of %1</source>
        <translation>Diagnose von %1</translation>
    </message>
    <message>
        <source>Export diagnosis as HTML</source>
        <translation>Diagnose als HTML exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export diagnosis as CSV</source>
        <translation>Diagnose als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>rl::HistoryChartWidget</name>
    <message>
        <source>%1: prefixes received and sent per BGP neighbor</source>
        <translation>%1: empfangene und gesendete Präfixe je BGP-Nachbar</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>%1: error counters over time</source>
        <translation>%1: Fehlerzähler im Zeitverlauf</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>%1 tag drops</source>
        <translation>%1 Tag-Verwürfe</translation>
    </message>
    <message>
        <source>%1: optical receive power against thresholds (dBm)</source>
        <translation>%1: optische Empfangsleistung gegen Schwellwerte (dBm)</translation>
    </message>
    <message>
        <source>Rx power</source>
        <translation>Rx-Leistung</translation>
    </message>
    <message>
        <source>low warning</source>
        <translation>untere Warnschwelle</translation>
    </message>
    <message>
        <source>high warning</source>
        <translation>obere Warnschwelle</translation>
    </message>
    <message>
        <source>dBm</source>
        <translation>dBm</translation>
    </message>
    <message>
        <source>No chart for this query; charts cover BGP status, link status, VLAN errors and optics.</source>
        <translation>Für diese Abfrage gibt es kein Diagramm; Diagramme gibt es für BGP-Status, Link-Status, VLAN-Fehler und Optik.</translation>
    </message>
    <message>
        <source>fetched at</source>
        <translation>abgerufen um</translation>
    </message>
</context>
<context>
    <name>rl::InventoryEditorDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Provider router</source>
        <translation>Providerrouter</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Customer router</source>
        <translation>Kundenrouter</translation>
    </message>
    <message>
        <source>Provider AS</source>
        <translation>AS Provider</translation>
    </message>
    <message>
        <source>Customer AS</source>
        <translation>AS Kunde</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Edit inventory · %1</source>
        <translation>Inventar bearbeiten · %1</translation>
    </message>
    <message>
        <source>Changes are checked as RouterLens reads the file, and written to %1 when you save. What this editor does not show (comments, credentials, TLS settings, other tags) is kept as it is.</source>
        <translation>Änderungen werden so geprüft, wie RouterLens die Datei liest, und beim Speichern nach %1 geschrieben. Was dieser Editor nicht zeigt (Kommentare, Zugangsdaten, TLS-Einstellungen, weitere Tags), bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>%1 is not a RouterLens JSON file, so it is not overwritten: save your changes as a new JSON file, which the window then opens.</source>
        <translation>%1 ist keine RouterLens-JSON-Datei und wird daher nicht überschrieben: Speichern Sie Ihre Änderungen als neue JSON-Datei, die das Fenster dann öffnet.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Ro&amp;uters</source>
        <translation>Ro&amp;uter</translation>
    </message>
    <message>
        <source>Co&amp;nnections</source>
        <translation>Verbi&amp;ndungen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save as &amp;JSON…</source>
        <translation>Als &amp;JSON speichern…</translation>
    </message>
    <message>
        <source>Save inventory as JSON</source>
        <translation>Inventar als JSON speichern</translation>
    </message>
    <message>
        <source>RouterLens JSON (*.json)</source>
        <translation>RouterLens-JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 is the file the inventory was read from, in another form; choose a new file name ending in .json.</source>
        <translation>%1 ist die Datei, aus der das Inventar in einem anderen Format gelesen wurde; wählen Sie einen neuen Dateinamen mit der Endung .json.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 changed on disk since the editor opened it. Cancel, and open the editor again to edit the file as it is now.</source>
        <translation>Nicht gespeichert: %1 wurde auf der Festplatte geändert, seit der Editor sie geöffnet hat. Brechen Sie ab und öffnen Sie den Editor erneut, um die Datei in ihrem jetzigen Stand zu bearbeiten.</translation>
    </message>
    <message>
        <source>Not saved: cannot write %1 (%2).</source>
        <translation>Nicht gespeichert: %1 kann nicht geschrieben werden (%2).</translation>
    </message>
</context>
<context>
    <name>rl::InventoryPanel</name>
    <message>
        <source>&amp;Group by</source>
        <translation>&amp;Gruppieren nach</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Search routers (Ctrl+F)</source>
        <translation>Router suchen (Strg+F)</translation>
    </message>
    <message>
        <source>(no site)</source>
        <translation>(kein Standort)</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>(kein Kunde)</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(no connection)</source>
        <translation>(keine Verbindung)</translation>
    </message>
    <message>
        <source>Customer › connection</source>
        <translation>Kunde › Verbindung</translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation>VLAN %1</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>ungetaggt</translation>
    </message>
    <message>
        <source>AS%1 · %2</source>
        <translation>AS%1 · %2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Connection %1 of %2</source>
        <translation>Verbindung %1 von %2</translation>
    </message>
    <message>
        <source>Provider end: %1 %2</source>
        <translation>Providerseite: %1 %2</translation>
    </message>
    <message>
        <source>Customer end: %1</source>
        <translation>Kundenseite: %1</translation>
    </message>
    <message>
        <source>router not in the inventory</source>
        <translation>Router nicht im Inventar</translation>
    </message>
    <message>
        <source>%1 (not visible to you)</source>
        <translation>%1 (für Sie nicht sichtbar)</translation>
    </message>
    <message>
        <source>VLAN: %1</source>
        <translation>VLAN: %1</translation>
    </message>
    <message>
        <source>Provider addresses: %1</source>
        <translation>Provideradressen: %1</translation>
    </message>
    <message>
        <source>Customer addresses: %1</source>
        <translation>Kundenadressen: %1</translation>
    </message>
    <message>
        <source>ASNs: provider %1, customer %2</source>
        <translation>AS-Nummern: Provider %1, Kunde %2</translation>
    </message>
    <message>
        <source>MTU: %1</source>
        <translation>MTU: %1</translation>
    </message>
    <message>
        <source>Prefix limit: %1</source>
        <translation>Präfixlimit: %1</translation>
    </message>
    <message>
        <source>Expected prefixes: %1</source>
        <translation>Erwartete Präfixe: %1</translation>
    </message>
    <message>
        <source>Right-click to diagnose it (Ctrl+Shift+D).</source>
        <translation>Rechtsklick zum Diagnostizieren (Strg+Umschalt+D).</translation>
    </message>
    <message>
        <source>Diagnose connection</source>
        <translation>Verbindung diagnostizieren</translation>
    </message>
    <message>
        <source>Diagnose %1</source>
        <translation>%1 diagnostizieren</translation>
    </message>
    <message>
        <source>Choose a connection&apos;s row (group by connection) or one of its routers</source>
        <translation>Eine Verbindungszeile (nach Verbindung gruppiert) oder einen ihrer Router wählen</translation>
    </message>
    <message>
        <source>none agreed (the two ends are compared)</source>
        <translation>keine vereinbart (beide Seiten werden verglichen)</translation>
    </message>
    <message>
        <source>SSH settings of %1…</source>
        <translation>SSH-Einstellungen von %1…</translation>
    </message>
</context>
<context>
    <name>rl::KnownHostDialog</name>
    <message>
        <source>Unknown host key — %1</source>
        <translation>Unbekannter Host-Schlüssel — %1</translation>
    </message>
    <message>
        <source>RouterLens has not seen &lt;b&gt;%1&lt;/b&gt;&apos;s SSH host key before. Compare the fingerprint below with the one its owner published. Trust it only if they match: a different key can mean someone is in between.</source>
        <translation>RouterLens kennt den SSH-Host-Schlüssel von &lt;b&gt;%1&lt;/b&gt; noch nicht. Vergleichen Sie den Fingerabdruck unten mit dem, den der Betreiber veröffentlicht hat. Vertrauen Sie ihm nur, wenn beide übereinstimmen: Ein anderer Schlüssel kann bedeuten, dass jemand dazwischen sitzt.</translation>
    </message>
    <message>
        <source>Key type: %1</source>
        <translation>Schlüsseltyp: %1</translation>
    </message>
    <message>
        <source>Trust and remember</source>
        <translation>Vertrauen und merken</translation>
    </message>
    <message>
        <source>Do not trust</source>
        <translation>Nicht vertrauen</translation>
    </message>
</context>
<context>
    <name>rl::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>rl::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>RouterLens</source>
        <translation>RouterLens</translation>
    </message>
    <message>
        <source>Cancel the running query (Esc)</source>
        <translation>Laufende Abfrage abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Check routers on the left, choose a query, press Ctrl+Return.</source>
        <translation>Router links anhaken, Abfrage wählen, Strg+Eingabe drücken.</translation>
    </message>
    <message>
        <source>Result store: %1</source>
        <translation>Ergebnisspeicher: %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Store: %n warning(s)</source>
        <translation>
            <numerusform>⚠ Speicher: %n Warnung</numerusform>
            <numerusform>⚠ Speicher: %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>Tabelle als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export table as &amp;JSON…</source>
        <translation>Tabelle als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export &amp;session report…</source>
        <translation>&amp;Sitzungsbericht exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Abfrage</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Find router</source>
        <translation>Router suchen</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Paste box…</source>
        <translation>&amp;Einfügefeld…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n routers</source>
        <translation>
            <numerusform>%1 · %n Router</numerusform>
            <numerusform>%1 · %n Router</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n router(s)…</source>
        <translation>
            <numerusform>Frage %n Router ab…</numerusform>
            <numerusform>Frage %n Router ab…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 routers answered…</source>
        <translation>%1 von %2 Routern haben geantwortet…</translation>
    </message>
    <message>
        <source>Done: %1 of %2 routers failed; their errors are in the table.</source>
        <translation>Fertig: %1 von %2 Routern sind fehlgeschlagen; ihre Fehler stehen in der Tabelle.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n router(s) answered.</source>
        <translation>
            <numerusform>Fertig: %n Router hat geantwortet.</numerusform>
            <numerusform>Fertig: %n Router haben geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings not applied</source>
        <translation>Einstellungen nicht übernommen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Session report</source>
        <translation>Sitzungsbericht</translation>
    </message>
    <message>
        <source>HTML (*.html);;CSV (*.csv)</source>
        <translation>HTML (*.html);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>RouterLens session report</source>
        <translation>RouterLens-Sitzungsbericht</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Diagnose connection</source>
        <translation>Verbindung &amp;diagnostizieren</translation>
    </message>
    <message>
        <source>Diagnose the chosen connection from both ends, layer by layer (Ctrl+Shift+D)</source>
        <translation>Die gewählte Verbindung von beiden Seiten, Schicht für Schicht diagnostizieren (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>No connection &quot;%1&quot; in the inventory you can see.</source>
        <translation>Keine Verbindung „%1“ in dem für Sie sichtbaren Inventar.</translation>
    </message>
    <message>
        <source>Diagnosis of %1 done.</source>
        <translation>Diagnose von %1 fertig.</translation>
    </message>
    <message>
        <source>Diagnosis · %1</source>
        <translation>Diagnose · %1</translation>
    </message>
    <message>
        <source>Diagnosing %1 from both ends…</source>
        <translation>Diagnose von %1 von beiden Seiten…</translation>
    </message>
    <message>
        <source>The inventory has no connection you can diagnose.</source>
        <translation>Das Inventar enthält keine Verbindung, die Sie diagnostizieren können.</translation>
    </message>
    <message>
        <source>Diagnose connection</source>
        <translation>Verbindung diagnostizieren</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>%1 · evidence</source>
        <translation>%1 · Belege</translation>
    </message>
    <message>
        <source>Topology &amp;map</source>
        <translation>&amp;Topologiekarte</translation>
    </message>
    <message>
        <source>Topology map of a &amp;customer…</source>
        <translation>Topologiekarte eines &amp;Kunden…</translation>
    </message>
    <message>
        <source>The inventory has no connections to map.</source>
        <translation>Das Inventar enthält keine Verbindungen für die Karte.</translation>
    </message>
    <message>
        <source>Topology map</source>
        <translation>Topologiekarte</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Check the routers to map on the left first.</source>
        <translation>Haken Sie zuerst links die Router für die Karte an.</translation>
    </message>
    <message>
        <source>&amp;Open inventory…</source>
        <translation>Inventar ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load inventory</source>
        <translation>Inventar neu &amp;laden</translation>
    </message>
    <message>
        <source>Open the &amp;demo lab</source>
        <translation>&amp;Demo-Labor öffnen</translation>
    </message>
    <message>
        <source>The inventory could not be opened.</source>
        <translation>Das Inventar konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 was not opened.</source>
        <translation>%1 wurde nicht geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n router(s).</source>
        <translation>
            <numerusform>%1 geöffnet: %n Router.</numerusform>
            <numerusform>%1 geöffnet: %n Router.</numerusform>
        </translation>
    </message>
    <message>
        <source>The inventory could not be read again.</source>
        <translation>Das Inventar konnte nicht erneut gelesen werden.</translation>
    </message>
    <message>
        <source>⚠ Inventory not reloaded</source>
        <translation>⚠ Inventar nicht neu geladen</translation>
    </message>
    <message>
        <source>%1 changed but could not be read; the routers shown are those read before.</source>
        <translation>%1 wurde geändert, konnte aber nicht gelesen werden; angezeigt werden die zuvor gelesenen Router.</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %1: %n router(s).</source>
        <translation>
            <numerusform>%1 neu geladen: %n Router.</numerusform>
            <numerusform>%1 neu geladen: %n Router.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inventories (*.json *.yaml *.yml *.ini *.csv hosts inventory)</source>
        <translation>Inventare (*.json *.yaml *.yml *.ini *.csv hosts inventory)</translation>
    </message>
    <message>
        <source>RouterLens JSON (*.json)</source>
        <translation>RouterLens-JSON (*.json)</translation>
    </message>
    <message>
        <source>Nornir hosts file (*.yaml *.yml)</source>
        <translation>Nornir-Hosts-Datei (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Ansible inventory, INI or YAML (*.ini *.yaml *.yml hosts inventory)</source>
        <translation>Ansible-Inventar, INI oder YAML (*.ini *.yaml *.yml hosts inventory)</translation>
    </message>
    <message>
        <source>CSV, one router per row (*.csv)</source>
        <translation>CSV, ein Router pro Zeile (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open inventory</source>
        <translation>Inventar öffnen</translation>
    </message>
    <message>
        <source>No recent inventories</source>
        <translation>Keine zuletzt geöffneten Inventare</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Remove &amp;missing entries</source>
        <translation>&amp;Fehlende Einträge entfernen</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all in this message&apos;s tooltip and in the log).</source>
        <translation>
            <numerusform>… und %n weitere (alle im Tooltip dieser Meldung und im Protokoll).</numerusform>
            <numerusform>… und %n weitere (alle im Tooltip dieser Meldung und im Protokoll).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was read with %n warning(s):</source>
        <translation>
            <numerusform>%1 wurde mit %n Warnung gelesen:</numerusform>
            <numerusform>%1 wurde mit %n Warnungen gelesen:</numerusform>
        </translation>
    </message>
    <message>
        <source>The routers shown stay as they were.</source>
        <translation>Die angezeigten Router bleiben, wie sie waren.</translation>
    </message>
    <message>
        <source>No inventory is open.</source>
        <translation>Kein Inventar ist geöffnet.</translation>
    </message>
    <message>
        <source>Open your inventory (RouterLens JSON, Nornir or Ansible YAML, Ansible INI, CSV) with File &gt; Open inventory… or drop the file on this window, or look around in the built-in demo lab.</source>
        <translation>Öffnen Sie Ihr Inventar (RouterLens-JSON, Nornir- oder Ansible-YAML, Ansible-INI, CSV) mit Datei &gt; Inventar öffnen… oder ziehen Sie die Datei auf dieses Fenster – oder sehen Sie sich im eingebauten Demo-Labor um.</translation>
    </message>
    <message>
        <source>Diagnosis · %1 (not in the inventory)</source>
        <translation>Diagnose · %1 (nicht im Inventar)</translation>
    </message>
    <message>
        <source>The inventory no longer has connection %1; its last diagnosis stays here.</source>
        <translation>Das Inventar enthält die Verbindung %1 nicht mehr; ihre letzte Diagnose bleibt hier stehen.</translation>
    </message>
    <message>
        <source>%1 — RouterLens</source>
        <translation>%1 — RouterLens</translation>
    </message>
    <message>
        <source>Demo lab — RouterLens</source>
        <translation>Demo-Labor — RouterLens</translation>
    </message>
    <message>
        <source>SSH settings of %1</source>
        <translation>SSH-Einstellungen von %1</translation>
    </message>
    <message>
        <source>What an SSH session to %1 uses, and where each value comes from: the inventory, the ssh config (file and line) or RouterLens&apos;s default. Nothing is connected.</source>
        <translation>Was eine SSH-Sitzung zu %1 verwendet und woher jeder Wert stammt: aus dem Inventar, der SSH-Konfiguration (Datei und Zeile) oder der Voreinstellung von RouterLens. Es wird keine Verbindung aufgebaut.</translation>
    </message>
    <message>
        <source>&amp;Edit inventory…</source>
        <translation>Inventar &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Add, change and remove routers and connections of the inventory file shown</source>
        <translation>Router und Verbindungen der angezeigten Inventardatei hinzufügen, ändern und entfernen</translation>
    </message>
    <message>
        <source>Reading %1 again (%2 MiB)…</source>
        <translation>%1 wird erneut gelesen (%2 MiB)…</translation>
    </message>
    <message>
        <source>Reading %1 (%2 MiB)…</source>
        <translation>%1 wird gelesen (%2 MiB)…</translation>
    </message>
    <message>
        <source>Open an inventory file first (File &gt; Open inventory…); the demo lab cannot be edited.</source>
        <translation>Öffnen Sie zuerst eine Inventardatei (Datei &gt; Inventar öffnen…); das Demo-Labor kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>The inventory cannot be edited.</source>
        <translation>Das Inventar kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The inventory cannot be edited until the file reads again.</source>
        <translation>Das Inventar kann erst bearbeitet werden, wenn sich die Datei wieder lesen lässt.</translation>
    </message>
    <message>
        <source>Saved %1; reading it again…</source>
        <translation>%1 gespeichert; wird erneut gelesen…</translation>
    </message>
    <message>
        <source>&amp;Connect to a service…</source>
        <translation>Mit einem &amp;Dienst verbinden…</translation>
    </message>
    <message>
        <source>Use a routerlens-serve instead of this computer&apos;s engine, as the client of your API token</source>
        <translation>Einen routerlens-serve statt der Engine dieses Computers verwenden, als Client Ihres API-Tokens</translation>
    </message>
    <message>
        <source>The service did not answer the query</source>
        <translation>Der Dienst hat die Abfrage nicht beantwortet</translation>
    </message>
    <message>
        <source>%1 was not opened</source>
        <translation>%1 wurde nicht geöffnet</translation>
    </message>
    <message>
        <source>This window uses a RouterLens service: its routers are the ones your token may see there.</source>
        <translation>Dieses Fenster verwendet einen RouterLens-Dienst: Seine Router sind die, die Ihr Token dort sehen darf.</translation>
    </message>
    <message>
        <source>%1 at %2 — RouterLens</source>
        <translation>%1 an %2 — RouterLens</translation>
    </message>
    <message>
        <source>The service reaches the routers with its own SSH settings; they are not shown here.</source>
        <translation>Der Dienst erreicht die Router mit seinen eigenen SSH-Einstellungen; sie werden hier nicht angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Using the RouterLens service at %1 as %2: %n router(s) you may see.</source>
        <translation>
            <numerusform>RouterLens-Dienst unter %1 als %2: %n Router, den Sie sehen dürfen.</numerusform>
            <numerusform>RouterLens-Dienst unter %1 als %2: %n Router, die Sie sehen dürfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use the RouterLens service at %1</source>
        <translation>Der RouterLens-Dienst unter %1 kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The service did not answer</source>
        <translation>Der Dienst hat nicht geantwortet</translation>
    </message>
    <message>
        <source>Not available while this window uses the RouterLens service at %1: the service keeps the inventory, the host keys, the engine settings and the health schedules.</source>
        <translation>Nicht verfügbar, solange dieses Fenster den RouterLens-Dienst unter %1 verwendet: Der Dienst verwaltet Inventar, Host-Schlüssel, Engine-Einstellungen und Zustandszeitpläne.</translation>
    </message>
    <message>
        <source>Connecting to the RouterLens service at %1…</source>
        <translation>Verbindung zum RouterLens-Dienst unter %1…</translation>
    </message>
    <message>
        <source>The routers and connections your token may see appear when the service has answered.</source>
        <translation>Die Router und Verbindungen, die Ihr Token sehen darf, erscheinen, sobald der Dienst geantwortet hat.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n s.</source>
        <translation>
            <numerusform>Erneut versuchen in %n s.</numerusform>
            <numerusform>Erneut versuchen in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The results shown stay as they are.</source>
        <translation>Die angezeigten Ergebnisse bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Service %1 · not connected</source>
        <translation>Dienst %1 · nicht verbunden</translation>
    </message>
    <message>
        <source>%1 (%2, customer %3)</source>
        <translation>%1 (%2, Kunde %3)</translation>
    </message>
    <message>
        <source>Service %1 · %2</source>
        <translation>Dienst %1 · %2</translation>
    </message>
    <message>
        <source>Queries and diagnoses go to the RouterLens service at %1, as the client its token stands for: %2.</source>
        <translation>Abfragen und Diagnosen gehen an den RouterLens-Dienst unter %1, als der Client, für den das Token steht: %2.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Read the routers and connections from the RouterLens service at %1 again</source>
        <translation>Router und Verbindungen erneut vom RouterLens-Dienst unter %1 lesen</translation>
    </message>
    <message>
        <source>&amp;Usage…</source>
        <translation>&amp;Nutzung…</translation>
    </message>
    <message>
        <source>Not available while this window uses the RouterLens service at %1: its usage per client and router is at the service&apos;s /v1/usage and /metrics, for staff tokens.</source>
        <translation>Nicht verfügbar, solange dieses Fenster den RouterLens-Dienst unter %1 verwendet: seine Nutzung je Client und Router steht unter /v1/usage und /metrics des Dienstes, für Tokens des Personals.</translation>
    </message>
</context>
<context>
    <name>rl::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>rl::PasteBoxDialog</name>
    <message>
        <source>Paste box — read a router&apos;s output offline</source>
        <translation>Einfügefeld — Ausgabe eines Routers offline lesen</translation>
    </message>
    <message>
        <source>Paste the output of a show command here…</source>
        <translation>Ausgabe eines show-Befehls hier einfügen…</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Paste some output to see it as a table.</source>
        <translation>Fügen Sie eine Ausgabe ein, um sie als Tabelle zu sehen.</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>eingefügt</translation>
    </message>
    <message numerus="yes">
        <source>Read as the output of “%1”: %n row(s).</source>
        <translation>
            <numerusform>Gelesen als Ausgabe von „%1“: %n Zeile.</numerusform>
            <numerusform>Gelesen als Ausgabe von „%1“: %n Zeilen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::QueryBar</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>e.g. 198.51.100.1</source>
        <translation>z. B. 198.51.100.1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.7</source>
        <translation>z. B. 203.0.113.7</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>always ask</source>
        <translation>immer abfragen</translation>
    </message>
    <message>
        <source>The oldest stored answer accepted instead of asking the router</source>
        <translation>Die älteste gespeicherte Antwort, die statt einer Abfrage des Routers genügt</translation>
    </message>
    <message>
        <source>Run the query on the checked routers (Ctrl+Return)</source>
        <translation>Abfrage auf den angehakten Routern ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Abfrage</translation>
    </message>
    <message>
        <source>&amp;Neighbor</source>
        <translation>&amp;Nachbar</translation>
    </message>
    <message>
        <source>&amp;VRF</source>
        <translation>&amp;VRF</translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation>&amp;Familie</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>&amp;Schnittstelle</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>Max &amp;age</source>
        <translation>Max. &amp;Alter</translation>
    </message>
    <message>
        <source>Required for this query</source>
        <translation>Für diese Abfrage erforderlich</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Check one or more routers on the left.</source>
        <translation>Haken Sie links einen oder mehrere Router an.</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n router(s)</source>
        <translation>
            <numerusform>%1 auf %n Router</numerusform>
            <numerusform>%1 auf %n Routern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::RecordTableModel</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>eingefügt</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>Commands sent:
%1</source>
        <translation>Gesendete Befehle:
%1</translation>
    </message>
    <message>
        <source>Fetched at %1 UTC</source>
        <translation>Abgerufen um %1 UTC</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Answer age</source>
        <translation>Alter der Antwort</translation>
    </message>
    <message>
        <source>Identifies a row when comparing answers</source>
        <translation>Kennzeichnet eine Zeile beim Vergleich von Antworten</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>rl::Records</name>
    <message>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>OS-Version</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennr.</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Oper</source>
        <translation>Oper</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>In packets</source>
        <translation>Pakete ein</translation>
    </message>
    <message>
        <source>Out packets</source>
        <translation>Pakete aus</translation>
    </message>
    <message>
        <source>In errors</source>
        <translation>Fehler ein</translation>
    </message>
    <message>
        <source>Out errors</source>
        <translation>Fehler aus</translation>
    </message>
    <message>
        <source>CRC errors</source>
        <translation>CRC-Fehler</translation>
    </message>
    <message>
        <source>In discards</source>
        <translation>Verwürfe ein</translation>
    </message>
    <message>
        <source>Out discards</source>
        <translation>Verwürfe aus</translation>
    </message>
    <message>
        <source>VRF</source>
        <translation>VRF</translation>
    </message>
    <message>
        <source>Neighbor</source>
        <translation>Nachbar</translation>
    </message>
    <message>
        <source>Address family</source>
        <translation>Adressfamilie</translation>
    </message>
    <message>
        <source>Local AS</source>
        <translation>Lokales AS</translation>
    </message>
    <message>
        <source>Remote AS</source>
        <translation>Remote-AS</translation>
    </message>
    <message>
        <source>Remote router ID</source>
        <translation>Remote-Router-ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>State detail</source>
        <translation>Zustandsdetail</translation>
    </message>
    <message>
        <source>Admin enabled</source>
        <translation>Admin aktiviert</translation>
    </message>
    <message>
        <source>Up/down for</source>
        <translation>Up/down seit</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Lokale Adresse</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Inner VLAN</source>
        <translation>Inneres VLAN</translation>
    </message>
    <message>
        <source>Encapsulation</source>
        <translation>Kapselung</translation>
    </message>
    <message>
        <source>Unknown-tag drops</source>
        <translation>Verwürfe (Tag unbekannt)</translation>
    </message>
    <message>
        <source>Mismatched-tag drops</source>
        <translation>Verwürfe (Tag abweichend)</translation>
    </message>
    <message>
        <source>Other drops</source>
        <translation>Andere Verwürfe</translation>
    </message>
    <message>
        <source>Expected VLAN</source>
        <translation>Erwartetes VLAN</translation>
    </message>
    <message>
        <source>Tag check</source>
        <translation>Tag-Prüfung</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Next Hop</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>AS-Pfad</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Local pref</source>
        <translation>Local Pref</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MED</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Beste</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Local interface</source>
        <translation>Lokale Schnittstelle</translation>
    </message>
    <message>
        <source>Remote system</source>
        <translation>Remote-System</translation>
    </message>
    <message>
        <source>Remote chassis ID</source>
        <translation>Remote-Chassis-ID</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>Remote-Port</translation>
    </message>
    <message>
        <source>Remote port description</source>
        <translation>Remote-Portbeschreibung</translation>
    </message>
    <message>
        <source>Remote management address</source>
        <translation>Remote-Management-Adresse</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Rx power (dBm)</source>
        <translation>Rx-Leistung (dBm)</translation>
    </message>
    <message>
        <source>Tx power (dBm)</source>
        <translation>Tx-Leistung (dBm)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperatur (°C)</translation>
    </message>
    <message>
        <source>Bias (mA)</source>
        <translation>Bias-Strom (mA)</translation>
    </message>
    <message>
        <source>Rx low warning (dBm)</source>
        <translation>Rx-Warnschwelle unten (dBm)</translation>
    </message>
    <message>
        <source>Rx high warning (dBm)</source>
        <translation>Rx-Warnschwelle oben (dBm)</translation>
    </message>
    <message>
        <source>Tx low warning (dBm)</source>
        <translation>Tx-Warnschwelle unten (dBm)</translation>
    </message>
    <message>
        <source>Tx high warning (dBm)</source>
        <translation>Tx-Warnschwelle oben (dBm)</translation>
    </message>
</context>
<context>
    <name>rl::ResultTab</name>
    <message>
        <source>Only &amp;differences</source>
        <translation>Nur &amp;Unterschiede</translation>
    </message>
    <message>
        <source>Filter rows (any column) — right-click a column header to filter that column</source>
        <translation>Zeilen filtern (alle Spalten) — Rechtsklick auf einen Spaltenkopf filtert diese Spalte</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>against the stored answer selected below</source>
        <translation>gegen die unten gewählte gespeicherte Antwort</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Im Zeitverlauf</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>(request)</source>
        <translation>(Anfrage)</translation>
    </message>
    <message>
        <source>Run the query on two or more routers to compare them.</source>
        <translation>Führen Sie die Abfrage auf zwei oder mehr Routern aus, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 aligned rows, %2 differ</source>
        <translation>%1 zugeordnete Zeilen, %2 unterscheiden sich</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n row(s)</source>
        <translation>
            <numerusform>%1 · %n Zeile</numerusform>
            <numerusform>%1 · %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Filter “%1”…</source>
        <translation>„%1“ filtern…</translation>
    </message>
    <message>
        <source>Filter column</source>
        <translation>Spalte filtern</translation>
    </message>
    <message>
        <source>Show rows whose %1 contains (prefix ! to exclude; &lt;, &gt;, = for numbers):</source>
        <translation>Zeilen zeigen, deren %1 enthält (! davor schließt aus; &lt;, &gt;, = für Zahlen):</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle Filter löschen</translation>
    </message>
    <message>
        <source>Unsorted (arrival order)</source>
        <translation>Unsortiert (Eingangsreihenfolge)</translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation>„%1“ ausblenden</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Reset column layout</source>
        <translation>Spaltenanordnung zurücksetzen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Sessions and links</source>
        <translation>Sessions und &amp;Links</translation>
    </message>
    <message>
        <source>Put the two ends of each BGP session, link or route exchange between the compared routers on one row; off: rows aligned by key</source>
        <translation>Beide Seiten jeder BGP-Session, jedes Links und jedes Routenaustauschs zwischen den verglichenen Routern in eine Zeile stellen; aus: Zeilen nach Schlüssel zugeordnet</translation>
    </message>
</context>
<context>
    <name>rl::RouterEditDialog</name>
    <message>
        <source>Add router</source>
        <translation>Router hinzufügen</translation>
    </message>
    <message>
        <source>Edit router %1</source>
        <translation>Router %1 bearbeiten</translation>
    </message>
    <message>
        <source>none: the SSH agent and ~/.ssh keys</source>
        <translation>keines: SSH-Agent und Schlüssel in ~/.ssh</translation>
    </message>
    <message>
        <source>address or DNS name</source>
        <translation>Adresse oder DNS-Name</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Unique; letters, digits and . _ -</source>
        <translation>Eindeutig; Buchstaben, Ziffern und . _ -</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>P&amp;latform:</source>
        <translation>P&amp;lattform:</translation>
    </message>
    <message>
        <source>A profile of the inventory&apos;s &quot;credentials&quot;; passwords are never written into the file.</source>
        <translation>Ein Profil aus „credentials“ des Inventars; Passwörter werden nie in die Datei geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>K&amp;unde:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>%1 when empty</source>
        <translation>%1, wenn leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number: write a number from 1 to 65535, or leave it empty for the transport&apos;s usual port.</source>
        <translation>„%1“ ist keine Portnummer: Geben Sie eine Zahl von 1 bis 65535 ein, oder lassen Sie das Feld leer für den üblichen Port des Transports.</translation>
    </message>
    <message>
        <source>Cre&amp;dentials profile:</source>
        <translation>&amp;Zugangsdatenprofil:</translation>
    </message>
</context>
<context>
    <name>rl::RouterQueueModel</name>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>rl::SessionCompare</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>VRF</source>
        <translation>VRF</translation>
    </message>
    <message>
        <source>AS</source>
        <translation>AS</translation>
    </message>
    <message>
        <source>Peer AS set</source>
        <translation>Peer-AS (konfiguriert)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Up/down for</source>
        <translation>Up/down seit</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grundlage</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Oper</source>
        <translation>Oper</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>In errors</source>
        <translation>Fehler ein</translation>
    </message>
    <message>
        <source>Out errors</source>
        <translation>Fehler aus</translation>
    </message>
    <message>
        <source>CRC errors</source>
        <translation>CRC-Fehler</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Gesendet von</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Empfangen von</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Next Hop</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>AS-Pfad</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>rl::SessionComparePanel</name>
    <message>
        <source>All routes</source>
        <translation>Alle Routen</translation>
    </message>
    <message>
        <source>Sent but not received</source>
        <translation>Gesendet, nicht empfangen</translation>
    </message>
    <message>
        <source>Received but not sent</source>
        <translation>Empfangen, nicht gesendet</translation>
    </message>
    <message>
        <source>Received but rejected</source>
        <translation>Empfangen, aber abgelehnt</translation>
    </message>
    <message>
        <source>Not on both sides</source>
        <translation>Nicht auf beiden Seiten</translation>
    </message>
    <message>
        <source>Which routes to show: what one end advertises against what the other received</source>
        <translation>Welche Routen erscheinen: was eine Seite annonciert, verglichen mit dem, was die andere empfangen hat</translation>
    </message>
    <message>
        <source>Routes:</source>
        <translation>Routen:</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) with both ends among these routers</source>
        <translation>
            <numerusform>%n Link zwischen diesen Routern</numerusform>
            <numerusform>%n Links zwischen diesen Routern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) with both ends among these routers</source>
        <translation>
            <numerusform>%n Session zwischen diesen Routern</numerusform>
            <numerusform>%n Sessions zwischen diesen Routern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a mismatch</source>
        <translation>
            <numerusform>%n mit Abweichung</numerusform>
            <numerusform>%n mit Abweichung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with the peer not in this comparison</source>
        <translation>
            <numerusform>%n mit Peer außerhalb dieses Vergleichs</numerusform>
            <numerusform>%n mit Peer außerhalb dieses Vergleichs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n where the other end cannot be read</source>
        <translation>
            <numerusform>%n mit nicht lesbarer Gegenseite</numerusform>
            <numerusform>%n mit nicht lesbarer Gegenseite</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a paired session above to compare what each end advertises with what the other received.</source>
        <translation>Wählen Sie oben eine gepaarte Session, um zu vergleichen, was jede Seite annonciert und was die andere empfangen hat.</translation>
    </message>
    <message>
        <source>Compare two or more routers to see what connects them.</source>
        <translation>Vergleichen Sie zwei oder mehr Router, um zu sehen, was sie verbindet.</translation>
    </message>
    <message>
        <source>Reading the LLDP neighbors of %1 to find the links between them…</source>
        <translation>Lese die LLDP-Nachbarn von %1, um die Links zwischen ihnen zu finden…</translation>
    </message>
    <message>
        <source>Reading the BGP sessions of %1 and the routes each end sends the other…</source>
        <translation>Lese die BGP-Sessions von %1 und die Routen, die jede Seite der anderen sendet…</translation>
    </message>
    <message>
        <source>The session-aware view compares BGP status, link status and routes.</source>
        <translation>Die Session-Ansicht vergleicht BGP-Status, Link-Status und Routen.</translation>
    </message>
    <message>
        <source>This session&apos;s other end is not among the compared routers: there is nothing to compare its routes with.</source>
        <translation>Die Gegenseite dieser Session gehört nicht zu den verglichenen Routern: Ihre Routen lassen sich mit nichts vergleichen.</translation>
    </message>
    <message>
        <source>Routes between %1 and %2:</source>
        <translation>Routen zwischen %1 und %2:</translation>
    </message>
    <message>
        <source>Reading what %1 and %2 send each other…</source>
        <translation>Lese, was %1 und %2 einander senden…</translation>
    </message>
    <message>
        <source>Routes of every paired session:</source>
        <translation>Routen aller gepaarten Sessions:</translation>
    </message>
    <message>
        <source>No routes in either direction.</source>
        <translation>In keiner Richtung gibt es Routen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 shown of %n prefix(es): %2 sent and received, %3 sent but not received, %4 received but not sent, %5 rejected</source>
        <translation>
            <numerusform>%1 von %n Präfix angezeigt: %2 gesendet und empfangen, %3 nur gesendet, %4 nur empfangen, %5 abgelehnt</numerusform>
            <numerusform>%1 von %n Präfixen angezeigt: %2 gesendet und empfangen, %3 nur gesendet, %4 nur empfangen, %5 abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot tell</source>
        <translation>
            <numerusform>%n nicht feststellbar</numerusform>
            <numerusform>%n nicht feststellbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::SessionComparisonModel</name>
    <message>
        <source>paired</source>
        <translation>gepaart</translation>
    </message>
    <message>
        <source>peer not in this comparison</source>
        <translation>Peer nicht in diesem Vergleich</translation>
    </message>
    <message>
        <source>other end not found</source>
        <translation>Gegenseite nicht gefunden</translation>
    </message>
    <message>
        <source>cannot tell</source>
        <translation>nicht feststellbar</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>mehrdeutig</translation>
    </message>
    <message>
        <source>sent and received</source>
        <translation>gesendet und empfangen</translation>
    </message>
    <message>
        <source>sent but not received</source>
        <translation>gesendet, nicht empfangen</translation>
    </message>
    <message>
        <source>received but not sent</source>
        <translation>empfangen, nicht gesendet</translation>
    </message>
    <message>
        <source>received but rejected</source>
        <translation>empfangen, aber abgelehnt</translation>
    </message>
    <message>
        <source>Cannot tell: %1</source>
        <translation>Nicht feststellbar: %1</translation>
    </message>
    <message>
        <source>%1 · sender</source>
        <translation>%1 · Sender</translation>
    </message>
    <message>
        <source>%1 · receiver</source>
        <translation>%1 · Empfänger</translation>
    </message>
    <message>
        <source>%1 · A</source>
        <translation>%1 · A</translation>
    </message>
    <message>
        <source>%1 · B</source>
        <translation>%1 · B</translation>
    </message>
    <message>
        <source>As the sending end advertises it</source>
        <translation>Wert, wie ihn die sendende Seite annonciert</translation>
    </message>
    <message>
        <source>As the receiving end received it</source>
        <translation>Wert, wie ihn die empfangende Seite empfangen hat</translation>
    </message>
    <message>
        <source>End A: the router left of &lt;-&gt; in the second column</source>
        <translation>Seite A: der Router links von &lt;-&gt; in der zweiten Spalte</translation>
    </message>
    <message>
        <source>End B: the router right of &lt;-&gt; in the second column</source>
        <translation>Seite B: der Router rechts von &lt;-&gt; in der zweiten Spalte</translation>
    </message>
</context>
<context>
    <name>rl::SessionReport</name>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
</context>
<context>
    <name>rl::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Rate (/s)</source>
        <translation>Rate (/s)</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Über dem Limit</translation>
    </message>
    <message>
        <source>Per client</source>
        <translation>Je Client</translation>
    </message>
    <message>
        <source>Per router</source>
        <translation>Je Router</translation>
    </message>
    <message>
        <source>Network-wide</source>
        <translation>Netzweit</translation>
    </message>
    <message>
        <source>Token buckets: the rate is sustained, the burst allowed at once. Changing them needs the admin role.</source>
        <translation>Token-Buckets: Die Rate gilt dauerhaft, der Burst auf einmal. Ändern erfordert die Admin-Rolle.</translation>
    </message>
    <message>
        <source>Throttling</source>
        <translation>Drosselung</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <source>Command timeout</source>
        <translation>Befehls-Timeout</translation>
    </message>
    <message>
        <source>Whole request timeout</source>
        <translation>Timeout der ganzen Anfrage</translation>
    </message>
    <message>
        <source>Output limit per command</source>
        <translation>Ausgabegrenze je Befehl</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>The most one command may answer. A router&apos;s own &quot;maxOutputBytes&quot; in the inventory wins.</source>
        <translation>Höchstens so viel darf ein Befehl antworten. Ein eigenes „maxOutputBytes“ des Routers im Inventar hat Vorrang.</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>external</source>
        <translation>extern</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Operator role</source>
        <translation>Rolle des Bedieners</translation>
    </message>
    <message>
        <source>Timeouts and role</source>
        <translation>Timeouts und Rolle</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Fresh for (s)</source>
        <translation>Gültig für (s)</translation>
    </message>
    <message>
        <source>Cache ages</source>
        <translation>Cache-Alter</translation>
    </message>
    <message>
        <source>credential profile name from the inventory, e.g. lab</source>
        <translation>Name des Zugangsprofils aus dem Inventar, z. B. lab</translation>
    </message>
    <message>
        <source>stored in the OS keychain, never in a file</source>
        <translation>im Schlüsselbund des Systems gespeichert, nie in einer Datei</translation>
    </message>
    <message>
        <source>Store in keychain</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Password or passphrase</source>
        <translation>Passwort oder Passphrase</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Give a profile name and a password first.</source>
        <translation>Geben Sie zuerst einen Profilnamen und ein Passwort an.</translation>
    </message>
    <message>
        <source>The keychain refused: %1</source>
        <translation>Der Schlüsselbund hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Stored in the OS keychain.</source>
        <translation>Im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>An external operator works for one customer and sees only that customer&apos;s routers and connections. Choose the customer here; internal and admin operators see everything and need none.</source>
        <translation>Ein externer Bediener arbeitet für einen Kunden und sieht nur dessen Router und Anschlüsse. Wählen Sie hier den Kunden; interne Bediener und Administratoren sehen alles und brauchen keinen.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>Schlüsselbund-Eintrag</translation>
    </message>
    <message>
        <source>The inventory decides how a profile logs in (&quot;useAgent&quot;, &quot;keyFile&quot;, &quot;secret&quot;). A secret written as keychain:RouterLens/&lt;profile&gt; is read from the OS keychain, where this page stores it.</source>
        <translation>Das Inventar bestimmt, wie sich ein Profil anmeldet („useAgent“, „keyFile“, „secret“). Ein Geheimnis, das als keychain:RouterLens/&lt;Profil&gt; angegeben ist, wird aus dem Schlüsselbund des Systems gelesen, wo diese Seite es ablegt.</translation>
    </message>
    <message>
        <source>Name a credential profile.</source>
        <translation>Geben Sie ein Zugangsprofil an.</translation>
    </message>
    <message>
        <source>No profile &quot;%1&quot; in the loaded inventory; its secret can still be stored for later.</source>
        <translation>Kein Profil „%1“ im geladenen Inventar; sein Geheimnis kann trotzdem für später abgelegt werden.</translation>
    </message>
    <message>
        <source>the SSH agent first</source>
        <translation>zuerst den SSH-Agenten</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>die Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>a password from %1</source>
        <translation>ein Passwort aus %1</translation>
    </message>
    <message>
        <source>its passphrase from %1</source>
        <translation>deren Passphrase aus %1</translation>
    </message>
    <message>
        <source>a password from the environment variable %1</source>
        <translation>ein Passwort aus der Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>its passphrase from the environment variable %1</source>
        <translation>deren Passphrase aus der Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>the login user</source>
        <translation>den Anmeldebenutzer</translation>
    </message>
    <message>
        <source>%1; no key or secret: only the SSH agent could log in, and it is off.</source>
        <translation>%1; kein Schlüssel und kein Geheimnis: nur der SSH-Agent könnte sich anmelden, und er ist abgeschaltet.</translation>
    </message>
    <message>
        <source>%1; %2.</source>
        <translation>%1; %2.</translation>
    </message>
    <message>
        <source>SSH client config</source>
        <translation>SSH-Client-Konfiguration</translation>
    </message>
    <message>
        <source>The OpenSSH client config SSH routers and their jump hosts read (Host, HostName, User, Port, IdentityFile, ProxyJump, …). Empty: ~/.ssh/config; &quot;none&quot;: none. The inventory always wins. New sessions use it.</source>
        <translation>Die OpenSSH-Client-Konfiguration, die SSH-Router und ihre Jump-Hosts lesen (Host, HostName, User, Port, IdentityFile, ProxyJump, …). Leer: ~/.ssh/config; &quot;none&quot;: keine. Das Inventar hat immer Vorrang. Neue Sitzungen verwenden sie.</translation>
    </message>
</context>
<context>
    <name>rl::TopologyView</name>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>the inventory&apos;s connection %1</source>
        <translation>die Verbindung %1 aus dem Inventar</translation>
    </message>
    <message>
        <source>ARP / neighbor discovery: the neighbor&apos;s MAC address is an interface of the other router</source>
        <translation>ARP / Neighbor Discovery: Die MAC-Adresse des Nachbarn gehört zu einer Schnittstelle des anderen Routers</translation>
    </message>
    <message>
        <source>LLDP: the neighbor&apos;s management address</source>
        <translation>LLDP: die Management-Adresse des Nachbarn</translation>
    </message>
    <message>
        <source>the inventory&apos;s address of %1</source>
        <translation>die Adresse von %1 im Inventar</translation>
    </message>
    <message>
        <source>its router id, seen on another session to the same router</source>
        <translation>seine Router-ID, gesehen auf einer anderen Session zum selben Router</translation>
    </message>
    <message>
        <source>the AS numbers of connection %1 (it lists no address in this family)</source>
        <translation>die AS-Nummern der Verbindung %1 (sie nennt keine Adresse dieser Familie)</translation>
    </message>
    <message>
        <source>AS numbers only: each router has one session towards the other&apos;s AS, on one subnet</source>
        <translation>nur AS-Nummern: Jeder Router hat genau eine Session zum AS des anderen, im selben Subnetz</translation>
    </message>
    <message>
        <source>not identified: a peer outside the inventory</source>
        <translation>nicht identifiziert: ein Peer außerhalb des Inventars</translation>
    </message>
    <message>
        <source>VRF %1</source>
        <translation>VRF %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht abgefragt</translation>
    </message>
    <message>
        <source>not asked · %1</source>
        <translation>nicht abgefragt · %1</translation>
    </message>
    <message>
        <source>LLDP neighbor</source>
        <translation>LLDP-Nachbar</translation>
    </message>
    <message>
        <source>customer router, not in the inventory</source>
        <translation>Kundenrouter, nicht im Inventar</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>external peer</source>
        <translation>externer Peer</translation>
    </message>
    <message>
        <source>outside the inventory</source>
        <translation>außerhalb des Inventars</translation>
    </message>
    <message>
        <source>in the inventory, not asked for this map</source>
        <translation>im Inventar, für diese Karte nicht abgefragt</translation>
    </message>
    <message>
        <source>platform: %1</source>
        <translation>Plattform: %1</translation>
    </message>
    <message>
        <source>customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>addresses: %1</source>
        <translation>Adressen: %1</translation>
    </message>
    <message>
        <source>none of its answers could be read: %1</source>
        <translation>keine seiner Antworten war lesbar: %1</translation>
    </message>
    <message>
        <source>Click to diagnose the connection.</source>
        <translation>Klicken, um die Verbindung zu diagnostizieren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;BGP session&lt;/b&gt; %1: %2</source>
        <translation>&lt;b&gt;BGP-Session&lt;/b&gt; %1: %2</translation>
    </message>
    <message>
        <source>AS ?</source>
        <translation>AS ?</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>&amp;Diagnose connection</source>
        <translation>Verbindung &amp;diagnostizieren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the routers again (F5)</source>
        <translation>Router erneut abfragen (F5)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Fit the map to the window (Ctrl+0)</source>
        <translation>Karte an das Fenster anpassen (Strg+0)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Click a link or a session to see both ends&apos; rows; clicking a connection&apos;s link also opens its diagnosis.</source>
        <translation>Einen Link oder eine Session anklicken, um die Zeilen beider Seiten zu sehen; der Link einer Verbindung öffnet zudem deren Diagnose.</translation>
    </message>
    <message>
        <source>Topology · customer %1</source>
        <translation>Topologie · Kunde %1</translation>
    </message>
    <message>
        <source>Topology · %1</source>
        <translation>Topologie · %1</translation>
    </message>
    <message numerus="yes">
        <source>Topology · %n routers</source>
        <translation>
            <numerusform>Topologie · %n Router</numerusform>
            <numerusform>Topologie · %n Router</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;━━&lt;/span&gt; up &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━━&lt;/span&gt; down &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;┅┅&lt;/span&gt; unknown (could not be read) &amp;nbsp;·&amp;nbsp; thick: link, thin arc: BGP session &amp;nbsp;·&amp;nbsp; dashed box: not asked, grey: outside the inventory</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;━━&lt;/span&gt; up &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━━&lt;/span&gt; down &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;┅┅&lt;/span&gt; unbekannt (nicht lesbar) &amp;nbsp;·&amp;nbsp; dick: Link, dünner Bogen: BGP-Session &amp;nbsp;·&amp;nbsp; gestrichelter Rahmen: nicht abgefragt, grau: außerhalb des Inventars</translation>
    </message>
    <message>
        <source>&lt;b&gt;BGP session&lt;/b&gt; %1 · %2</source>
        <translation>&lt;b&gt;BGP-Session&lt;/b&gt; %1 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link&lt;/b&gt; · %1</source>
        <translation>&lt;b&gt;Link&lt;/b&gt; · %1</translation>
    </message>
    <message>
        <source>Connection: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Verbindung: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ends matched by: %1</source>
        <translation>Seiten zugeordnet über: %1</translation>
    </message>
    <message>
        <source>Seen by: %1</source>
        <translation>Gesehen von: %1</translation>
    </message>
    <message>
        <source>&amp;Diagnose %1</source>
        <translation>%1 &amp;diagnostizieren</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>abgefragt</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plattform: %1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>Addresses: %1</source>
        <translation>Adressen: %1</translation>
    </message>
    <message>
        <source>None of its answers could be read: %1</source>
        <translation>Keine seiner Antworten war lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n Link</numerusform>
            <numerusform>%n Links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n BGP session(s)</source>
        <translation>
            <numerusform>%n BGP-Session</numerusform>
            <numerusform>%n BGP-Sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 down, %2 unknown</source>
        <translation>%1 down, %2 unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>waiting for %n answer(s)…</source>
        <translation>
            <numerusform>warte auf %n Antwort…</numerusform>
            <numerusform>warte auf %n Antworten…</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Link&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Link&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link&lt;/b&gt; of connection %1: %2</source>
        <translation>&lt;b&gt;Link&lt;/b&gt; der Verbindung %1: %2</translation>
    </message>
</context>
<context>
    <name>rl::UsageDialog</name>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Per &amp;client</source>
        <translation>Pro &amp;Client</translation>
    </message>
    <message>
        <source>Per r&amp;outer</source>
        <translation>Pro R&amp;outer</translation>
    </message>
    <message>
        <source>The usage figures could not be read: %1</source>
        <translation>Die Nutzungszahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No requests since %1.</source>
        <translation>Keine Anfragen seit %1.</translation>
    </message>
    <message>
        <source>Since %1: %2 requests, %3 from the store, %4 coalesced, %5 throttled, %6 errors; p95 %7.</source>
        <translation>Seit %1: %2 Anfragen, %3 aus dem Speicher, %4 zusammengelegt, %5 gedrosselt, %6 Fehler; p95 %7.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export as C&amp;SV…</source>
        <translation>Als C&amp;SV exportieren…</translation>
    </message>
</context>
<context>
    <name>rl::UsageModel</name>
    <message>
        <source>(no client id)</source>
        <translation>(keine Client-Kennung)</translation>
    </message>
    <message>
        <source>(refused before any router)</source>
        <translation>(abgelehnt, bevor ein Router gefragt wurde)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Keine Fehler.</translation>
    </message>
    <message>
        <source>Errors by code: %1</source>
        <translation>Fehler nach Code: %1</translation>
    </message>
    <message>
        <source>%1 router parts, %2 whole requests refused (%3 of them throttled)</source>
        <translation>%1 Router-Teile, %2 ganze Anfragen abgelehnt (%3 davon gedrosselt)</translation>
    </message>
    <message numerus="yes">
        <source>Time the routers took to answer live, from %n answer(s)</source>
        <translation>
            <numerusform>Zeit, die die Router für Live-Antworten brauchten, aus %n Antwort</numerusform>
            <numerusform>Zeit, die die Router für Live-Antworten brauchten, aus %n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>From store</source>
        <translation>Aus dem Speicher</translation>
    </message>
    <message>
        <source>Coalesced</source>
        <translation>Zusammengelegt</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Router parts asked (a request to three routers counts three), and whole requests refused</source>
        <translation>Gefragte Router-Teile (eine Anfrage an drei Router zählt drei) und ganz abgelehnte Anfragen</translation>
    </message>
    <message>
        <source>Parts answered from the result store, without asking the router</source>
        <translation>Aus dem Ergebnisspeicher beantwortete Teile, ohne den Router zu fragen</translation>
    </message>
    <message>
        <source>Parts answered by joining identical work already queued or running</source>
        <translation>Teile, die sich gleicher, schon wartender oder laufender Arbeit anschlossen</translation>
    </message>
    <message>
        <source>Parts and whole requests refused by a throttle</source>
        <translation>Von einer Drossel abgelehnte Teile und ganze Anfragen</translation>
    </message>
    <message>
        <source>Failed parts and refused requests; the codes are in each cell&apos;s tooltip</source>
        <translation>Fehlgeschlagene Teile und abgelehnte Anfragen; die Codes stehen im Tooltip jeder Zelle</translation>
    </message>
    <message>
        <source>Latency percentile of live answers (from hourly histograms)</source>
        <translation>Latenz-Perzentil der Live-Antworten (aus stündlichen Histogrammen)</translation>
    </message>
</context>
</TS>
