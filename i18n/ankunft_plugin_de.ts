<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AnkunftAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="37" />
            <source>Analysis</source>
            <translation>Analyse</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="38" />
            <source>Walking accessibility</source>
            <translation>Fußläufige Erreichbarkeit</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="39" />
            <source>Planning</source>
            <translation>Planung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="56" />
            <source>Maps</source>
            <translation>Karten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="41" />
            <source>Tools</source>
            <translation>Werkzeuge</translation>
        </message>
    </context>
    <context>
        <name>AnkunftBridge</name>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="57" />
            <source>Layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.</source>
            <translation>Der Layer '{layer}' hat kein Feld '{field}'. Bitte eines seiner Felder wählen: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="211" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftClusters</name>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="23" />
            <source>Spatial clusters (Getis-Ord Gi*)</source>
            <translation>Räumliche Cluster (Getis-Ord Gi*)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="23" />
            <source>Marks contiguous zones of high (hot) or low (cold) arrival scores: local Getis-Ord Gi* on the arrival score with queen contiguity (neighbours share a boundary point) and a false discovery rate correction. Single outliers do not become hot spots. Adds the fields gi_z, gi_p and cluster (hot/cold/none).</source>
            <translation>Markiert zusammenhängende Zonen hoher (hot) oder niedriger (cold) Ankunftswerte: lokales Getis-Ord Gi* auf dem Ankunftsindex mit Queen-Nachbarschaft (Nachbarn teilen einen Grenzpunkt) und Korrektur der Falscherkennungsrate. Einzelne Ausreißer werden keine Hotspots. Fügt die Felder gi_z, gi_p und cluster (hot/cold/none) hinzu.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="29" />
            <source>Clusters computed on</source>
            <translation>Cluster berechnet auf</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="29" />
            <source>ranks of the arrival score (robust)</source>
            <translation>Rängen des Ankunftsindex (robust)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="29" />
            <source>the arrival score itself</source>
            <translation>dem Ankunftsindex selbst</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="29" />
            <source>Ranks (recommended): one area with an extreme score (e.g. a large shelter) cannot turn its neighbours into a hot spot on its own. The score itself: the classic Gi* on the values, sensitive to such outliers.</source>
            <translation>Ränge (empfohlen): Ein Gebiet mit extremem Wert (z. B. eine große Unterkunft) kann seine Nachbarn nicht allein zum Hotspot machen. Der Index selbst: das klassische Gi* auf den Werten, empfindlich für solche Ausreißer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="42" />
            <source>False discovery rate (clusters)</source>
            <translation>Falscherkennungsrate (Cluster)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="42" />
            <source>Benjamini-Hochberg false discovery rate: among the areas marked hot or cold, at most this share is expected to be marked by chance.</source>
            <translation>Falscherkennungsrate nach Benjamini-Hochberg: Unter den als hot oder cold markierten Gebieten ist höchstens dieser Anteil zufällig markiert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="50" />
            <source>Neighbour tolerance (metres)</source>
            <translation>Nachbarschaftstoleranz (Meter)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="50" />
            <source>0: areas are neighbours when they share a boundary vertex (as PySAL's queen contiguity; right for boundaries from one official data set). Above 0: areas whose boundaries come this close count as neighbours too (for boundaries with gaps or slivers).</source>
            <translation>0: Gebiete sind Nachbarn, wenn sie einen Grenzpunkt teilen (wie die Queen-Nachbarschaft in PySAL; richtig für Grenzen aus einem amtlichen Datensatz). Über 0: Gebiete, deren Grenzen sich so weit nähern, gelten ebenfalls als Nachbarn (für Grenzen mit Lücken oder Splittern).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="79" />
            <source>{n} areas have no neighbour sharing a boundary point (islands, or boundaries with gaps: try a neighbour tolerance of a few metres).</source>
            <translation>{n} Gebiete haben keinen Nachbarn mit gemeinsamem Grenzpunkt (Inseln oder Grenzen mit Lücken: eine Nachbarschaftstoleranz von einigen Metern versuchen).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="85" />
            <source>Spatial clusters (Gi*, FDR {alpha}): {hot} hot, {cold} cold.</source>
            <translation>Räumliche Cluster (Gi*, FDR {alpha}): {hot} hot, {cold} cold.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftPlugin</name>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="59" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="42" />
            <source>Ankunftsquartiere panel</source>
            <translation>Arbeitsbereich Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="44" />
            <source>Open the Ankunftsquartiere workspace: classify, map infrastructure, walking catchments, docking points, strategy maps</source>
            <translation>Arbeitsbereich Ankunftsquartiere öffnen: Quartiere einordnen, Infrastruktur kartieren, fußläufige Einzugsbereiche, Andockstellen, Strategiekarten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="47" />
            <source>Ankunftsquartiere algorithms (Processing toolbox)</source>
            <translation>Algorithmen Ankunftsquartiere (Processing-Werkzeugkiste)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="51" />
            <source>Method and help</source>
            <translation>Methode und Hilfe</translation>
        </message>
    </context>
    <context>
        <name>AnkunftProvider</name>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="100" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="103" />
            <source>Ankunftsquartiere (arrival quarters) {}</source>
            <translation>Ankunftsquartiere {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="121" />
            <source>Could not read the model {}</source>
            <translation>Das Modell {} konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="52" />
            <source>Full analysis: classification to strategy map</source>
            <translation>Gesamtanalyse: von der Einordnung bis zur Strategiekarte</translation>
        </message>
    </context>
    <context>
        <name>ArrivalDynamicsAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="99" />
            <source>Arrival quarter dynamics over the years</source>
            <translation>Dynamik der Ankunftsquartiere über die Jahre</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="102" />
            <source>Classifies the areas year by year and shows which quarters are becoming arrival quarters: class per year, trend, change, transitions and hot spots.</source>
            <translation>Klassifiziert die Gebiete Jahr für Jahr und zeigt, welche Quartiere zu Ankunftsquartieren werden: Klasse je Jahr, Trend, Veränderung, Übergänge und Hotspots.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="105" />
            <source>arrival quarter,Ankunftsquartier,monitoring,dynamics,trend,transition,Markov,Getis-Ord,hot spot</source>
            <translation>Ankunftsquartier,arrival quarter,Monitoring,Dynamik,Trend,Übergang,Markow,Getis-Ord,Hotspot</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="110" />
            <source>Newly emerging arrival quarter</source>
            <translation>Neu: entstehendes Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="111" />
            <source>Newly established arrival quarter</source>
            <translation>Neu: etabliertes Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="112" />
            <source>Persistent arrival quarter</source>
            <translation>Beständiges Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="113" />
            <source>No longer an arrival quarter</source>
            <translation>Nicht mehr Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="114" />
            <source>No arrival quarter (stable)</source>
            <translation>Beständig kein Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="115" />
            <source>Insufficient data (fewer than two years)</source>
            <translation>Datengrundlage unzureichend (weniger als zwei Jahre)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="123" />
            <source>Areas, one layer per year</source>
            <translation>Gebiete, eine Ebene je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="123" />
            <source>The yearly deliveries: one polygon layer per year, all with the same field names (e.g. planning areas 2015, 2016, …). The layers are never modified. Areas are matched across years by their id.</source>
            <translation>Die Jahreslieferungen: eine Polygonebene je Jahr, alle mit denselben Feldnamen (z. B. Planungsräume 2015, 2016, …). Die Ebenen werden nie verändert. Die Gebiete werden über ihren Schlüssel jahresübergreifend zugeordnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="127" />
            <source>Years (comma-separated, in the order of the layers)</source>
            <translation>Jahre (durch Kommas getrennt, in der Reihenfolge der Ebenen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="127" />
            <source>One year per layer, in the same order as the layers above, e.g. 2015,2016,2017. The layers are sorted by year if needed.</source>
            <translation>Ein Jahr je Ebene, in derselben Reihenfolge wie die Ebenen oben, z. B. 2015,2016,2017. Die Ebenen werden bei Bedarf nach Jahr sortiert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="131" />
            <source>Area id field</source>
            <translation>Feld mit dem Gebietsschlüssel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="131" />
            <source>The area id (e.g. the LOR or block number) that identifies the same area in every year. Areas whose id is missing in some years are reported; if two years share too few ids the boundaries have changed and the years cannot be compared.</source>
            <translation>Der Gebietsschlüssel (z. B. LOR- oder Blocknummer), der dasselbe Gebiet in jedem Jahr bezeichnet. Gebiete, deren Schlüssel in einigen Jahren fehlt, werden gemeldet; haben zwei Jahre zu wenige gemeinsame Schlüssel, haben sich die Grenzen geändert und die Jahre sind nicht vergleichbar.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="135" />
            <source>Area name field</source>
            <translation>Feld mit dem Gebietsnamen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="135" />
            <source>Optional: the area name, copied to the output (from the latest year) and used in the log.</source>
            <translation>Optional: der Gebietsname; er wird (aus dem letzten Jahr) in die Ausgabe übernommen und im Protokoll verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="150" />
            <source>Minimum share of common ids between years</source>
            <translation>Mindestanteil gemeinsamer Schlüssel zwischen den Jahren</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="150" />
            <source>If two consecutive years share fewer ids than this (relative to the smaller year), the area boundaries or the id system changed and the run stops with a message.</source>
            <translation>Teilen zwei aufeinanderfolgende Jahre weniger Schlüssel als diesen Anteil (bezogen auf das kleinere Jahr), haben sich Gebietsgrenzen oder Schlüsselsystem geändert und der Lauf bricht mit einer Meldung ab.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="433" />
            <source>Arrival quarter dynamics</source>
            <translation>Dynamik der Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="155" />
            <source>One feature per area (geometry of the latest year it occurs in): aq_class_&lt;year&gt; and aq_score_&lt;year&gt; per year, trend, change, aq_years, years_missing, and gi_z, gi_p, cluster for the latest year.</source>
            <translation>Ein Objekt je Gebiet (Geometrie aus dem letzten Jahr, in dem es vorkommt): aq_class_&lt;Jahr&gt; und aq_score_&lt;Jahr&gt; je Jahr, trend, change, aq_years, years_missing sowie gi_z, gi_p, cluster für das letzte Jahr.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="159" />
            <source>Class transitions</source>
            <translation>Klassenübergänge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="159" />
            <source>Table of class in year t → class in year t+1: number of areas and share of the row (Markov transition probabilities), per pair of consecutive years and pooled (period 'all').</source>
            <translation>Tabelle Klasse im Jahr t → Klasse im Jahr t+1: Anzahl der Gebiete und Anteil an der Zeile (Übergangswahrscheinlichkeiten einer Markow-Kette), je Paar aufeinanderfolgender Jahre und zusammengefasst (period 'all').</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="164" />
            <source>Number of areas</source>
            <translation>Anzahl der Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="165" />
            <source>Number of areas that changed class</source>
            <translation>Anzahl der Gebiete mit Klassenwechsel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="166" />
            <source>Number of areas missing in some years</source>
            <translation>Anzahl der Gebiete, die in einigen Jahren fehlen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="167" />
            <source>Number of hot spots (latest year)</source>
            <translation>Anzahl der Hotspots (letztes Jahr)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="168" />
            <source>Number of cold spots (latest year)</source>
            <translation>Anzahl der Coldspots (letztes Jahr)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="171" />
            <source>Number of areas: {}</source>
            <translation>Anzahl der Gebiete: {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="201" />
            <source>Choose at least two layers (one per year) as input.</source>
            <translation>Wählen Sie mindestens zwei Ebenen (eine je Jahr) als Eingabe.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="206" />
            <source>Years: '{value}' is not a year. Write the years comma-separated, e.g. 2015,2016,2017.</source>
            <translation>Jahre: '{value}' ist keine Jahreszahl. Schreiben Sie die Jahre durch Kommas getrennt, z. B. 2015,2016,2017.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="210" />
            <source>{n_years} years given ({years}) for {n_layers} layers: give exactly one year per layer, in the order of the layers.</source>
            <translation>{n_years} Jahre angegeben ({years}) für {n_layers} Ebenen: Geben Sie genau ein Jahr je Ebene an, in der Reihenfolge der Ebenen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="216" />
            <source>Years: each year may occur only once ({years}).</source>
            <translation>Jahre: Jedes Jahr darf nur einmal vorkommen ({years}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="219" />
            <source>The layers were sorted by year.</source>
            <translation>Die Ebenen wurden nach Jahr sortiert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="226" />
            <source>Choose the area id field: areas are matched across years by their id.</source>
            <translation>Wählen Sie das Feld mit dem Gebietsschlüssel: Die Gebiete werden über ihren Schlüssel jahresübergreifend zugeordnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="230" />
            <source>Choose the population field.</source>
            <translation>Wählen Sie das Feld mit der Einwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="233" />
            <source>Choose at least two of the arrivals, turnover and diversity fields (the social field is context only).</source>
            <translation>Wählen Sie mindestens zwei der Felder Zuzüge, Fluktuation und Vielfalt (das Sozialfeld dient nur als Kontext).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="375" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="250" />
            <source>{layer} (year {year})</source>
            <translation>{layer} (Jahr {year})</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="255" />
            <source>Layer '{layer}' has no features.</source>
            <translation>Die Ebene '{layer}' enthält keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="263" />
            <source>Layer '{layer}': {n} ids occur more than once in field '{field}' (e.g. {ids}). Each area must occur once per year: dissolve multi-part areas or choose another id field.</source>
            <translation>Ebene '{layer}': {n} Schlüssel kommen im Feld '{field}' mehrfach vor (z. B. {ids}). Jedes Gebiet darf je Jahr nur einmal vorkommen: Führen Sie mehrteilige Gebiete zusammen oder wählen Sie ein anderes Schlüsselfeld.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="269" />
            <source>Layer '{layer}': {n} features have no id in field '{field}' and are left out.</source>
            <translation>Ebene '{layer}': {n} Objekte haben keinen Schlüssel im Feld '{field}' und bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="274" />
            <source>Years {a} and {b} share only {share:.0f} % of their area ids (field '{field}'): the area boundaries or the id system changed between them (e.g. a boundary reform). Areas cannot be compared one by one across such a change: analyse the years before and after it separately, or first transfer one year's data to the other year's areas.</source>
            <translation>Die Jahre {a} und {b} haben nur {share:.0f} % ihrer Gebietsschlüssel gemeinsam (Feld '{field}'): Zwischen ihnen haben sich die Gebietsgrenzen oder das Schlüsselsystem geändert (z. B. durch eine Gebietsreform). Über eine solche Änderung hinweg lassen sich Gebiete nicht einzeln vergleichen: Werten Sie die Jahre davor und danach getrennt aus oder übertragen Sie zuerst die Daten eines Jahres auf die Gebiete des anderen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="280" />
            <source>Some ids were matched only by ignoring leading zeros (e.g. a number field in one year, a text field in another). Check that field '{field}' means the same in every year.</source>
            <translation>Einige Schlüssel wurden nur unter Nichtbeachtung führender Nullen zugeordnet (z. B. Zahlenfeld in einem Jahr, Textfeld in einem anderen). Prüfen Sie, ob das Feld '{field}' in jedem Jahr dasselbe bedeutet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="287" />
            <source>{n} areas do not occur in every year (missing years in brackets); they are kept, with the years they have: {areas}</source>
            <translation>{n} Gebiete kommen nicht in jedem Jahr vor (fehlende Jahre in Klammern); sie bleiben mit den vorhandenen Jahren erhalten: {areas}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="303" />
            <source>Layer '{layer}': {error}</source>
            <translation>Ebene '{layer}': {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="306" />
            <source>{year}: {counts}</source>
            <translation>{year}: {counts}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="453" />
            <source>{year}: no area has enough inhabitants and all indicators; every area is 'insufficient'. Check the population field and the minimum population.</source>
            <translation>{year}: Kein Gebiet hat genug Einwohner und alle Indikatoren; für jedes Gebiet ist die Datengrundlage unzureichend. Prüfen Sie das Einwohnerfeld und die Mindesteinwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="457" />
            <source>{year}: {indicator} has the same rate in every area; its z-values are 0.</source>
            <translation>{year}: {indicator} hat in jedem Gebiet dieselbe Rate; die z-Werte sind 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="460" />
            <source>{year}: {indicator}: {n} areas have negative values (net figures such as population growth); they are used as they are and rank low.</source>
            <translation>{year}: {indicator}: {n} Gebiete haben negative Werte (Nettogrößen wie Bevölkerungswachstum); sie werden unverändert verwendet und liegen weit unten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="466" />
            <source>{year}: {indicator}: the city rate is not positive, so no smoothing was applied.</source>
            <translation>{year}: {indicator}: Die gesamtstädtische Rate ist nicht positiv, daher wurde nicht geglättet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="471" />
            <source>{n} of {total} areas changed class at least once between {first} and {last}.</source>
            <translation>{n} von {total} Gebieten haben zwischen {first} und {last} mindestens einmal die Klasse gewechselt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="485" />
            <source>Transitions (all pairs of consecutive years; rows: class in year t, columns: class in year t+1):</source>
            <translation>Übergänge (alle Paare aufeinanderfolgender Jahre; Zeilen: Klasse im Jahr t, Spalten: Klasse im Jahr t+1):</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="491" />
            <source>Spatial clusters {year}: {hot} hot spots, {cold} cold spots.</source>
            <translation>Räumliche Cluster {year}: {hot} Hotspots, {cold} Coldspots.</translation>
        </message>
    </context>
    <context>
        <name>ClassifyArrivalQuartersAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="96" />
            <source>Classify arrival quarters</source>
            <translation>Ankunftsquartiere einordnen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="99" />
            <source>Finds established and emerging arrival quarters from small-area statistics, compared within the city.</source>
            <translation>Findet etablierte und neu entstehende Ankunftsquartiere aus kleinräumigen Statistiken, im innerstädtischen Vergleich.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="102" />
            <source>arrival quarter,Ankunftsquartier,migration,turnover,z-score,empirical bayes,monitoring</source>
            <translation>Ankunftsquartier,arrival quarter,Zuwanderung,Migration,Fluktuation,z-Wert,Empirical Bayes,Sozialraummonitoring,Monitoring</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="107" />
            <source>Established arrival quarter</source>
            <translation>Etabliertes Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="108" />
            <source>Emerging arrival quarter</source>
            <translation>Neu entstehendes Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="109" />
            <source>No arrival quarter</source>
            <translation>Kein Ankunftsquartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="110" />
            <source>Insufficient data</source>
            <translation>Datengrundlage unzureichend</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="115" />
            <source>arrivals</source>
            <translation>Zuzüge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="116" />
            <source>turnover</source>
            <translation>Fluktuation</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="117" />
            <source>diversity</source>
            <translation>Vielfalt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="118" />
            <source>social context</source>
            <translation>sozialer Kontext</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="127" />
            <source>{indicator} missing ({value})</source>
            <translation>{indicator} fehlt ({value})</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="129" />
            <source>population missing ({value})</source>
            <translation>Einwohnerzahl fehlt ({value})</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="131" />
            <source>population is 0</source>
            <translation>Einwohnerzahl ist 0</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="132" />
            <source>population is negative</source>
            <translation>Einwohnerzahl ist negativ</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="133" />
            <source>fewer than {n} inhabitants</source>
            <translation>weniger als {n} Einwohner</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="134" />
            <source>high arrivals</source>
            <translation>hohe Zuzüge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="135" />
            <source>high turnover</source>
            <translation>hohe Fluktuation</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="136" />
            <source>high diversity</source>
            <translation>hohe Vielfalt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="137" />
            <source>diversity below the threshold</source>
            <translation>Vielfalt unter dem Schwellenwert</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="138" />
            <source>turnover stands in for arrivals</source>
            <translation>Fluktuation anstelle der Zuzüge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="139" />
            <source>no diversity indicator given</source>
            <translation>kein Vielfaltsindikator angegeben</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="140" />
            <source>high turnover only (not an arrival quarter on its own)</source>
            <translation>nur hohe Fluktuation (allein kein Ankunftsquartier)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="141" />
            <source>high diversity without high arrivals</source>
            <translation>hohe Vielfalt ohne hohe Zuzüge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="142" />
            <source>no indicator high</source>
            <translation>kein Indikator hoch</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="161" />
            <source>Areas (blocks, statistical districts, planning areas)</source>
            <translation>Gebiete (Blöcke, statistische Bezirke, Planungsräume)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="161" />
            <source>Polygon layer with one feature per area and its statistics. It is never modified; any CRS works.</source>
            <translation>Polygonebene mit einem Objekt je Gebiet und seinen Kennzahlen. Sie wird nie verändert; jedes Koordinatensystem ist möglich.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="167" />
            <source>Area id field</source>
            <translation>Feld Gebietskennung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="167" />
            <source>Optional: the area id, used to name areas in the log (e.g. the LOR or block number).</source>
            <translation>Optional: die Gebietskennung, mit der Gebiete im Protokoll genannt werden (z. B. LOR- oder Blocknummer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="171" />
            <source>Population field (inhabitants)</source>
            <translation>Feld Einwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="171" />
            <source>Inhabitants per area. Counts are turned into rates with it; placeholders such as '.', '-' or 'x' and 0 give the class 'insufficient'.</source>
            <translation>Einwohnerzahl je Gebiet. Damit werden Fallzahlen in Raten umgerechnet; Platzhalter wie '.', '-' oder 'x' und 0 ergeben die Klasse 'Datengrundlage unzureichend'.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="180" />
            <source>count (converted with the population)</source>
            <translation>Fallzahl (mit der Einwohnerzahl umgerechnet)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="180" />
            <source>percent of population</source>
            <translation>Prozent der Bevölkerung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="180" />
            <source>per 1000 inhabitants</source>
            <translation>je 1000 Einwohner</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="182" />
            <source>Arrivals field (international in-migration)</source>
            <translation>Feld Zuzüge (aus dem Ausland)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="182" />
            <source>International in-migration in the period, or a proxy such as the growth of the foreign population between two register cut-offs. Optional, but at least two of arrivals, turnover and diversity are needed.</source>
            <translation>Zuzüge aus dem Ausland im Zeitraum oder eine Ersatzgröße wie das Wachstum der ausländischen Bevölkerung zwischen zwei Stichtagen des Melderegisters. Optional, aber mindestens zwei von Zuzügen, Fluktuation und Vielfalt sind nötig.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="186" />
            <source>Turnover field (in- plus out-moves)</source>
            <translation>Feld Fluktuation (Zu- und Fortzüge)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="186" />
            <source>Fluctuation: moves into and out of the area, e.g. Berlin MSS indicator K11 (moves per 100 inhabitants = percent). High turnover alone never makes an arrival quarter; it stands in for arrivals only when no arrivals field is given.</source>
            <translation>Fluktuation: Zu- und Fortzüge des Gebiets, z. B. der Berliner MSS-Indikator K11 (Umzüge je 100 Einwohner = Prozent). Hohe Fluktuation allein macht nie ein Ankunftsquartier; sie tritt nur an die Stelle der Zuzüge, wenn kein Zuzugsfeld angegeben ist.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="190" />
            <source>Diversity field (foreign nationals or migration background)</source>
            <translation>Feld Vielfalt (ausländische Staatsangehörige oder Migrationshintergrund)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="190" />
            <source>Residents with foreign nationality or migration background. High diversity marks grown networks: it tells established from emerging arrival quarters.</source>
            <translation>Bewohnerinnen und Bewohner mit ausländischer Staatsangehörigkeit oder Migrationshintergrund. Hohe Vielfalt steht für gewachsene Netzwerke: Sie unterscheidet etablierte von neu entstehenden Ankunftsquartieren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="194" />
            <source>Social context field (e.g. SGB II recipients)</source>
            <translation>Feld sozialer Kontext (z. B. SGB-II-Bezug)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="194" />
            <source>Context only: its rate and z-value are reported, it never changes the class (the class names a function, not a deficit).</source>
            <translation>Nur Kontext: Rate und z-Wert werden ausgegeben, die Klasse verändert es nie (die Klasse benennt eine Funktion, kein Defizit).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="212" />
            <source>Unit of this field</source>
            <translation>Einheit dieses Felds</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="212" />
            <source>Count: number of persons or moves (divided by the population); percent of the population; or per 1000 inhabitants.</source>
            <translation>Fallzahl: Zahl der Personen oder Umzüge (durch die Einwohnerzahl geteilt); Prozent der Bevölkerung; oder je 1000 Einwohner.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="216" />
            <source>Minimum population</source>
            <translation>Mindesteinwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="216" />
            <source>Areas with fewer inhabitants get the class 'insufficient' and are left out of the city reference (as in Berlin's MSS).</source>
            <translation>Gebiete mit weniger Einwohnern erhalten die Klasse 'Datengrundlage unzureichend' und gehen nicht in den städtischen Vergleich ein (wie im Berliner MSS).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="222" />
            <source>Threshold (standard deviations)</source>
            <translation>Schwellenwert (Standardabweichungen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="222" />
            <source>z-score mode: an indicator counts as high at or above this many standard deviations above the population-weighted city mean.</source>
            <translation>z-Wert-Modus: Ein Indikator gilt als hoch, wenn er mindestens so viele Standardabweichungen über dem einwohnergewichteten städtischen Mittel liegt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="228" />
            <source>What counts as high</source>
            <translation>Was als hoch gilt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="228" />
            <source>z-score against the city</source>
            <translation>z-Wert im städtischen Vergleich</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="228" />
            <source>quantile of the city's areas</source>
            <translation>Quantil der Gebiete der Stadt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="228" />
            <source>z-score: above the threshold in standard deviations. Quantile: at or above the given quantile of the areas' rates (robust against outliers).</source>
            <translation>z-Wert: über dem Schwellenwert in Standardabweichungen. Quantil: mindestens das angegebene Quantil der Raten der Gebiete (robust gegen Ausreißer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="234" />
            <source>Quantile (quantile mode)</source>
            <translation>Quantil (Quantilmodus)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="234" />
            <source>Quantile mode only: 0.8 means the top fifth of the areas counts as high.</source>
            <translation>Nur im Quantilmodus: 0,8 bedeutet, dass das oberste Fünftel der Gebiete als hoch gilt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="241" />
            <source>Empirical-Bayes smoothing of count indicators</source>
            <translation>Empirical-Bayes-Glättung der Fallzahlen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="241" />
            <source>Shrinks the rates of small areas toward the city rate in proportion to their population (global Empirical Bayes, as in GeoDa), so that chance does not make a small area look extreme.</source>
            <translation>Zieht die Raten kleiner Gebiete je nach Einwohnerzahl zur gesamtstädtischen Rate hin (globales Empirical Bayes, wie in GeoDa), damit der Zufall ein kleines Gebiet nicht extrem erscheinen lässt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="245" />
            <source>Suppress counts below</source>
            <translation>Fallzahlen unterdrücken unter</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="245" />
            <source>Statistical confidentiality: count fields with values above 0 and below this number are blanked (NULL) in the output, and so are the rates and z-values derived from them. 0 switches it off.</source>
            <translation>Statistische Geheimhaltung: Fallzahlfelder mit Werten über 0 und unter dieser Zahl werden im Ergebnis geleert (NULL), ebenso die daraus abgeleiteten Raten und z-Werte. 0 schaltet das ab.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="381" />
            <source>Arrival quarters</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="253" />
            <source>The areas with aq_class, aq_label, aq_score, rate_… and z_… per indicator, and aq_reason.</source>
            <translation>Die Gebiete mit aq_class, aq_label, aq_score, rate_… und z_… je Indikator sowie aq_reason.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="259" />
            <source>Number of areas: {label}</source>
            <translation>Anzahl Gebiete: {label}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="270" />
            <source>Choose the population field of layer '{layer}'.</source>
            <translation>Wählen Sie das Einwohnerfeld der Ebene '{layer}'.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="282" />
            <source>Layer '{layer}': choose at least two of the arrivals, turnover and diversity fields (the social field is context only).</source>
            <translation>Ebene '{layer}': Wählen Sie mindestens zwei der Felder Zuzüge, Fluktuation und Vielfalt (das Sozialfeld ist nur Kontext).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="298" />
            <source>Reading {n} areas of '{layer}'…</source>
            <translation>Lese {n} Gebiete aus '{layer}' …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="302" />
            <source>Layer '{layer}' has no features.</source>
            <translation>Die Ebene '{layer}' enthält keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="366" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="316" />
            <source>Layer '{layer}': {error}</source>
            <translation>Ebene '{layer}': {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="391" />
            <source>count</source>
            <translation>Fallzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="391" />
            <source>percent</source>
            <translation>Prozent</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="391" />
            <source>per 1000</source>
            <translation>je 1000</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="395" />
            <source>{indicator} ('{field}', {unit}): city mean {mean:.1f} per 1000, SD {sd:.1f}</source>
            <translation>{indicator} ('{field}', {unit}): städtisches Mittel {mean:.1f} je 1000, Standardabweichung {sd:.1f}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="399" />
            <source>; high from {cut:.1f} per 1000</source>
            <translation>; hoch ab {cut:.1f} je 1000</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="401" />
            <source>; smoothed (city rate {b:.1f} per 1000)</source>
            <translation>; geglättet (städtische Rate {b:.1f} je 1000)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="406" />
            <source>No area has enough inhabitants and all indicators: every area is 'insufficient'. Check the population field and the minimum population.</source>
            <translation>Kein Gebiet hat genug Einwohner und alle Indikatoren: Alle Gebiete sind 'Datengrundlage unzureichend'. Prüfen Sie das Einwohnerfeld und die Mindesteinwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="408" />
            <source>{indicator} has the same rate in every area: its z-values are 0.</source>
            <translation>{indicator} hat in allen Gebieten dieselbe Rate: Die z-Werte sind 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="411" />
            <source>{indicator}: {n} areas have negative values (net figures such as population growth). They are used as they are and rank low.</source>
            <translation>{indicator}: {n} Gebiete haben negative Werte (Nettogrößen wie Bevölkerungswachstum). Sie werden unverändert verwendet und liegen weit unten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="417" />
            <source>{indicator}: the city rate is not positive, so no smoothing was applied.</source>
            <translation>{indicator}: Die städtische Rate ist nicht positiv, daher wurde nicht geglättet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="419" />
            <source>Result:</source>
            <translation>Ergebnis:</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="422" />
            <source>{label}: {n} areas, {pop} inhabitants ({share:.1f} % of the population)</source>
            <translation>{label}: {n} Gebiete, {pop} Einwohner ({share:.1f} % der Bevölkerung)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="437" />
            <source>Areas with missing values: {areas}</source>
            <translation>Gebiete mit fehlenden Werten: {areas}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="439" />
            <source>Confidentiality: {n} count values below {t:g} were blanked in the output.</source>
            <translation>Geheimhaltung: {n} Fallzahlen unter {t:g} wurden im Ergebnis geleert.</translation>
        </message>
    </context>
    <context>
        <name>WideTableToYearsAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="91" />
            <source>Wide table to one layer per year</source>
            <translation>Breite Tabelle in eine Ebene je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="94" />
            <source>Splits a table with one field per year (einw_2019, einw_2020, …) into one layer per year with the same field names, ready for the arrival dynamics.</source>
            <translation>Teilt eine Tabelle mit einem Feld je Jahr (einw_2019, einw_2020, …) in eine Ebene je Jahr mit gleichen Feldnamen auf, bereit für die Dynamik der Ankunftsquartiere.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="97" />
            <source>wide,long,years,time series,monitoring,reshape</source>
            <translation>breit,lang,Jahre,Zeitreihe,Monitoring,umformen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="100" />
            <source>Wide table or layer</source>
            <translation>Breite Tabelle oder Ebene</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="100" />
            <source>A table or layer with one field per indicator and year, named like einw_2019, einw_2020, ausl_2019 … (the year at the end, after _, -, . or directly). Fields without a year (id, name) are copied into every year. The input is never modified.</source>
            <translation>Eine Tabelle oder Ebene mit einem Feld je Indikator und Jahr, benannt wie einw_2019, einw_2020, ausl_2019 … (die Jahreszahl am Ende, nach _, -, . oder direkt). Felder ohne Jahr (Schlüssel, Name) werden in jedes Jahr übernommen. Die Eingabe wird nie verändert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="104" />
            <source>Years to extract (comma-separated; empty = all)</source>
            <translation>Zu übernehmende Jahre (durch Kommas getrennt; leer = alle)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="104" />
            <source>Optional: only these years, e.g. 2016,2017,2018. Empty: every year found in the field names.</source>
            <translation>Optional: nur diese Jahre, z. B. 2016,2017,2018. Leer: alle Jahre, die in den Feldnamen vorkommen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="108" />
            <source>GeoPackage with one layer per year</source>
            <translation>GeoPackage mit einer Ebene je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="108" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="108" />
            <source>One GeoPackage with a layer year_&lt;year&gt; per year; each has the fields without a year plus the indicator fields without the year suffix (einw, ausl …).</source>
            <translation>Ein GeoPackage mit einer Ebene year_&lt;Jahr&gt; je Jahr; jede enthält die Felder ohne Jahr und die Indikatorfelder ohne Jahreszahl (einw, ausl …).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="112" />
            <source>Layers per year</source>
            <translation>Ebenen je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="113" />
            <source>Years (comma-separated, in the order of the layers)</source>
            <translation>Jahre (durch Kommas getrennt, in der Reihenfolge der Ebenen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="114" />
            <source>Number of years</source>
            <translation>Anzahl der Jahre</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="127" />
            <source>Layer '{layer}' has no field whose name ends in a year (e.g. einw_2019). Fields: {fields}.</source>
            <translation>Die Ebene '{layer}' hat kein Feld, dessen Name auf eine Jahreszahl endet (z. B. einw_2019). Felder: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="133" />
            <source>Field '{field}' names an indicator and year that another field already gives; it is ignored.</source>
            <translation>Das Feld '{field}' bezeichnet einen Indikator und ein Jahr, die schon ein anderes Feld liefert; es wird ignoriert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="140" />
            <source>Years: '{value}' is not a year.</source>
            <translation>Jahre: '{value}' ist keine Jahreszahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="143" />
            <source>Layer '{layer}' has no fields for the year(s) {missing}; years found: {found}.</source>
            <translation>Die Ebene '{layer}' hat keine Felder für die Jahre {missing}; gefundene Jahre: {found}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="156" />
            <source>Layer '{layer}': the field(s) {fields} exist both with and without a year; rename one of them.</source>
            <translation>Ebene '{layer}': Die Felder {fields} gibt es mit und ohne Jahreszahl; benennen Sie eines davon um.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="164" />
            <source>Year {year}: no field for {fields}; these values are empty (NULL) in that year's layer.</source>
            <translation>Jahr {year}: kein Feld für {fields}; diese Werte bleiben in der Ebene dieses Jahres leer (NULL).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="193" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="206" />
            <source>Could not write '{path}': {error}</source>
            <translation>'{path}' konnte nicht geschrieben werden: {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="225" />
            <source>{n} layers written to {path} (years {years}); indicator fields: {fields}.</source>
            <translation>{n} Ebenen nach {path} geschrieben (Jahre {years}); Indikatorfelder: {fields}.</translation>
        </message>
    </context>
</TS>