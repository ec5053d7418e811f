<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>hold back</source>
        <translation>retenir</translation>
    </message>
    <message>
        <source>suspend client</source>
        <translation>suspendre le client</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>rejeter</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>joignable</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>échec de l’authentification</translation>
    </message>
    <message>
        <source>host key or certificate problem</source>
        <translation>problème de clé d’hôte ou de certificat</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>limité</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>pas encore interrogé</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>QueryKind</name>
    <message>
        <source>Facts</source>
        <translation>Données de l’équipement</translation>
    </message>
    <message>
        <source>Link status</source>
        <translation>État des liens</translation>
    </message>
    <message>
        <source>BGP status</source>
        <translation>État BGP</translation>
    </message>
    <message>
        <source>ARP / neighbor table</source>
        <translation>Table ARP / des voisins</translation>
    </message>
    <message>
        <source>VLAN tagging errors</source>
        <translation>Erreurs d’étiquetage VLAN</translation>
    </message>
    <message>
        <source>Received routes</source>
        <translation>Routes reçues</translation>
    </message>
    <message>
        <source>Advertised routes</source>
        <translation>Routes annoncées</translation>
    </message>
    <message>
        <source>Route lookup</source>
        <translation>Recherche de route</translation>
    </message>
    <message>
        <source>LLDP neighbors</source>
        <translation>Voisins LLDP</translation>
    </message>
    <message>
        <source>Optics levels</source>
        <translation>Niveaux optiques</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read-only multi-vendor router troubleshooting</source>
        <translation>Diagnostic de routeurs multi-constructeurs, en lecture seule</translation>
    </message>
    <message>
        <source>Start on the built-in demo lab.</source>
        <translation>Démarrer sur le laboratoire de démonstration intégré.</translation>
    </message>
    <message>
        <source>Run the screenshot tour into DIR, then exit.</source>
        <translation>Enregistrer la visite en captures d’écran dans DIR, puis quitter.</translation>
    </message>
    <message>
        <source>Language of the interface (de, fr, en); default: the system&apos;s.</source>
        <translation>Langue de l’interface (de, fr, en) ; par défaut : celle du système.</translation>
    </message>
    <message>
        <source>Inventory file (RouterLens JSON, Nornir or Ansible YAML, Ansible INI, CSV).</source>
        <translation>Fichier d’inventaire (JSON RouterLens, YAML Nornir ou Ansible, INI Ansible, CSV).</translation>
    </message>
    <message>
        <source>Inventory file to open, as --inventory.</source>
        <translation>Fichier d’inventaire à ouvrir, comme --inventory.</translation>
    </message>
    <message>
        <source>Give one inventory file.</source>
        <translation>Indiquez un seul fichier d’inventaire.</translation>
    </message>
    <message>
        <source>Give --demo or an inventory file, not both.</source>
        <translation>Indiquez --demo ou un fichier d’inventaire, pas les deux.</translation>
    </message>
    <message>
        <source>Use the RouterLens service at URL (routerlens-serve) instead of this computer&apos;s engine.</source>
        <translation>Utiliser le service RouterLens à l&apos;URL (routerlens-serve) au lieu du moteur de cet ordinateur.</translation>
    </message>
    <message>
        <source>With --server: the file holding your API token (chmod 600).</source>
        <translation>Avec --server : le fichier contenant votre jeton d&apos;API (chmod 600).</translation>
    </message>
    <message>
        <source>With --server: the CA certificate (PEM) of an https service.</source>
        <translation>Avec --server : le certificat de l&apos;AC (PEM) d&apos;un service https.</translation>
    </message>
    <message>
        <source>Give --server URL and --token-file FILE together.</source>
        <translation>Indiquez --server URL et --token-file FICHIER ensemble.</translation>
    </message>
    <message>
        <source>--server does not go with --demo or an inventory file: the service&apos;s routers are the ones shown.</source>
        <translation>--server ne va pas avec --demo ni avec un fichier d&apos;inventaire : ce sont les routeurs du service qui sont affichés.</translation>
    </message>
</context>
<context>
    <name>rl::ActivityModel</name>
    <message>
        <source>queued</source>
        <translation>en file d’attente</translation>
    </message>
    <message>
        <source>held back (throttled)</source>
        <translation>retenue (limitée)</translation>
    </message>
    <message>
        <source>suspended (throttled)</source>
        <translation>suspendue (limitée)</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>rejected (throttled)</source>
        <translation>rejetée (limitée)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>%n other request(s) share this router command</source>
        <translation>
            <numerusform>%n autre requête partage cette commande</numerusform>
            <numerusform>%n autres requêtes partagent cette commande</numerusform>
        </translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagée</translation>
    </message>
</context>
<context>
    <name>rl::ActivityPanel</name>
    <message>
        <source>Cancel request</source>
        <translation>Annuler la requête</translation>
    </message>
    <message>
        <source>Cancel the selected request (Del)</source>
        <translation>Annuler la requête sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Router queues</source>
        <translation>Files des routeurs</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Router commands per second against the network-wide limit; deepest router queue</source>
        <translation>Commandes par seconde face à la limite du réseau ; file de routeur la plus longue</translation>
    </message>
    <message>
        <source>request rate (/s)</source>
        <translation>débit de requêtes (/s)</translation>
    </message>
    <message>
        <source>network limit (/s)</source>
        <translation>limite réseau (/s)</translation>
    </message>
    <message>
        <source>deepest router queue</source>
        <translation>file la plus longue</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Nothing running.</source>
        <translation>Rien en cours.</translation>
    </message>
    <message>
        <source>%1 queued · %2 in flight · %3 held back by a throttle · %4 rejected</source>
        <translation>%1 en attente · %2 en cours · %3 retenues par une limite · %4 rejetées</translation>
    </message>
    <message>
        <source>This hour so far, every client and router (Tools &gt; Usage… for the detail)</source>
        <translation>Cette heure jusqu’ici, tous clients et routeurs (le détail dans Outils &gt; Utilisation…)</translation>
    </message>
    <message>
        <source>This hour: no requests</source>
        <translation>Cette heure : aucune requête</translation>
    </message>
    <message>
        <source>This hour: %1 requests · %2% from store · %3 coalesced · %4 throttled · p95 %5</source>
        <translation>Cette heure : %1 requêtes · %2 % du stockage · %3 regroupées · %4 limitées · p95 %5</translation>
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
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>%1 has no such row</source>
        <translation>%1 n’a pas cette ligne</translation>
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
        <translation>Se connecter à un service RouterLens</translation>
    </message>
    <message>
        <source>Use a routerlens-serve instead of this computer&apos;s engine: queries and diagnoses run there, as the client your API token stands for, and you see the routers and connections that client may see. The token stays in its file; only the file&apos;s name is remembered.</source>
        <translation>Utiliser un routerlens-serve au lieu du moteur de cet ordinateur : les requêtes et les diagnostics s&apos;y exécutent, au nom du client que représente votre jeton d&apos;API, et vous voyez les routeurs et les connexions que ce client peut voir. Le jeton reste dans son fichier ; seul le nom du fichier est mémorisé.</translation>
    </message>
    <message>
        <source>a file holding the token, readable by you only (chmod 600)</source>
        <translation>un fichier contenant le jeton, lisible par vous seul (chmod 600)</translation>
    </message>
    <message>
        <source>optional: the CA certificate (PEM) of an https service</source>
        <translation>facultatif : le certificat de l&apos;AC (PEM) d&apos;un service https</translation>
    </message>
    <message>
        <source>Service address:</source>
        <translation>Adresse du service :</translation>
    </message>
    <message>
        <source>Token file:</source>
        <translation>Fichier du jeton :</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Fichier du jeton</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat de l&apos;AC :</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat de l&apos;AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>The service address must look like https://routerlens.example.net:8750.</source>
        <translation>L&apos;adresse du service doit avoir la forme https://routerlens.example.net:8750.</translation>
    </message>
    <message>
        <source>Name the file that holds your API token (an administrator makes one with &apos;routerlens-serve token create&apos;).</source>
        <translation>Indiquez le fichier qui contient votre jeton d&apos;API (un administrateur en crée un avec « routerlens-serve token create »).</translation>
    </message>
    <message>
        <source>The CA certificate %1 cannot be read.</source>
        <translation>Le certificat de l&apos;AC %1 ne peut pas être lu.</translation>
    </message>
</context>
<context>
    <name>rl::ConnectionEditDialog</name>
    <message>
        <source>Add connection</source>
        <translation>Ajouter une connexion</translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation>Modifier la connexion %1</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>Cli&amp;ent :</translation>
    </message>
    <message>
        <source>&amp;Provider router:</source>
        <translation>Routeur &amp;fournisseur :</translation>
    </message>
    <message>
        <source>&amp;VLAN:</source>
        <translation>&amp;VLAN :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Provider IPv&amp;4 address:</source>
        <translation>Adresse IPv&amp;4 fournisseur :</translation>
    </message>
    <message>
        <source>Provider IPv&amp;6 address:</source>
        <translation>Adresse IPv&amp;6 fournisseur :</translation>
    </message>
    <message>
        <source>Provider V&amp;RF:</source>
        <translation>V&amp;RF fournisseur :</translation>
    </message>
    <message>
        <source>global table</source>
        <translation>table globale</translation>
    </message>
    <message>
        <source>Customer &amp;router:</source>
        <translation>&amp;Routeur client :</translation>
    </message>
    <message>
        <source>Customer IPv4 a&amp;ddress:</source>
        <translation>A&amp;dresse IPv4 client :</translation>
    </message>
    <message>
        <source>&amp;MTU both ends use:</source>
        <translation>&amp;MTU des deux extrémités :</translation>
    </message>
    <message>
        <source>not agreed</source>
        <translation>non convenue</translation>
    </message>
    <message>
        <source>Prefix &amp;limit:</source>
        <translation>&amp;Limite de préfixes :</translation>
    </message>
    <message>
        <source>E&amp;xpected prefixes:</source>
        <translation>Préfi&amp;xes attendus :</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <source>not in the inventory</source>
        <translation>pas dans l&apos;inventaire</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number: write digits only, or leave the field empty for none.</source>
        <translation>« %1 » n&apos;est pas un nombre entier : n&apos;écrivez que des chiffres, ou laissez le champ vide pour aucun.</translation>
    </message>
    <message>
        <source>Provider i&amp;nterface:</source>
        <translation>I&amp;nterface fournisseur :</translation>
    </message>
    <message>
        <source>Inn&amp;er VLAN:</source>
        <translation>VLAN int&amp;erne :</translation>
    </message>
    <message>
        <source>Provider A&amp;S:</source>
        <translation>A&amp;S fournisseur :</translation>
    </message>
    <message>
        <source>Customer in&amp;terface:</source>
        <translation>In&amp;terface client :</translation>
    </message>
    <message>
        <source>Cust&amp;omer IPv6 address:</source>
        <translation>Adresse IPv6 client :</translation>
    </message>
    <message>
        <source>Customer AS:</source>
        <translation>AS client :</translation>
    </message>
    <message>
        <source>Customer VRF:</source>
        <translation>VRF client :</translation>
    </message>
    <message>
        <source>Provider end</source>
        <translation>Extrémité fournisseur</translation>
    </message>
    <message>
        <source>Customer end</source>
        <translation>Extrémité client</translation>
    </message>
    <message>
        <source>What to expect</source>
        <translation>Ce qui est attendu</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosisMapView</name>
    <message>
        <source>Diagnosis map</source>
        <translation>Carte du diagnostic</translation>
    </message>
    <message>
        <source>The layers appear here when the diagnosis has run.</source>
        <translation>Les couches apparaissent ici une fois le diagnostic terminé.</translation>
    </message>
    <message>
        <source>AS not set</source>
        <translation>AS non renseigné</translation>
    </message>
    <message>
        <source>customer · %1</source>
        <translation>client · %1</translation>
    </message>
    <message>
        <source>Customer router</source>
        <translation>Routeur du client</translation>
    </message>
    <message>
        <source>not in the inventory</source>
        <translation>absent de l’inventaire</translation>
    </message>
    <message>
        <source>checked from the provider end only</source>
        <translation>vérifié du côté opérateur seulement</translation>
    </message>
    <message>
        <source>provider · %1</source>
        <translation>opérateur · %1</translation>
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
        <translation>non étiqueté</translation>
    </message>
    <message>
        <source>MTU %1</source>
        <translation>MTU %1</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>%1 · likely cause</source>
        <translation>%1 · cause probable</translation>
    </message>
    <message>
        <source>%1 · cause</source>
        <translation>%1 · cause</translation>
    </message>
    <message>
        <source>prefix limit %1</source>
        <translation>limite de %1 préfixes</translation>
    </message>
    <message>
        <source>not on this end</source>
        <translation>pas de ce côté</translation>
    </message>
    <message>
        <source>MTU: ends compared</source>
        <translation>MTU : côtés comparés</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosisModel</name>
    <message>
        <source>Management</source>
        <translation>Gestion</translation>
    </message>
    <message>
        <source>Optics</source>
        <translation>Optique</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
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
        <translation>Routes IPv4</translation>
    </message>
    <message>
        <source>Routes IPv6</source>
        <translation>Routes IPv6</translation>
    </message>
    <message>
        <source>Route lookup</source>
        <translation>Recherche de route</translation>
    </message>
    <message>
        <source>Lookup IPv4</source>
        <translation>Recherche IPv4</translation>
    </message>
    <message>
        <source>Lookup IPv6</source>
        <translation>Recherche IPv6</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>ALERTE</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>DÉFAUT</translation>
    </message>
    <message>
        <source>CANNOT-CHECK</source>
        <translation>NON VÉRIFIABLE</translation>
    </message>
    <message>
        <source>customer end</source>
        <translation>côté client</translation>
    </message>
    <message>
        <source>provider end</source>
        <translation>côté opérateur</translation>
    </message>
    <message>
        <source>both ends</source>
        <translation>les deux côtés</translation>
    </message>
    <message>
        <source>Advice: %1</source>
        <translation>Conseil : %1</translation>
    </message>
    <message>
        <source>Changed in the last run.</source>
        <translation>Modifié lors du dernier passage.</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Customer router</source>
        <translation>Routeur du client</translation>
    </message>
    <message>
        <source>Provider router</source>
        <translation>Routeur de l’opérateur</translation>
    </message>
    <message>
        <source>This check is not made on this end.</source>
        <translation>Cette vérification ne se fait pas de ce côté.</translation>
    </message>
    <message>
        <source>Not checked on this end: its router is not in the inventory, not visible to you, or was not asked.</source>
        <translation>Non vérifié de ce côté : son routeur est absent de l’inventaire, invisible pour vous ou n’a pas été interrogé.</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosisTab</name>
    <message>
        <source>Run &amp;again</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Surveiller</translation>
    </message>
    <message>
        <source>Run the diagnosis again at this interval with live answers, and list what changed</source>
        <translation>Relancer le diagnostic à cet intervalle avec des réponses fraîches et lister ce qui a changé</translation>
    </message>
    <message>
        <source>every </source>
        <translation>toutes les </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Watch interval in seconds</source>
        <translation>Intervalle de surveillance en secondes</translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation>Exporter en &amp;HTML…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Of:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Open in a result tab</source>
        <translation>&amp;Ouvrir dans un onglet de résultats</translation>
    </message>
    <message>
        <source>Show these records as a normal result table: filter, compare, export</source>
        <translation>Afficher ces enregistrements dans un tableau de résultats normal : filtrer, comparer, exporter</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Records read</source>
        <translation>Enregistrements lus</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <source>Asking both ends…</source>
        <translation>Interrogation des deux côtés…</translation>
    </message>
    <message>
        <source>%1 of %2 answers…</source>
        <translation>%1 réponses sur %2…</translation>
    </message>
    <message>
        <source>Click a layer on the map to see its finding, advice and the records it read.</source>
        <translation>Cliquez sur une couche de la carte pour voir son constat, son conseil et les enregistrements lus.</translation>
    </message>
    <message>
        <source>The diagnosis asks both routers for every layer; the result appears here.</source>
        <translation>Le diagnostic interroge les deux routeurs pour chaque couche ; le résultat s’affiche ici.</translation>
    </message>
    <message>
        <source> · the likely cause</source>
        <translation> · la cause probable</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Constat :</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>Conseil :</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Preuves :</translation>
    </message>
    <message>
        <source>This check read no records of its own; it rests on the values above.</source>
        <translation>Cette vérification n’a lu aucun enregistrement propre ; elle repose sur les valeurs ci-dessus.</translation>
    </message>
    <message>
        <source>Diagnosing %1 from both ends, layer by layer…</source>
        <translation>Diagnostic de %1 des deux côtés, couche par couche…</translation>
    </message>
    <message>
        <source>No diagnosis yet for %1.</source>
        <translation>Pas encore de diagnostic pour %1.</translation>
    </message>
    <message>
        <source>Likely cause: %1, %2 (%3): %4</source>
        <translation>Cause probable : %1, %2 (%3) : %4</translation>
    </message>
    <message>
        <source>No fault found, but some layers could not be checked: they are unknown, not fine.</source>
        <translation>Aucun défaut trouvé, mais certaines couches n’ont pas pu être vérifiées : elles sont inconnues, pas correctes.</translation>
    </message>
    <message>
        <source>Every check passed on both ends of %1.</source>
        <translation>Toutes les vérifications sont passées des deux côtés de %1.</translation>
    </message>
    <message>
        <source>Running… %1</source>
        <translation>En cours… %1</translation>
    </message>
    <message>
        <source>Last run %1, took %2 s</source>
        <translation>Dernier passage %1, durée %2 s</translation>
    </message>
    <message>
        <source>Shown %1</source>
        <translation>Affiché %1</translation>
    </message>
    <message numerus="yes">
        <source>%n watch tick(s) skipped while a run was still going</source>
        <translation>
            <numerusform>%n passage de surveillance sauté, un diagnostic était en cours</numerusform>
            <numerusform>%n passages de surveillance sautés, un diagnostic était en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>finding changed: %1</source>
        <translation>constat modifié : %1</translation>
    </message>
    <message>
        <source>%1 on %2 rose: %3 → %4</source>
        <translation>%1 sur %2 en hausse : %3 → %4</translation>
    </message>
    <message>
        <source>session %1 went down and came back (up %2 s, was up %3 s)</source>
        <translation>la session %1 est tombée puis revenue (établie depuis %2 s, avant %3 s)</translation>
    </message>
    <message>
        <source>now checked: %1</source>
        <translation>vérifié maintenant : %1</translation>
    </message>
    <message>
        <source>no longer checked (was %1)</source>
        <translation>plus vérifié (était %1)</translation>
    </message>
    <message>
        <source>likely cause: %1 → %2</source>
        <translation>cause probable : %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Before: %1
Now: %2</source>
        <translation>Avant : %1
Maintenant : %2</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Changements (%1)</translation>
    </message>
    <message>
        <source>Nothing to export yet: the diagnosis has not finished.</source>
        <translation>Rien à exporter pour l’instant : le diagnostic n’est pas terminé.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Diagnosis of %1</source>
        <translation>Diagnostic de %1</translation>
    </message>
    <message>
        <source>Export diagnosis as HTML</source>
        <translation>Exporter le diagnostic en HTML</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Rapport HTML (*.html)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Export diagnosis as CSV</source>
        <translation>Exporter le diagnostic en CSV</translation>
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
        <translation>%1 : préfixes reçus et envoyés par voisin BGP</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçus</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyés</translation>
    </message>
    <message>
        <source>%1: error counters over time</source>
        <translation>%1 : compteurs d’erreurs dans le temps</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 erreurs</translation>
    </message>
    <message>
        <source>%1 tag drops</source>
        <translation>%1 rejets de tag</translation>
    </message>
    <message>
        <source>%1: optical receive power against thresholds (dBm)</source>
        <translation>%1 : puissance optique reçue face aux seuils (dBm)</translation>
    </message>
    <message>
        <source>Rx power</source>
        <translation>Puissance Rx</translation>
    </message>
    <message>
        <source>low warning</source>
        <translation>seuil bas</translation>
    </message>
    <message>
        <source>high warning</source>
        <translation>seuil haut</translation>
    </message>
    <message>
        <source>dBm</source>
        <translation>dBm</translation>
    </message>
    <message>
        <source>No chart for this query; charts cover BGP status, link status, VLAN errors and optics.</source>
        <translation>Pas de graphique pour cette requête ; les graphiques couvrent l’état BGP, l’état des liens, les erreurs VLAN et l’optique.</translation>
    </message>
    <message>
        <source>fetched at</source>
        <translation>récupéré à</translation>
    </message>
</context>
<context>
    <name>rl::InventoryEditorDialog</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Provider router</source>
        <translation>Routeur fournisseur</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Customer router</source>
        <translation>Routeur client</translation>
    </message>
    <message>
        <source>Provider AS</source>
        <translation>AS fournisseur</translation>
    </message>
    <message>
        <source>Customer AS</source>
        <translation>AS client</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Edit inventory · %1</source>
        <translation>Modifier l&apos;inventaire · %1</translation>
    </message>
    <message>
        <source>Changes are checked as RouterLens reads the file, and written to %1 when you save. What this editor does not show (comments, credentials, TLS settings, other tags) is kept as it is.</source>
        <translation>Les modifications sont vérifiées comme RouterLens lit le fichier, et écrites dans %1 à l&apos;enregistrement. Ce que cet éditeur ne montre pas (commentaires, identifiants, réglages TLS, autres étiquettes) reste tel quel.</translation>
    </message>
    <message>
        <source>%1 is not a RouterLens JSON file, so it is not overwritten: save your changes as a new JSON file, which the window then opens.</source>
        <translation>%1 n&apos;est pas un fichier JSON RouterLens, il n&apos;est donc pas écrasé : enregistrez vos modifications dans un nouveau fichier JSON, que la fenêtre ouvre ensuite.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Ro&amp;uters</source>
        <translation>Ro&amp;uteurs</translation>
    </message>
    <message>
        <source>Co&amp;nnections</source>
        <translation>Co&amp;nnexions</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>Save as &amp;JSON…</source>
        <translation>Enregistrer en &amp;JSON…</translation>
    </message>
    <message>
        <source>Save inventory as JSON</source>
        <translation>Enregistrer l&apos;inventaire en JSON</translation>
    </message>
    <message>
        <source>RouterLens JSON (*.json)</source>
        <translation>JSON RouterLens (*.json)</translation>
    </message>
    <message>
        <source>%1 is the file the inventory was read from, in another form; choose a new file name ending in .json.</source>
        <translation>%1 est le fichier d&apos;où l&apos;inventaire a été lu, dans un autre format ; choisissez un nouveau nom de fichier se terminant par .json.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Not saved: %1 changed on disk since the editor opened it. Cancel, and open the editor again to edit the file as it is now.</source>
        <translation>Non enregistré : %1 a changé sur le disque depuis que l&apos;éditeur l&apos;a ouvert. Annulez, puis rouvrez l&apos;éditeur pour modifier le fichier tel qu&apos;il est maintenant.</translation>
    </message>
    <message>
        <source>Not saved: cannot write %1 (%2).</source>
        <translation>Non enregistré : impossible d&apos;écrire %1 (%2).</translation>
    </message>
</context>
<context>
    <name>rl::InventoryPanel</name>
    <message>
        <source>&amp;Group by</source>
        <translation>&amp;Grouper par</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Search routers (Ctrl+F)</source>
        <translation>Rechercher des routeurs (Ctrl+F)</translation>
    </message>
    <message>
        <source>(no site)</source>
        <translation>(sans site)</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>(sans client)</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>(no connection)</source>
        <translation>(sans connexion)</translation>
    </message>
    <message>
        <source>Customer › connection</source>
        <translation>Client › connexion</translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation>VLAN %1</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>non étiqueté</translation>
    </message>
    <message>
        <source>AS%1 · %2</source>
        <translation>AS%1 · %2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Connection %1 of %2</source>
        <translation>Connexion %1 de %2</translation>
    </message>
    <message>
        <source>Provider end: %1 %2</source>
        <translation>Côté opérateur : %1 %2</translation>
    </message>
    <message>
        <source>Customer end: %1</source>
        <translation>Côté client : %1</translation>
    </message>
    <message>
        <source>router not in the inventory</source>
        <translation>routeur absent de l’inventaire</translation>
    </message>
    <message>
        <source>%1 (not visible to you)</source>
        <translation>%1 (non visible pour vous)</translation>
    </message>
    <message>
        <source>VLAN: %1</source>
        <translation>VLAN : %1</translation>
    </message>
    <message>
        <source>Provider addresses: %1</source>
        <translation>Adresses de l’opérateur : %1</translation>
    </message>
    <message>
        <source>Customer addresses: %1</source>
        <translation>Adresses du client : %1</translation>
    </message>
    <message>
        <source>ASNs: provider %1, customer %2</source>
        <translation>Numéros d’AS : opérateur %1, client %2</translation>
    </message>
    <message>
        <source>MTU: %1</source>
        <translation>MTU : %1</translation>
    </message>
    <message>
        <source>Prefix limit: %1</source>
        <translation>Limite de préfixes : %1</translation>
    </message>
    <message>
        <source>Expected prefixes: %1</source>
        <translation>Préfixes attendus : %1</translation>
    </message>
    <message>
        <source>Right-click to diagnose it (Ctrl+Shift+D).</source>
        <translation>Clic droit pour la diagnostiquer (Ctrl+Maj+D).</translation>
    </message>
    <message>
        <source>Diagnose connection</source>
        <translation>Diagnostiquer la connexion</translation>
    </message>
    <message>
        <source>Diagnose %1</source>
        <translation>Diagnostiquer %1</translation>
    </message>
    <message>
        <source>Choose a connection&apos;s row (group by connection) or one of its routers</source>
        <translation>Choisissez la ligne d’une connexion (regroupement par connexion) ou un de ses routeurs</translation>
    </message>
    <message>
        <source>none agreed (the two ends are compared)</source>
        <translation>aucune convenue (les deux côtés sont comparés)</translation>
    </message>
    <message>
        <source>SSH settings of %1…</source>
        <translation>Réglages SSH de %1…</translation>
    </message>
</context>
<context>
    <name>rl::KnownHostDialog</name>
    <message>
        <source>Unknown host key — %1</source>
        <translation>Clé d’hôte inconnue — %1</translation>
    </message>
    <message>
        <source>RouterLens has not seen &lt;b&gt;%1&lt;/b&gt;&apos;s SSH host key before. Compare the fingerprint below with the one its owner published. Trust it only if they match: a different key can mean someone is in between.</source>
        <translation>RouterLens ne connaît pas encore la clé d’hôte SSH de &lt;b&gt;%1&lt;/b&gt;. Comparez l’empreinte ci-dessous avec celle publiée par son exploitant. Ne lui faites confiance que si elles concordent : une clé différente peut signifier qu’un tiers s’est interposé.</translation>
    </message>
    <message>
        <source>Key type: %1</source>
        <translation>Type de clé : %1</translation>
    </message>
    <message>
        <source>Trust and remember</source>
        <translation>Faire confiance et mémoriser</translation>
    </message>
    <message>
        <source>Do not trust</source>
        <translation>Ne pas faire confiance</translation>
    </message>
</context>
<context>
    <name>rl::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>rl::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>RouterLens</source>
        <translation>RouterLens</translation>
    </message>
    <message>
        <source>Cancel the running query (Esc)</source>
        <translation>Annuler la requête en cours (Échap)</translation>
    </message>
    <message>
        <source>Check routers on the left, choose a query, press Ctrl+Return.</source>
        <translation>Cochez des routeurs à gauche, choisissez une requête, appuyez sur Ctrl+Entrée.</translation>
    </message>
    <message>
        <source>Result store: %1</source>
        <translation>Réponses enregistrées : %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Store: %n warning(s)</source>
        <translation>
            <numerusform>⚠ Enregistrement : %n avertissement</numerusform>
            <numerusform>⚠ Enregistrement : %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>&amp;Exporter le tableau en CSV…</translation>
    </message>
    <message>
        <source>Export table as &amp;JSON…</source>
        <translation>Exporter le tableau en &amp;JSON…</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>Exporter en JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export &amp;session report…</source>
        <translation>Exporter le rapport de &amp;session…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Requête</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Find router</source>
        <translation>Rechercher un routeur</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Paste box…</source>
        <translation>Zone de &amp;collage…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n routers</source>
        <translation>
            <numerusform>%1 · %n routeur</numerusform>
            <numerusform>%1 · %n routeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n router(s)…</source>
        <translation>
            <numerusform>Interrogation de %n routeur…</numerusform>
            <numerusform>Interrogation de %n routeurs…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 routers answered…</source>
        <translation>%1 routeurs sur %2 ont répondu…</translation>
    </message>
    <message>
        <source>Done: %1 of %2 routers failed; their errors are in the table.</source>
        <translation>Terminé : %1 routeurs sur %2 ont échoué ; leurs erreurs sont dans le tableau.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n router(s) answered.</source>
        <translation>
            <numerusform>Terminé : %n routeur a répondu.</numerusform>
            <numerusform>Terminé : %n routeurs ont répondu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings not applied</source>
        <translation>Paramètres non appliqués</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Session report</source>
        <translation>Rapport de session</translation>
    </message>
    <message>
        <source>HTML (*.html);;CSV (*.csv)</source>
        <translation>HTML (*.html);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>RouterLens session report</source>
        <translation>Rapport de session RouterLens</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>&amp;Diagnose connection</source>
        <translation>&amp;Diagnostiquer la connexion</translation>
    </message>
    <message>
        <source>Diagnose the chosen connection from both ends, layer by layer (Ctrl+Shift+D)</source>
        <translation>Diagnostiquer la connexion choisie des deux côtés, couche par couche (Ctrl+Maj+D)</translation>
    </message>
    <message>
        <source>No connection &quot;%1&quot; in the inventory you can see.</source>
        <translation>Aucune connexion « %1 » dans l’inventaire que vous voyez.</translation>
    </message>
    <message>
        <source>Diagnosis of %1 done.</source>
        <translation>Diagnostic de %1 terminé.</translation>
    </message>
    <message>
        <source>Diagnosis · %1</source>
        <translation>Diagnostic · %1</translation>
    </message>
    <message>
        <source>Diagnosing %1 from both ends…</source>
        <translation>Diagnostic de %1 des deux côtés…</translation>
    </message>
    <message>
        <source>The inventory has no connection you can diagnose.</source>
        <translation>L’inventaire ne contient aucune connexion que vous pouvez diagnostiquer.</translation>
    </message>
    <message>
        <source>Diagnose connection</source>
        <translation>Diagnostiquer la connexion</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connexion :</translation>
    </message>
    <message>
        <source>%1 · evidence</source>
        <translation>%1 · preuves</translation>
    </message>
    <message>
        <source>Topology &amp;map</source>
        <translation>Carte &amp;topologique</translation>
    </message>
    <message>
        <source>Topology map of a &amp;customer…</source>
        <translation>Carte topologique d’un &amp;client…</translation>
    </message>
    <message>
        <source>The inventory has no connections to map.</source>
        <translation>L’inventaire ne contient aucune connexion à cartographier.</translation>
    </message>
    <message>
        <source>Topology map</source>
        <translation>Carte topologique</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <source>Check the routers to map on the left first.</source>
        <translation>Cochez d’abord à gauche les routeurs à cartographier.</translation>
    </message>
    <message>
        <source>&amp;Open inventory…</source>
        <translation>&amp;Ouvrir un inventaire…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>Re&amp;load inventory</source>
        <translation>&amp;Recharger l’inventaire</translation>
    </message>
    <message>
        <source>Open the &amp;demo lab</source>
        <translation>Ouvrir le laboratoire de &amp;démonstration</translation>
    </message>
    <message>
        <source>The inventory could not be opened.</source>
        <translation>L’inventaire n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>%1 was not opened.</source>
        <translation>%1 n’a pas été ouvert.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n router(s).</source>
        <translation>
            <numerusform>%1 ouvert : %n routeur.</numerusform>
            <numerusform>%1 ouvert : %n routeurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The inventory could not be read again.</source>
        <translation>L’inventaire n’a pas pu être relu.</translation>
    </message>
    <message>
        <source>⚠ Inventory not reloaded</source>
        <translation>⚠ Inventaire non rechargé</translation>
    </message>
    <message>
        <source>%1 changed but could not be read; the routers shown are those read before.</source>
        <translation>%1 a changé mais n’a pas pu être lu ; les routeurs affichés sont ceux lus auparavant.</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %1: %n router(s).</source>
        <translation>
            <numerusform>%1 rechargé : %n routeur.</numerusform>
            <numerusform>%1 rechargé : %n routeurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inventories (*.json *.yaml *.yml *.ini *.csv hosts inventory)</source>
        <translation>Inventaires (*.json *.yaml *.yml *.ini *.csv hosts inventory)</translation>
    </message>
    <message>
        <source>RouterLens JSON (*.json)</source>
        <translation>JSON RouterLens (*.json)</translation>
    </message>
    <message>
        <source>Nornir hosts file (*.yaml *.yml)</source>
        <translation>Fichier d’hôtes Nornir (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Ansible inventory, INI or YAML (*.ini *.yaml *.yml hosts inventory)</source>
        <translation>Inventaire Ansible, INI ou YAML (*.ini *.yaml *.yml hosts inventory)</translation>
    </message>
    <message>
        <source>CSV, one router per row (*.csv)</source>
        <translation>CSV, un routeur par ligne (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open inventory</source>
        <translation>Ouvrir un inventaire</translation>
    </message>
    <message>
        <source>No recent inventories</source>
        <translation>Aucun inventaire récent</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (introuvable)</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 n’existe plus.</translation>
    </message>
    <message>
        <source>Remove &amp;missing entries</source>
        <translation>Retirer les entrées &amp;introuvables</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all in this message&apos;s tooltip and in the log).</source>
        <translation>
            <numerusform>… et %n de plus (toutes dans l’infobulle de ce message et dans le journal).</numerusform>
            <numerusform>… et %n de plus (toutes dans l’infobulle de ce message et dans le journal).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was read with %n warning(s):</source>
        <translation>
            <numerusform>%1 a été lu avec %n avertissement :</numerusform>
            <numerusform>%1 a été lu avec %n avertissements :</numerusform>
        </translation>
    </message>
    <message>
        <source>The routers shown stay as they were.</source>
        <translation>Les routeurs affichés restent tels quels.</translation>
    </message>
    <message>
        <source>No inventory is open.</source>
        <translation>Aucun inventaire n’est ouvert.</translation>
    </message>
    <message>
        <source>Open your inventory (RouterLens JSON, Nornir or Ansible YAML, Ansible INI, CSV) with File &gt; Open inventory… or drop the file on this window, or look around in the built-in demo lab.</source>
        <translation>Ouvrez votre inventaire (JSON RouterLens, YAML Nornir ou Ansible, INI Ansible, CSV) avec Fichier &gt; Ouvrir un inventaire… ou déposez le fichier sur cette fenêtre, ou explorez le laboratoire de démonstration intégré.</translation>
    </message>
    <message>
        <source>Diagnosis · %1 (not in the inventory)</source>
        <translation>Diagnostic · %1 (absent de l’inventaire)</translation>
    </message>
    <message>
        <source>The inventory no longer has connection %1; its last diagnosis stays here.</source>
        <translation>L’inventaire ne contient plus la connexion %1 ; son dernier diagnostic reste ici.</translation>
    </message>
    <message>
        <source>%1 — RouterLens</source>
        <translation>%1 — RouterLens</translation>
    </message>
    <message>
        <source>Demo lab — RouterLens</source>
        <translation>Laboratoire de démonstration — RouterLens</translation>
    </message>
    <message>
        <source>SSH settings of %1</source>
        <translation>Réglages SSH de %1</translation>
    </message>
    <message>
        <source>What an SSH session to %1 uses, and where each value comes from: the inventory, the ssh config (file and line) or RouterLens&apos;s default. Nothing is connected.</source>
        <translation>Ce qu&apos;une session SSH vers %1 utilise, et d&apos;où vient chaque valeur : l&apos;inventaire, la configuration ssh (fichier et ligne) ou la valeur par défaut de RouterLens. Aucune connexion n&apos;est établie.</translation>
    </message>
    <message>
        <source>&amp;Edit inventory…</source>
        <translation>Modifier l&apos;in&amp;ventaire…</translation>
    </message>
    <message>
        <source>Add, change and remove routers and connections of the inventory file shown</source>
        <translation>Ajouter, modifier et supprimer les routeurs et connexions du fichier d&apos;inventaire affiché</translation>
    </message>
    <message>
        <source>Reading %1 again (%2 MiB)…</source>
        <translation>Relecture de %1 (%2 Mio)…</translation>
    </message>
    <message>
        <source>Reading %1 (%2 MiB)…</source>
        <translation>Lecture de %1 (%2 Mio)…</translation>
    </message>
    <message>
        <source>Open an inventory file first (File &gt; Open inventory…); the demo lab cannot be edited.</source>
        <translation>Ouvrez d&apos;abord un fichier d&apos;inventaire (Fichier &gt; Ouvrir un inventaire…) ; le labo de démonstration ne se modifie pas.</translation>
    </message>
    <message>
        <source>The inventory cannot be edited.</source>
        <translation>L&apos;inventaire ne peut pas être modifié.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>The inventory cannot be edited until the file reads again.</source>
        <translation>L&apos;inventaire ne peut être modifié tant que le fichier ne se lit pas à nouveau.</translation>
    </message>
    <message>
        <source>Saved %1; reading it again…</source>
        <translation>%1 enregistré ; relecture…</translation>
    </message>
    <message>
        <source>&amp;Connect to a service…</source>
        <translation>Se &amp;connecter à un service…</translation>
    </message>
    <message>
        <source>Use a routerlens-serve instead of this computer&apos;s engine, as the client of your API token</source>
        <translation>Utiliser un routerlens-serve au lieu du moteur de cet ordinateur, au nom du client de votre jeton d&apos;API</translation>
    </message>
    <message>
        <source>The service did not answer the query</source>
        <translation>Le service n&apos;a pas répondu à la requête</translation>
    </message>
    <message>
        <source>%1 was not opened</source>
        <translation>%1 n&apos;a pas été ouvert</translation>
    </message>
    <message>
        <source>This window uses a RouterLens service: its routers are the ones your token may see there.</source>
        <translation>Cette fenêtre utilise un service RouterLens : ses routeurs sont ceux que votre jeton peut y voir.</translation>
    </message>
    <message>
        <source>%1 at %2 — RouterLens</source>
        <translation>%1 sur %2 — RouterLens</translation>
    </message>
    <message>
        <source>The service reaches the routers with its own SSH settings; they are not shown here.</source>
        <translation>Le service joint les routeurs avec ses propres réglages SSH ; ils ne sont pas affichés ici.</translation>
    </message>
    <message numerus="yes">
        <source>Using the RouterLens service at %1 as %2: %n router(s) you may see.</source>
        <translation>
            <numerusform>Service RouterLens à %1 en tant que %2 : %n routeur visible pour vous.</numerusform>
            <numerusform>Service RouterLens à %1 en tant que %2 : %n routeurs visibles pour vous.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use the RouterLens service at %1</source>
        <translation>Impossible d&apos;utiliser le service RouterLens à %1</translation>
    </message>
    <message>
        <source>The service did not answer</source>
        <translation>Le service n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>Not available while this window uses the RouterLens service at %1: the service keeps the inventory, the host keys, the engine settings and the health schedules.</source>
        <translation>Indisponible tant que cette fenêtre utilise le service RouterLens à %1 : le service gère l&apos;inventaire, les clés d&apos;hôte, les réglages du moteur et les relevés d&apos;état planifiés.</translation>
    </message>
    <message>
        <source>Connecting to the RouterLens service at %1…</source>
        <translation>Connexion au service RouterLens à %1…</translation>
    </message>
    <message>
        <source>The routers and connections your token may see appear when the service has answered.</source>
        <translation>Les routeurs et les connexions que votre jeton peut voir apparaissent dès que le service a répondu.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n s.</source>
        <translation>
            <numerusform>Réessayez dans %n s.</numerusform>
            <numerusform>Réessayez dans %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The results shown stay as they are.</source>
        <translation>Les résultats affichés restent tels quels.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Service %1 · not connected</source>
        <translation>Service %1 · non connecté</translation>
    </message>
    <message>
        <source>%1 (%2, customer %3)</source>
        <translation>%1 (%2, client %3)</translation>
    </message>
    <message>
        <source>Service %1 · %2</source>
        <translation>Service %1 · %2</translation>
    </message>
    <message>
        <source>Queries and diagnoses go to the RouterLens service at %1, as the client its token stands for: %2.</source>
        <translation>Les requêtes et les diagnostics vont au service RouterLens à %1, au nom du client que représente le jeton : %2.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Read the routers and connections from the RouterLens service at %1 again</source>
        <translation>Relire les routeurs et les connexions depuis le service RouterLens à %1</translation>
    </message>
    <message>
        <source>&amp;Usage…</source>
        <translation>&amp;Utilisation…</translation>
    </message>
    <message>
        <source>Not available while this window uses the RouterLens service at %1: its usage per client and router is at the service&apos;s /v1/usage and /metrics, for staff tokens.</source>
        <translation>Indisponible tant que cette fenêtre utilise le service RouterLens à %1 : son utilisation par client et par routeur se lit sur /v1/usage et /metrics du service, avec un jeton du personnel.</translation>
    </message>
</context>
<context>
    <name>rl::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>rl::PasteBoxDialog</name>
    <message>
        <source>Paste box — read a router&apos;s output offline</source>
        <translation>Zone de collage — lire la sortie d’un routeur hors ligne</translation>
    </message>
    <message>
        <source>Paste the output of a show command here…</source>
        <translation>Collez ici la sortie d’une commande show…</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Paste some output to see it as a table.</source>
        <translation>Collez une sortie pour la voir sous forme de tableau.</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>collé</translation>
    </message>
    <message numerus="yes">
        <source>Read as the output of “%1”: %n row(s).</source>
        <translation>
            <numerusform>Lu comme la sortie de « %1 » : %n ligne.</numerusform>
            <numerusform>Lu comme la sortie de « %1 » : %n lignes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::QueryBar</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <source>e.g. 198.51.100.1</source>
        <translation>p. ex. 198.51.100.1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.7</source>
        <translation>p. ex. 203.0.113.7</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>always ask</source>
        <translation>toujours interroger</translation>
    </message>
    <message>
        <source>The oldest stored answer accepted instead of asking the router</source>
        <translation>La réponse enregistrée la plus ancienne acceptée au lieu d’interroger le routeur</translation>
    </message>
    <message>
        <source>Run the query on the checked routers (Ctrl+Return)</source>
        <translation>Exécuter la requête sur les routeurs cochés (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Requête</translation>
    </message>
    <message>
        <source>&amp;Neighbor</source>
        <translation>&amp;Voisin</translation>
    </message>
    <message>
        <source>&amp;VRF</source>
        <translation>&amp;VRF</translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation>&amp;Famille</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>&amp;Interface</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>&amp;Destination</translation>
    </message>
    <message>
        <source>Max &amp;age</source>
        <translation>Âge m&amp;ax.</translation>
    </message>
    <message>
        <source>Required for this query</source>
        <translation>Obligatoire pour cette requête</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Check one or more routers on the left.</source>
        <translation>Cochez un ou plusieurs routeurs à gauche.</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n router(s)</source>
        <translation>
            <numerusform>%1 sur %n routeur</numerusform>
            <numerusform>%1 sur %n routeurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::RecordTableModel</name>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>collé</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>live</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>Commands sent:
%1</source>
        <translation>Commandes envoyées :
%1</translation>
    </message>
    <message>
        <source>Fetched at %1 UTC</source>
        <translation>Récupéré à %1 UTC</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Answer age</source>
        <translation>Âge de la réponse</translation>
    </message>
    <message>
        <source>Identifies a row when comparing answers</source>
        <translation>Identifie une ligne lors de la comparaison des réponses</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
</context>
<context>
    <name>rl::Records</name>
    <message>
        <source>Hostname</source>
        <translation>Nom d’hôte</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Constructeur</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>Version de l’OS</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Oper</source>
        <translation>Opér.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
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
        <translation>Description</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernier changement</translation>
    </message>
    <message>
        <source>In packets</source>
        <translation>Paquets entrants</translation>
    </message>
    <message>
        <source>Out packets</source>
        <translation>Paquets sortants</translation>
    </message>
    <message>
        <source>In errors</source>
        <translation>Erreurs entrantes</translation>
    </message>
    <message>
        <source>Out errors</source>
        <translation>Erreurs sortantes</translation>
    </message>
    <message>
        <source>CRC errors</source>
        <translation>Erreurs CRC</translation>
    </message>
    <message>
        <source>In discards</source>
        <translation>Rejets entrants</translation>
    </message>
    <message>
        <source>Out discards</source>
        <translation>Rejets sortants</translation>
    </message>
    <message>
        <source>VRF</source>
        <translation>VRF</translation>
    </message>
    <message>
        <source>Neighbor</source>
        <translation>Voisin</translation>
    </message>
    <message>
        <source>Address family</source>
        <translation>Famille d’adresses</translation>
    </message>
    <message>
        <source>Local AS</source>
        <translation>AS local</translation>
    </message>
    <message>
        <source>Remote AS</source>
        <translation>AS distant</translation>
    </message>
    <message>
        <source>Remote router ID</source>
        <translation>Router ID distant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>State detail</source>
        <translation>Détail de l’état</translation>
    </message>
    <message>
        <source>Admin enabled</source>
        <translation>Activé (admin)</translation>
    </message>
    <message>
        <source>Up/down for</source>
        <translation>Up/down depuis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptés</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Adresse locale</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Interface parente</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Inner VLAN</source>
        <translation>VLAN interne</translation>
    </message>
    <message>
        <source>Encapsulation</source>
        <translation>Encapsulation</translation>
    </message>
    <message>
        <source>Unknown-tag drops</source>
        <translation>Rejets (tag inconnu)</translation>
    </message>
    <message>
        <source>Mismatched-tag drops</source>
        <translation>Rejets (tag non conforme)</translation>
    </message>
    <message>
        <source>Other drops</source>
        <translation>Autres rejets</translation>
    </message>
    <message>
        <source>Expected VLAN</source>
        <translation>VLAN attendu</translation>
    </message>
    <message>
        <source>Tag check</source>
        <translation>Contrôle du tag</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Next hop</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>Chemin d’AS</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Local pref</source>
        <translation>Local pref</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MED</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Meilleure</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Local interface</source>
        <translation>Interface locale</translation>
    </message>
    <message>
        <source>Remote system</source>
        <translation>Système distant</translation>
    </message>
    <message>
        <source>Remote chassis ID</source>
        <translation>ID de châssis distant</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>Port distant</translation>
    </message>
    <message>
        <source>Remote port description</source>
        <translation>Description du port distant</translation>
    </message>
    <message>
        <source>Remote management address</source>
        <translation>Adresse de gestion distante</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Rx power (dBm)</source>
        <translation>Puissance Rx (dBm)</translation>
    </message>
    <message>
        <source>Tx power (dBm)</source>
        <translation>Puissance Tx (dBm)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Température (°C)</translation>
    </message>
    <message>
        <source>Bias (mA)</source>
        <translation>Polarisation (mA)</translation>
    </message>
    <message>
        <source>Rx low warning (dBm)</source>
        <translation>Seuil bas Rx (dBm)</translation>
    </message>
    <message>
        <source>Rx high warning (dBm)</source>
        <translation>Seuil haut Rx (dBm)</translation>
    </message>
    <message>
        <source>Tx low warning (dBm)</source>
        <translation>Seuil bas Tx (dBm)</translation>
    </message>
    <message>
        <source>Tx high warning (dBm)</source>
        <translation>Seuil haut Tx (dBm)</translation>
    </message>
</context>
<context>
    <name>rl::ResultTab</name>
    <message>
        <source>Only &amp;differences</source>
        <translation>Seulement les &amp;différences</translation>
    </message>
    <message>
        <source>Filter rows (any column) — right-click a column header to filter that column</source>
        <translation>Filtrer les lignes (toutes colonnes) — clic droit sur un en-tête pour filtrer cette colonne</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
    </message>
    <message>
        <source>against the stored answer selected below</source>
        <translation>face à la réponse enregistrée choisie ci-dessous</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Dans le temps</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 lignes sur %2</translation>
    </message>
    <message>
        <source>(request)</source>
        <translation>(requête)</translation>
    </message>
    <message>
        <source>Run the query on two or more routers to compare them.</source>
        <translation>Exécutez la requête sur deux routeurs ou plus pour les comparer.</translation>
    </message>
    <message>
        <source>%1 aligned rows, %2 differ</source>
        <translation>%1 lignes alignées, %2 diffèrent</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n row(s)</source>
        <translation>
            <numerusform>%1 · %n ligne</numerusform>
            <numerusform>%1 · %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Filter “%1”…</source>
        <translation>Filtrer « %1 »…</translation>
    </message>
    <message>
        <source>Filter column</source>
        <translation>Filtrer la colonne</translation>
    </message>
    <message>
        <source>Show rows whose %1 contains (prefix ! to exclude; &lt;, &gt;, = for numbers):</source>
        <translation>Afficher les lignes dont %1 contient (préfixe ! pour exclure ; &lt;, &gt;, = pour les nombres) :</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Effacer tous les filtres</translation>
    </message>
    <message>
        <source>Unsorted (arrival order)</source>
        <translation>Non trié (ordre d’arrivée)</translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation>Masquer « %1 »</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Reset column layout</source>
        <translation>Réinitialiser la disposition des colonnes</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>&amp;Sessions and links</source>
        <translation>&amp;Sessions et liens</translation>
    </message>
    <message>
        <source>Put the two ends of each BGP session, link or route exchange between the compared routers on one row; off: rows aligned by key</source>
        <translation>Placer sur une même ligne les deux côtés de chaque session BGP, lien ou échange de routes entre les routeurs comparés ; désactivé : lignes alignées par clé</translation>
    </message>
</context>
<context>
    <name>rl::RouterEditDialog</name>
    <message>
        <source>Add router</source>
        <translation>Ajouter un routeur</translation>
    </message>
    <message>
        <source>Edit router %1</source>
        <translation>Modifier le routeur %1</translation>
    </message>
    <message>
        <source>none: the SSH agent and ~/.ssh keys</source>
        <translation>aucun : agent SSH et clés de ~/.ssh</translation>
    </message>
    <message>
        <source>address or DNS name</source>
        <translation>adresse ou nom DNS</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Unique; letters, digits and . _ -</source>
        <translation>Unique ; lettres, chiffres et . _ -</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>P&amp;latform:</source>
        <translation>P&amp;lateforme :</translation>
    </message>
    <message>
        <source>A profile of the inventory&apos;s &quot;credentials&quot;; passwords are never written into the file.</source>
        <translation>Un profil des « credentials » de l&apos;inventaire ; les mots de passe ne sont jamais écrits dans le fichier.</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Site :</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>Cli&amp;ent :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <source>%1 when empty</source>
        <translation>%1 si vide</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number: write a number from 1 to 65535, or leave it empty for the transport&apos;s usual port.</source>
        <translation>« %1 » n&apos;est pas un numéro de port : écrivez un nombre de 1 à 65535, ou laissez vide pour le port habituel du transport.</translation>
    </message>
    <message>
        <source>Cre&amp;dentials profile:</source>
        <translation>Profil d&apos;i&amp;dentifiants :</translation>
    </message>
</context>
<context>
    <name>rl::RouterQueueModel</name>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Retenues</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminées</translation>
    </message>
</context>
<context>
    <name>rl::SessionCompare</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familles</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
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
        <translation>AS du pair (configuré)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Up/down for</source>
        <translation>Up/down depuis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Fondement</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Oper</source>
        <translation>Opér.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>In errors</source>
        <translation>Erreurs entrantes</translation>
    </message>
    <message>
        <source>Out errors</source>
        <translation>Erreurs sortantes</translation>
    </message>
    <message>
        <source>CRC errors</source>
        <translation>Erreurs CRC</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Envoyé par</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Reçu par</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Next hop</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>Chemin d’AS</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
</context>
<context>
    <name>rl::SessionComparePanel</name>
    <message>
        <source>All routes</source>
        <translation>Toutes les routes</translation>
    </message>
    <message>
        <source>Sent but not received</source>
        <translation>Envoyées, non reçues</translation>
    </message>
    <message>
        <source>Received but not sent</source>
        <translation>Reçues, non envoyées</translation>
    </message>
    <message>
        <source>Received but rejected</source>
        <translation>Reçues mais rejetées</translation>
    </message>
    <message>
        <source>Not on both sides</source>
        <translation>Pas des deux côtés</translation>
    </message>
    <message>
        <source>Which routes to show: what one end advertises against what the other received</source>
        <translation>Routes à afficher : ce qu’un côté annonce, face à ce que l’autre a reçu</translation>
    </message>
    <message>
        <source>Routes:</source>
        <translation>Routes :</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) with both ends among these routers</source>
        <translation>
            <numerusform>%n lien entre ces routeurs</numerusform>
            <numerusform>%n liens entre ces routeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) with both ends among these routers</source>
        <translation>
            <numerusform>%n session entre ces routeurs</numerusform>
            <numerusform>%n sessions entre ces routeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a mismatch</source>
        <translation>
            <numerusform>%n avec un écart</numerusform>
            <numerusform>%n avec un écart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with the peer not in this comparison</source>
        <translation>
            <numerusform>%n dont le pair est hors de cette comparaison</numerusform>
            <numerusform>%n dont le pair est hors de cette comparaison</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n where the other end cannot be read</source>
        <translation>
            <numerusform>%n dont l’autre côté n’a pas pu être lu</numerusform>
            <numerusform>%n dont l’autre côté n’a pas pu être lu</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a paired session above to compare what each end advertises with what the other received.</source>
        <translation>Choisissez ci-dessus une session appariée pour comparer ce que chaque côté annonce à ce que l’autre a reçu.</translation>
    </message>
    <message>
        <source>Compare two or more routers to see what connects them.</source>
        <translation>Comparez deux routeurs ou plus pour voir ce qui les relie.</translation>
    </message>
    <message>
        <source>Reading the LLDP neighbors of %1 to find the links between them…</source>
        <translation>Lecture des voisins LLDP de %1 pour trouver les liens entre eux…</translation>
    </message>
    <message>
        <source>Reading the BGP sessions of %1 and the routes each end sends the other…</source>
        <translation>Lecture des sessions BGP de %1 et des routes que chaque côté envoie à l’autre…</translation>
    </message>
    <message>
        <source>The session-aware view compares BGP status, link status and routes.</source>
        <translation>La vue par session compare l’état BGP, l’état des liens et les routes.</translation>
    </message>
    <message>
        <source>This session&apos;s other end is not among the compared routers: there is nothing to compare its routes with.</source>
        <translation>L’autre côté de cette session ne fait pas partie des routeurs comparés : il n’y a rien à quoi comparer ses routes.</translation>
    </message>
    <message>
        <source>Routes between %1 and %2:</source>
        <translation>Routes entre %1 et %2 :</translation>
    </message>
    <message>
        <source>Reading what %1 and %2 send each other…</source>
        <translation>Lecture de ce que %1 et %2 s’envoient…</translation>
    </message>
    <message>
        <source>Routes of every paired session:</source>
        <translation>Routes de toutes les sessions appariées :</translation>
    </message>
    <message>
        <source>No routes in either direction.</source>
        <translation>Aucune route dans un sens comme dans l’autre.</translation>
    </message>
    <message numerus="yes">
        <source>%1 shown of %n prefix(es): %2 sent and received, %3 sent but not received, %4 received but not sent, %5 rejected</source>
        <translation>
            <numerusform>Affichage : %1 sur %n préfixe ; envoyés et reçus : %2, envoyés mais non reçus : %3, reçus mais non envoyés : %4, rejetés : %5</numerusform>
            <numerusform>Affichage : %1 sur %n préfixes ; envoyés et reçus : %2, envoyés mais non reçus : %3, reçus mais non envoyés : %4, rejetés : %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot tell</source>
        <translation>
            <numerusform>indéterminable : %n</numerusform>
            <numerusform>indéterminables : %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::SessionComparisonModel</name>
    <message>
        <source>paired</source>
        <translation>apparié</translation>
    </message>
    <message>
        <source>peer not in this comparison</source>
        <translation>pair absent de cette comparaison</translation>
    </message>
    <message>
        <source>other end not found</source>
        <translation>autre côté introuvable</translation>
    </message>
    <message>
        <source>cannot tell</source>
        <translation>indéterminable</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>ambigu</translation>
    </message>
    <message>
        <source>sent and received</source>
        <translation>envoyé et reçu</translation>
    </message>
    <message>
        <source>sent but not received</source>
        <translation>envoyé, non reçu</translation>
    </message>
    <message>
        <source>received but not sent</source>
        <translation>reçu, non envoyé</translation>
    </message>
    <message>
        <source>received but rejected</source>
        <translation>reçu mais rejeté</translation>
    </message>
    <message>
        <source>Cannot tell: %1</source>
        <translation>Indéterminable : %1</translation>
    </message>
    <message>
        <source>%1 · sender</source>
        <translation>%1 · émetteur</translation>
    </message>
    <message>
        <source>%1 · receiver</source>
        <translation>%1 · récepteur</translation>
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
        <translation>Valeur telle que le côté émetteur l’annonce</translation>
    </message>
    <message>
        <source>As the receiving end received it</source>
        <translation>Valeur telle que le côté récepteur l’a reçue</translation>
    </message>
    <message>
        <source>End A: the router left of &lt;-&gt; in the second column</source>
        <translation>Côté A : le routeur à gauche de &lt;-&gt; dans la deuxième colonne</translation>
    </message>
    <message>
        <source>End B: the router right of &lt;-&gt; in the second column</source>
        <translation>Côté B : le routeur à droite de &lt;-&gt; dans la deuxième colonne</translation>
    </message>
</context>
<context>
    <name>rl::SessionReport</name>
    <message>
        <source>Generated</source>
        <translation>Généré</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>live</source>
        <translation>direct</translation>
    </message>
</context>
<context>
    <name>rl::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Rate (/s)</source>
        <translation>Débit (/s)</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Rafale</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Au-delà de la limite</translation>
    </message>
    <message>
        <source>Per client</source>
        <translation>Par client</translation>
    </message>
    <message>
        <source>Per router</source>
        <translation>Par routeur</translation>
    </message>
    <message>
        <source>Network-wide</source>
        <translation>Tout le réseau</translation>
    </message>
    <message>
        <source>Token buckets: the rate is sustained, the burst allowed at once. Changing them needs the admin role.</source>
        <translation>Seaux à jetons : le débit est soutenu, la rafale permise d’un coup. Les modifier exige le rôle admin.</translation>
    </message>
    <message>
        <source>Throttling</source>
        <translation>Limitation</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Délai de connexion</translation>
    </message>
    <message>
        <source>Command timeout</source>
        <translation>Délai de commande</translation>
    </message>
    <message>
        <source>Whole request timeout</source>
        <translation>Délai de la requête entière</translation>
    </message>
    <message>
        <source>Output limit per command</source>
        <translation>Limite de sortie par commande</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>The most one command may answer. A router&apos;s own &quot;maxOutputBytes&quot; in the inventory wins.</source>
        <translation>Le plus qu’une commande peut répondre. Le « maxOutputBytes » propre à un routeur dans l’inventaire l’emporte.</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interne</translation>
    </message>
    <message>
        <source>external</source>
        <translation>externe</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Operator role</source>
        <translation>Rôle de l’opérateur</translation>
    </message>
    <message>
        <source>Timeouts and role</source>
        <translation>Délais et rôle</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Fresh for (s)</source>
        <translation>Valide pendant (s)</translation>
    </message>
    <message>
        <source>Cache ages</source>
        <translation>Âges du cache</translation>
    </message>
    <message>
        <source>credential profile name from the inventory, e.g. lab</source>
        <translation>nom du profil d’identifiants de l’inventaire, p. ex. lab</translation>
    </message>
    <message>
        <source>stored in the OS keychain, never in a file</source>
        <translation>enregistré dans le trousseau du système, jamais dans un fichier</translation>
    </message>
    <message>
        <source>Store in keychain</source>
        <translation>Enregistrer dans le trousseau</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Password or passphrase</source>
        <translation>Mot de passe ou phrase secrète</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Give a profile name and a password first.</source>
        <translation>Indiquez d’abord un nom de profil et un mot de passe.</translation>
    </message>
    <message>
        <source>The keychain refused: %1</source>
        <translation>Le trousseau a refusé : %1</translation>
    </message>
    <message>
        <source>Stored in the OS keychain.</source>
        <translation>Enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>An external operator works for one customer and sees only that customer&apos;s routers and connections. Choose the customer here; internal and admin operators see everything and need none.</source>
        <translation>Un opérateur externe travaille pour un seul client et ne voit que les routeurs et les raccordements de ce client. Choisissez ici le client ; les opérateurs internes et administrateurs voient tout et n&apos;en ont pas besoin.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Utilise</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>Entrée du trousseau</translation>
    </message>
    <message>
        <source>The inventory decides how a profile logs in (&quot;useAgent&quot;, &quot;keyFile&quot;, &quot;secret&quot;). A secret written as keychain:RouterLens/&lt;profile&gt; is read from the OS keychain, where this page stores it.</source>
        <translation>L’inventaire décide comment un profil se connecte (« useAgent », « keyFile », « secret »). Un secret écrit keychain:RouterLens/&lt;profil&gt; est lu dans le trousseau du système, où cette page l’enregistre.</translation>
    </message>
    <message>
        <source>Name a credential profile.</source>
        <translation>Indiquez un profil d’identifiants.</translation>
    </message>
    <message>
        <source>No profile &quot;%1&quot; in the loaded inventory; its secret can still be stored for later.</source>
        <translation>Aucun profil « %1 » dans l’inventaire chargé ; son secret peut quand même être enregistré pour plus tard.</translation>
    </message>
    <message>
        <source>the SSH agent first</source>
        <translation>d’abord l’agent SSH</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>le fichier de clé %1</translation>
    </message>
    <message>
        <source>a password from %1</source>
        <translation>un mot de passe de %1</translation>
    </message>
    <message>
        <source>its passphrase from %1</source>
        <translation>sa phrase de passe de %1</translation>
    </message>
    <message>
        <source>a password from the environment variable %1</source>
        <translation>un mot de passe de la variable d’environnement %1</translation>
    </message>
    <message>
        <source>its passphrase from the environment variable %1</source>
        <translation>sa phrase de passe de la variable d’environnement %1</translation>
    </message>
    <message>
        <source>the login user</source>
        <translation>l’utilisateur de connexion</translation>
    </message>
    <message>
        <source>%1; no key or secret: only the SSH agent could log in, and it is off.</source>
        <translation>%1 ; ni clé ni secret : seul l’agent SSH pourrait se connecter, et il est désactivé.</translation>
    </message>
    <message>
        <source>%1; %2.</source>
        <translation>%1 ; %2.</translation>
    </message>
    <message>
        <source>SSH client config</source>
        <translation>Configuration du client SSH</translation>
    </message>
    <message>
        <source>The OpenSSH client config SSH routers and their jump hosts read (Host, HostName, User, Port, IdentityFile, ProxyJump, …). Empty: ~/.ssh/config; &quot;none&quot;: none. The inventory always wins. New sessions use it.</source>
        <translation>La configuration du client OpenSSH que lisent les routeurs SSH et leurs hôtes de rebond (Host, HostName, User, Port, IdentityFile, ProxyJump, …). Vide : ~/.ssh/config ; &quot;none&quot; : aucune. L&apos;inventaire l&apos;emporte toujours. Les nouvelles sessions l&apos;utilisent.</translation>
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
        <translation>inconnu</translation>
    </message>
    <message>
        <source>the inventory&apos;s connection %1</source>
        <translation>la connexion %1 de l’inventaire</translation>
    </message>
    <message>
        <source>ARP / neighbor discovery: the neighbor&apos;s MAC address is an interface of the other router</source>
        <translation>ARP / Neighbor Discovery : l’adresse MAC du voisin est celle d’une interface de l’autre routeur</translation>
    </message>
    <message>
        <source>LLDP: the neighbor&apos;s management address</source>
        <translation>LLDP : l’adresse de gestion du voisin</translation>
    </message>
    <message>
        <source>the inventory&apos;s address of %1</source>
        <translation>l’adresse de %1 dans l’inventaire</translation>
    </message>
    <message>
        <source>its router id, seen on another session to the same router</source>
        <translation>son router ID, vu sur une autre session vers le même routeur</translation>
    </message>
    <message>
        <source>the AS numbers of connection %1 (it lists no address in this family)</source>
        <translation>les numéros d’AS de la connexion %1 (elle n’indique aucune adresse de cette famille)</translation>
    </message>
    <message>
        <source>AS numbers only: each router has one session towards the other&apos;s AS, on one subnet</source>
        <translation>numéros d’AS seulement : chaque routeur a une seule session vers l’AS de l’autre, sur un même sous-réseau</translation>
    </message>
    <message>
        <source>not identified: a peer outside the inventory</source>
        <translation>non identifié : un pair hors de l’inventaire</translation>
    </message>
    <message>
        <source>VRF %1</source>
        <translation>VRF %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>via %1</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>lecture impossible</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>non interrogé</translation>
    </message>
    <message>
        <source>not asked · %1</source>
        <translation>non interrogé · %1</translation>
    </message>
    <message>
        <source>LLDP neighbor</source>
        <translation>voisin LLDP</translation>
    </message>
    <message>
        <source>customer router, not in the inventory</source>
        <translation>routeur du client, absent de l’inventaire</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>external peer</source>
        <translation>pair externe</translation>
    </message>
    <message>
        <source>outside the inventory</source>
        <translation>hors de l’inventaire</translation>
    </message>
    <message>
        <source>in the inventory, not asked for this map</source>
        <translation>dans l’inventaire, non interrogé pour cette carte</translation>
    </message>
    <message>
        <source>platform: %1</source>
        <translation>plateforme : %1</translation>
    </message>
    <message>
        <source>customer: %1</source>
        <translation>client : %1</translation>
    </message>
    <message>
        <source>addresses: %1</source>
        <translation>adresses : %1</translation>
    </message>
    <message>
        <source>none of its answers could be read: %1</source>
        <translation>aucune de ses réponses n’a pu être lue : %1</translation>
    </message>
    <message>
        <source>Click to diagnose the connection.</source>
        <translation>Cliquez pour diagnostiquer la connexion.</translation>
    </message>
    <message>
        <source>&lt;b&gt;BGP session&lt;/b&gt; %1: %2</source>
        <translation>&lt;b&gt;Session BGP&lt;/b&gt; %1 : %2</translation>
    </message>
    <message>
        <source>AS ?</source>
        <translation>AS ?</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>connexion %1</translation>
    </message>
    <message>
        <source>&amp;Diagnose connection</source>
        <translation>&amp;Diagnostiquer la connexion</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Ask the routers again (F5)</source>
        <translation>Interroger à nouveau les routeurs (F5)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>A&amp;juster</translation>
    </message>
    <message>
        <source>Fit the map to the window (Ctrl+0)</source>
        <translation>Ajuster la carte à la fenêtre (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Click a link or a session to see both ends&apos; rows; clicking a connection&apos;s link also opens its diagnosis.</source>
        <translation>Cliquez sur un lien ou une session pour voir les lignes des deux côtés ; le lien d’une connexion ouvre aussi son diagnostic.</translation>
    </message>
    <message>
        <source>Topology · customer %1</source>
        <translation>Topologie · client %1</translation>
    </message>
    <message>
        <source>Topology · %1</source>
        <translation>Topologie · %1</translation>
    </message>
    <message numerus="yes">
        <source>Topology · %n routers</source>
        <translation>
            <numerusform>Topologie · %n routeur</numerusform>
            <numerusform>Topologie · %n routeurs</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;━━&lt;/span&gt; up &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━━&lt;/span&gt; down &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;┅┅&lt;/span&gt; unknown (could not be read) &amp;nbsp;·&amp;nbsp; thick: link, thin arc: BGP session &amp;nbsp;·&amp;nbsp; dashed box: not asked, grey: outside the inventory</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;━━&lt;/span&gt; up &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━━&lt;/span&gt; down &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;┅┅&lt;/span&gt; inconnu (lecture impossible) &amp;nbsp;·&amp;nbsp; épais : lien, arc fin : session BGP &amp;nbsp;·&amp;nbsp; cadre pointillé : non interrogé, gris : hors de l’inventaire</translation>
    </message>
    <message>
        <source>&lt;b&gt;BGP session&lt;/b&gt; %1 · %2</source>
        <translation>&lt;b&gt;Session BGP&lt;/b&gt; %1 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link&lt;/b&gt; · %1</source>
        <translation>&lt;b&gt;Lien&lt;/b&gt; · %1</translation>
    </message>
    <message>
        <source>Connection: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Connexion : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ends matched by: %1</source>
        <translation>Côtés associés par : %1</translation>
    </message>
    <message>
        <source>Seen by: %1</source>
        <translation>Vu par : %1</translation>
    </message>
    <message>
        <source>&amp;Diagnose %1</source>
        <translation>&amp;Diagnostiquer %1</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>interrogé</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plateforme : %1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message>
        <source>Addresses: %1</source>
        <translation>Adresses : %1</translation>
    </message>
    <message>
        <source>None of its answers could be read: %1</source>
        <translation>Aucune de ses réponses n’a pu être lue : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n lien</numerusform>
            <numerusform>%n liens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n BGP session(s)</source>
        <translation>
            <numerusform>%n session BGP</numerusform>
            <numerusform>%n sessions BGP</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 down, %2 unknown</source>
        <translation>%1 down, %2 à l’état inconnu</translation>
    </message>
    <message numerus="yes">
        <source>waiting for %n answer(s)…</source>
        <translation>
            <numerusform>en attente de %n réponse…</numerusform>
            <numerusform>en attente de %n réponses…</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Link&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Lien&lt;/b&gt; : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link&lt;/b&gt; of connection %1: %2</source>
        <translation>&lt;b&gt;Lien&lt;/b&gt; de la connexion %1 : %2</translation>
    </message>
</context>
<context>
    <name>rl::UsageDialog</name>
    <message>
        <source>Usage</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Per &amp;client</source>
        <translation>Par &amp;client</translation>
    </message>
    <message>
        <source>Per r&amp;outer</source>
        <translation>Par r&amp;outeur</translation>
    </message>
    <message>
        <source>The usage figures could not be read: %1</source>
        <translation>Les chiffres d’utilisation n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>No requests since %1.</source>
        <translation>Aucune requête depuis %1.</translation>
    </message>
    <message>
        <source>Since %1: %2 requests, %3 from the store, %4 coalesced, %5 throttled, %6 errors; p95 %7.</source>
        <translation>Depuis %1 : %2 requêtes, %3 du stockage, %4 regroupées, %5 limitées, %6 erreurs ; p95 %7.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export as C&amp;SV…</source>
        <translation>Exporter en C&amp;SV…</translation>
    </message>
</context>
<context>
    <name>rl::UsageModel</name>
    <message>
        <source>(no client id)</source>
        <translation>(sans identifiant de client)</translation>
    </message>
    <message>
        <source>(refused before any router)</source>
        <translation>(refusée avant tout routeur)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Aucune erreur.</translation>
    </message>
    <message>
        <source>Errors by code: %1</source>
        <translation>Erreurs par code : %1</translation>
    </message>
    <message>
        <source>%1 router parts, %2 whole requests refused (%3 of them throttled)</source>
        <translation>%1 parties routeur, %2 requêtes entières refusées (dont %3 limitées)</translation>
    </message>
    <message numerus="yes">
        <source>Time the routers took to answer live, from %n answer(s)</source>
        <translation>
            <numerusform>Temps de réponse en direct des routeurs, sur %n réponse</numerusform>
            <numerusform>Temps de réponse en direct des routeurs, sur %n réponses</numerusform>
        </translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Routeur</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>From store</source>
        <translation>Du stockage</translation>
    </message>
    <message>
        <source>Coalesced</source>
        <translation>Regroupées</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Limitées</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
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
        <translation>Parties routeur demandées (une requête à trois routeurs compte trois) et requêtes entières refusées</translation>
    </message>
    <message>
        <source>Parts answered from the result store, without asking the router</source>
        <translation>Parties répondues depuis le stockage des résultats, sans interroger le routeur</translation>
    </message>
    <message>
        <source>Parts answered by joining identical work already queued or running</source>
        <translation>Parties répondues en rejoignant un travail identique déjà en file ou en cours</translation>
    </message>
    <message>
        <source>Parts and whole requests refused by a throttle</source>
        <translation>Parties et requêtes entières refusées par une limite</translation>
    </message>
    <message>
        <source>Failed parts and refused requests; the codes are in each cell&apos;s tooltip</source>
        <translation>Parties en échec et requêtes refusées ; les codes sont dans l’infobulle de chaque cellule</translation>
    </message>
    <message>
        <source>Latency percentile of live answers (from hourly histograms)</source>
        <translation>Centile de latence des réponses en direct (d’après les histogrammes horaires)</translation>
    </message>
</context>
</TS>
