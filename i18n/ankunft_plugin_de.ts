<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AnkunftAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="86" />
            <source>Analysis</source>
            <translation>Analyse</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="87" />
            <source>Walking accessibility</source>
            <translation>Fußläufige Erreichbarkeit</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="88" />
            <source>Planning</source>
            <translation>Planung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="115" />
            <source>Maps</source>
            <translation>Karten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="90" />
            <source>Tools</source>
            <translation>Werkzeuge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="161" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="193" />
            <source>Language of the result layers</source>
            <translation>Sprache der Ergebnis-Layer</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="193" />
            <source>Language of QGIS</source>
            <translation>Sprache von QGIS</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/base.py" line="193" />
            <source>Language of the labels written into the result layers (class names, reasons, missing categories, legends, field aliases, layer metadata). By default the language QGIS runs in, also when the algorithm runs in a model or with qgis_process; choose German or English to fix it.</source>
            <translation>Sprache der Beschriftungen, die in die Ergebnis-Layer geschrieben werden (Klassennamen, Gründe, fehlende Kategorien, Legenden, Feld-Aliase, Layer-Metadaten). Standard: die Sprache, in der QGIS läuft – auch wenn der Algorithmus in einem Modell oder mit qgis_process läuft; Deutsch oder Englisch legt sie fest.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftBridge</name>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="62" />
            <source>Layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.</source>
            <translation>Der Layer '{layer}' hat kein Feld '{field}'. Bitte eines seiner Felder wählen: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="274" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="201" />
            <source>Layer '{layer}' has no CRS; WGS 84 (EPSG:4326) is assumed.</source>
            <translation>Der Layer '{layer}' hat kein Koordinatensystem; WGS 84 (EPSG:4326) wird angenommen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="207" />
            <source>The network '{layer}' is only {w:.3g} × {h:.3g} units wide in {crs}: its coordinates look like degrees in a metric CRS. Set the layer's CRS to EPSG:4326 (Layer properties → Source) and run again.</source>
            <translation>Das Netz '{layer}' ist in {crs} nur {w:.3g} × {h:.3g} Einheiten groß: Seine Koordinaten sehen nach Grad in einem metrischen Koordinatensystem aus. Setzen Sie das Koordinatensystem des Layers auf EPSG:4326 (Layereigenschaften → Quelle) und starten Sie erneut.</translation>
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
            <location filename="../ankunft_plugin/processing/clusters.py" line="81" />
            <source>{n} areas have no neighbour sharing a boundary point (islands, or boundaries with gaps: try a neighbour tolerance of a few metres).</source>
            <translation>{n} Gebiete haben keinen Nachbarn mit gemeinsamem Grenzpunkt (Inseln oder Grenzen mit Lücken: eine Nachbarschaftstoleranz von einigen Metern versuchen).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/clusters.py" line="84" />
            <source>Spatial clusters (Gi*, FDR {alpha}): {hot} hot, {cold} cold.</source>
            <translation>Räumliche Cluster (Gi*, FDR {alpha}): {hot} hot, {cold} cold.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftDependencies</name>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="119" />
            <source>Ankunftsquartiere cannot run its analyses: Python packages that QGIS normally ships are missing or too old.</source>
            <translation>Ankunftsquartiere kann seine Analysen nicht ausführen: Python-Pakete, die QGIS normalerweise mitbringt, fehlen oder sind zu alt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="122" />
            <source>- {name} is missing (needs {minimum} or newer).</source>
            <translation>- {name} fehlt (benötigt wird {minimum} oder neuer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="125" />
            <source>- {name} {found} is too old (needs {minimum} or newer).</source>
            <translation>- {name} {found} ist zu alt (benötigt wird {minimum} oder neuer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="129" />
            <source>How to install:</source>
            <translation>So installieren Sie es:</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="131" />
            <source>Windows (QGIS standalone or OSGeo4W): open the OSGeo4W Shell from the Start menu and run: python -m pip install --upgrade {packages}</source>
            <translation>Windows (QGIS-Standalone oder OSGeo4W): die OSGeo4W Shell aus dem Startmenü öffnen und ausführen: python -m pip install --upgrade {packages}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="132" />
            <source>macOS (QGIS.app from qgis.org): in Terminal run: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --upgrade {packages} (use the name of your QGIS app, e.g. QGIS-LTR.app)</source>
            <translation>macOS (QGIS.app von qgis.org): im Terminal ausführen: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --upgrade {packages} (mit dem Namen Ihrer QGIS-App, z. B. QGIS-LTR.app)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="134" />
            <source>GDAL's Python bindings come with QGIS: on Windows repair QGIS with the OSGeo4W installer (package python3-gdal); on macOS reinstall QGIS from qgis.org.</source>
            <translation>Die Python-Anbindung von GDAL gehört zu QGIS: unter Windows QGIS mit dem OSGeo4W-Installer reparieren (Paket python3-gdal), unter macOS QGIS von qgis.org neu installieren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="135" />
            <source>Linux: install your distribution's packages, e.g. sudo apt install {packages} (Debian/Ubuntu) or sudo dnf install {packages} (Fedora).</source>
            <translation>Linux: die Pakete Ihrer Distribution installieren, z. B. sudo apt install {packages} (Debian/Ubuntu) oder sudo dnf install {packages} (Fedora).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="136" />
            <source>Then restart QGIS. The other Processing providers are not affected.</source>
            <translation>Danach QGIS neu starten. Die anderen Processing-Anbieter sind nicht betroffen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/dependencies.py" line="146" />
            <source>This algorithm needs {names} (missing or too old). The QGIS log (tab Ankunft) says how to install it.</source>
            <translation>Dieser Algorithmus benötigt {names} (fehlt oder zu alt). Das QGIS-Protokoll (Reiter Ankunft) sagt, wie man es installiert.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftDock</name>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="62" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="161" />
            <source>1 Data and fields</source>
            <translation>1 Daten und Felder</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="162" />
            <source>2 Arrival quarters (classification)</source>
            <translation>2 Ankunftsquartiere (Klassifizierung)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="163" />
            <source>3 Social infrastructure</source>
            <translation>3 Soziale Infrastruktur</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="164" />
            <source>4 Walking catchments</source>
            <translation>4 Fußläufige Einzugsbereiche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="165" />
            <source>5 New docking points</source>
            <translation>5 Neue Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="166" />
            <source>6 Strategy map</source>
            <translation>6 Strategiekarte</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="171" />
            <source>Area id</source>
            <translation>Gebietsschlüssel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="172" />
            <source>Area name</source>
            <translation>Gebietsname</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="173" />
            <source>Population (inhabitants)</source>
            <translation>Einwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="174" />
            <source>Arrivals from abroad</source>
            <translation>Zuzüge aus dem Ausland</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="175" />
            <source>Departures</source>
            <translation>Fortzüge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="176" />
            <source>Turnover (in- and out-moves)</source>
            <translation>Fluktuation (Zu- und Fortzüge)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="177" />
            <source>Foreign nationals / migration background</source>
            <translation>Ausländer/innen bzw. Migrationshintergrund</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="178" />
            <source>Social context (e.g. SGB II)</source>
            <translation>Soziale Lage (z. B. SGB II)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="234" />
            <source>Not available yet: the algorithm {} is not part of this version of the plugin.</source>
            <translation>Noch nicht verfügbar: Der Algorithmus {} ist in dieser Version des Plugins nicht enthalten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="238" />
            <source>Needs step 1: the areas layer, the population field and at least one of arrivals, turnover or diversity.</source>
            <translation>Braucht Schritt 1: den Gebietslayer, das Feld mit der Einwohnerzahl und mindestens eines der Felder Zuzüge, Fluktuation oder Ausländer/innen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="240" />
            <source>Needs the result of step {}.</source>
            <translation>Braucht das Ergebnis von Schritt {}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="257" />
            <source>{} (not available)</source>
            <translation>{} (nicht verfügbar)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="270" />
            <source>Uses the layer and fields of step 1 ({}).</source>
            <translation>Verwendet den Layer und die Felder aus Schritt 1 ({}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="412" />
            <source>The method page is missing from this installation.</source>
            <translation>Die Methodenseite fehlt in dieser Installation.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="260" />
            <source>{}  ✗ failed</source>
            <translation>{}  ✗ fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="262" />
            <source>{}  – cancelled</source>
            <translation>{}  – abgebrochen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="273" />
            <source>Still required: {}.</source>
            <translation>Noch erforderlich: {}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="291" />
            <source>Run</source>
            <translation>Ausführen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="312" />
            <source>Step 1 needs no run</source>
            <translation>Schritt 1 braucht keinen Lauf</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="317" />
            <source>Run step {} anyway</source>
            <translation>Schritt {} trotzdem ausführen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="319" />
            <source>Run step {}</source>
            <translation>Schritt {} ausführen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/dock.py" line="320" />
            <source>Runs {} in the background; Cancel stops it, earlier results stay.</source>
            <translation>Führt {} im Hintergrund aus; „Abbrechen“ hält ihn an, vorige Ergebnisse bleiben.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="22" />
            <source>areas</source>
            <translation>Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="23" />
            <source>walking network</source>
            <translation>Fußwegenetz</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="24" />
            <source>docking points</source>
            <translation>Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="25" />
            <source>candidate sites</source>
            <translation>Standortkandidaten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="26" />
            <source>facilities</source>
            <translation>Einrichtungen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="27" />
            <source>buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="28" />
            <source>districts / map pages</source>
            <translation>Bezirke / Kartenseiten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="29" />
            <source>streets</source>
            <translation>Straßen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="30" />
            <source>water</source>
            <translation>Gewässer</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="38" />
            <source>The walking network is mostly in pieces: {share} % of its length lies outside its largest connected part. Catchments along it end early; check that the layer is a network of streets and footpaths.</source>
            <translation>Das Fußwegenetz ist größtenteils zerstückelt: {share} % seiner Länge liegen außerhalb des größten zusammenhängenden Teils. Einzugsbereiche enden dort früh; prüfen Sie, ob der Layer ein Netz aus Straßen und Fußwegen ist.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="40" />
            <source>{n} of {total} points lie more than {metres} m from the walking network; they reach nothing. Check the points and the network.</source>
            <translation>{n} von {total} Punkten liegen mehr als {metres} m vom Fußwegenetz entfernt; sie erreichen nichts. Prüfen Sie Punkte und Netz.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="42" />
            <source>{n} of {total} areas lie outside the walking network: they would count as unreached. Use the study area (areas inside the walking network).</source>
            <translation>{n} von {total} Gebieten liegen außerhalb des Fußwegenetzes: Sie würden als unerreicht zählen. Nutzen Sie das Untersuchungsgebiet (Gebiete im Fußwegenetz).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="44" />
            <source>None of the {total} areas lies inside the walking network (or is selected): the step has nothing to work on.</source>
            <translation>Keines der {total} Gebiete liegt im Fußwegenetz (oder ist ausgewählt): Der Schritt hat nichts zu bearbeiten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="46" />
            <source>No weight field: every area would count as one person. Choose the population field.</source>
            <translation>Kein Gewichtsfeld: Jedes Gebiet zählte als eine Person. Wählen Sie das Einwohnerfeld.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="48" />
            <source>“{layer}” does not look like {role} (its name or fields say otherwise, e.g. railways).</source>
            <translation>„{layer}“ passt nicht zur Rolle „{role}“ (Name oder Felder sprechen dagegen, z. B. Bahngleise).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="50" />
            <source>Nothing in the name or fields of “{layer}” says it holds {role}; check the choice.</source>
            <translation>Nichts in Name oder Feldern von „{layer}“ deutet auf die Rolle „{role}“ hin; prüfen Sie die Auswahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="52" />
            <source>“{layer}” has the wrong geometry for {role}.</source>
            <translation>„{layer}“ hat die falsche Geometrie für die Rolle „{role}“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="64" />
            <source>Areas inside the walking network</source>
            <translation>Gebiete im Fußwegenetz</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="64" />
            <source>Selected areas</source>
            <translation>Ausgewählte Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="64" />
            <source>All areas</source>
            <translation>Alle Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="65" />
            <source>Which areas this step works on. Areas outside the study area are left out and reported, never counted as unreached. The same choice holds for steps 3–5.</source>
            <translation>Welche Gebiete dieser Schritt bearbeitet. Gebiete außerhalb des Untersuchungsgebiets bleiben außen vor und werden genannt, nie als unerreicht gezählt. Die Wahl gilt für die Schritte 3–5.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="67" />
            <source>Study area</source>
            <translation>Untersuchungsgebiet</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="131" />
            <source>{n} of {total} areas lie inside the walking network; the others are left out (not counted as unreached).</source>
            <translation>{n} von {total} Gebieten liegen im Fußwegenetz; die übrigen bleiben außen vor (nicht als unerreicht gezählt).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="137" />
            <source>Choose the walking network: the study area is the areas inside it.</source>
            <translation>Wählen Sie das Fußwegenetz: Das Untersuchungsgebiet sind die Gebiete darin.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="140" />
            <source>All {total} areas are used.</source>
            <translation>Alle {total} Gebiete werden verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="43" />
            <source>{label}: {n} areas ({share} % of the population)</source>
            <translation>{label}: {n} Gebiete ({share} % der Bevölkerung)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="45" />
            <source>{label}: {n} areas</source>
            <translation>{label}: {n} Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="54" />
            <source>{n} of {total} areas have gaps in their offer within walking distance.</source>
            <translation>{n} von {total} Gebieten haben Lücken im Angebot in Gehweite.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="56" />
            <source>{n} areas are marked as priority.</source>
            <translation>{n} Gebiete sind als Priorität markiert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="58" />
            <source>{n} facilities counted.</source>
            <translation>{n} Einrichtungen gezählt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="74" />
            <source>{n} catchments.</source>
            <translation>{n} Einzugsbereiche.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="75" />
            <source>Within {m} minutes: {p} inhabitants</source>
            <translation>In {m} Minuten: {p} Einwohner</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="77" />
            <source>(summed over the docking points; people reached by two points count twice)</source>
            <translation>(über die Andockstellen summiert; wer von zwei Stellen erreicht wird, zählt doppelt)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="83" />
            <source>Population reached: {before} % → {after} %.</source>
            <translation>Erreichte Bevölkerung: {before} % → {after} %.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="86" />
            <source>Optimality gap: {gap} %.</source>
            <translation>Optimalitätslücke: {gap} %.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="89" />
            <source>Not reachable on the network: {share} % of the demand.</source>
            <translation>Nicht über das Netz erreichbar: {share} % der Nachfrage.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="94" />
            <source>{n} map pages.</source>
            <translation>{n} Kartenseiten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/summary.py" line="97" />
            <source>PDF: {path}</source>
            <translation>PDF: {path}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/findings.py" line="134" />
            <source>{n} of {total} areas are selected (in “{layer}” or in step 1's layer).</source>
            <translation>{n} von {total} Gebieten sind ausgewählt (in „{layer}“ oder im Layer von Schritt 1).</translation>
        </message>
    </context>
    <context>
        <name>AnkunftDockBase</name>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="14" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="34" />
            <source>Work through the steps from top to bottom. Each step runs in the background; results are added to the layer group “Ankunftsquartiere”.</source>
            <translation>Arbeiten Sie die Schritte von oben nach unten ab. Jeder Schritt läuft im Hintergrund; die Ergebnisse landen in der Layergruppe „Ankunftsquartiere“.</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="44" />
            <source>Open the method page: how arrival quarters are identified, in plain words for council documents</source>
            <translation>Methodenseite öffnen: wie Ankunftsquartiere ermittelt werden, in einfachen Worten für Gremienvorlagen</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="47" />
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="60" />
            <source>1 Data and fields</source>
            <translation>1 Daten und Felder</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="66" />
            <source>Needs a polygon layer with one feature per area (blocks, statistical districts, planning areas) and its statistics.</source>
            <translation>Braucht einen Polygonlayer mit einem Objekt je Gebiet (Blöcke, statistische Bezirke, Planungsräume) und dessen Statistik.</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="78" />
            <source>Areas layer</source>
            <translation>Gebietslayer</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="85" />
            <source>The polygon layer with the areas and their statistics. It is never modified.</source>
            <translation>Der Polygonlayer mit den Gebieten und ihrer Statistik. Er wird nie verändert.</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="92" />
            <source>Area id</source>
            <translation>Gebietsschlüssel</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="99" />
            <source>The id of each area (e.g. the LOR or block number); optional.</source>
            <translation>Der Schlüssel jedes Gebiets (z. B. LOR- oder Blocknummer); optional.</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="108" />
            <source>Which field holds what?</source>
            <translation>Welches Feld enthält was?</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="114" />
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="126" />
            <source>Choose the fields again from their names (Einwohner, Zuzüge, Ausländer, SGB II …)</source>
            <translation>Felder erneut anhand ihrer Namen wählen (Einwohner, Zuzüge, Ausländer, SGB II …)</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="129" />
            <source>Propose fields</source>
            <translation>Felder vorschlagen</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="164" />
            <source>Preview of the first areas (rates per 1000 inhabitants)</source>
            <translation>Vorschau der ersten Gebiete (Quoten je 1000 Einwohner/innen)</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="203" />
            <source>Stop the running step</source>
            <translation>Den laufenden Schritt anhalten</translation>
        </message>
        <message>
            <location filename="../resources/ui/ankunft_dock.ui" line="206" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
    </context>
    <context>
        <name>AnkunftGraphCache</name>
        <message>
            <location filename="../ankunft_plugin/processing/graph_cache.py" line="363" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/graph_cache.py" line="390" />
            <source>Walking network '{layer}': using the graph built earlier in this session.</source>
            <translation>Fußwegenetz '{layer}': Der in dieser Sitzung bereits erstellte Graph wird verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/graph_cache.py" line="404" />
            <source>The walking network '{layer}' has no line geometries ({n} features, {nulls} without geometry). Choose a line layer of streets and footpaths.</source>
            <translation>Das Fußwegenetz '{layer}' enthält keine Liniengeometrien ({n} Objekte, {nulls} ohne Geometrie). Wählen Sie einen Linienlayer mit Straßen und Fußwegen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/graph_cache.py" line="396" />
            <source>Walking network '{layer}': using the graph stored on disk ({path}).</source>
            <translation>Fußwegenetz '{layer}': Der auf der Festplatte gespeicherte Graph wird verwendet ({path}).</translation>
        </message>
    </context>
    <context>
        <name>AnkunftModel</name>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Areas with statistics (whole city)</source>
            <translation>Gebiete mit Statistik (ganze Stadt)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Blocks or planning areas of the whole city with population and indicators.</source>
            <translation>Blöcke oder Planungsräume der ganzen Stadt mit Einwohnerzahl und Indikatoren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Area id field</source>
            <translation>Schlüsselfeld der Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Area id.</source>
            <translation>Schlüssel des Gebiets.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Population field</source>
            <translation>Einwohnerfeld</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Inhabitants per area.</source>
            <translation>Einwohnerinnen und Einwohner je Gebiet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Arrivals field</source>
            <translation>Feld Zuzüge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Arrivals field (see Classify arrival quarters).</source>
            <translation>Feld der Zuzüge (siehe Ankunftsquartiere einordnen).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Arrivals field: unit</source>
            <translation>Feld Zuzüge: Einheit</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Unit of the field.</source>
            <translation>Einheit des Feldes.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Turnover field</source>
            <translation>Feld Fluktuation</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Turnover field (see Classify arrival quarters).</source>
            <translation>Feld der Fluktuation (siehe Ankunftsquartiere einordnen).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Turnover field: unit</source>
            <translation>Feld Fluktuation: Einheit</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Diversity field</source>
            <translation>Feld Vielfalt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Diversity field (see Classify arrival quarters).</source>
            <translation>Feld der Vielfalt (siehe Ankunftsquartiere einordnen).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Diversity field: unit</source>
            <translation>Feld Vielfalt: Einheit</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Districts (one map page each; the areas within them are analysed)</source>
            <translation>Bezirke (je eine Kartenseite; die Gebiete darin werden analysiert)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Districts to map, one page each; the areas that lie within one of them are analysed (walking network, infrastructure, siting).</source>
            <translation>Die zu kartierenden Bezirke, je eine Seite; die Gebiete, die in einem davon liegen, werden analysiert (Fußwegenetz, Infrastruktur, Standortwahl).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Streets and paths (OSM)</source>
            <translation>Straßen und Wege (OSM)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>The walking network source, e.g. an OSM extract.</source>
            <translation>Quelle des Fußwegenetzes, z. B. ein OSM-Auszug.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Buildings: population is placed on them.</source>
            <translation>Gebäude: Die Einwohner werden auf sie verteilt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Social infrastructure (one or more layers)</source>
            <translation>Soziale Infrastruktur (ein oder mehrere Layer)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Facilities; categories from OSM tags or the layer names.</source>
            <translation>Einrichtungen; Kategorien aus OSM-Merkmalen oder den Layer-Namen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Existing docking points</source>
            <translation>Bestehende Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Existing docking points.</source>
            <translation>Bestehende Andockstellen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Walking minutes</source>
            <translation>Gehminuten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Walking limit for infrastructure and siting.</source>
            <translation>Gehzeitgrenze für Infrastruktur und Standortwahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Candidate sites</source>
            <translation>Standortkandidaten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Candidate sites for new docking points.</source>
            <translation>Standortkandidaten für neue Andockstellen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Number of new docking points</source>
            <translation>Anzahl neuer Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>How many new sites to suggest.</source>
            <translation>Wie viele neue Standorte vorgeschlagen werden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Map title</source>
            <translation>Kartentitel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Title of the strategy map.</source>
            <translation>Titel der Strategiekarte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Water (map background)</source>
            <translation>Gewässer (Kartenhintergrund)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Water for the map background.</source>
            <translation>Gewässer für den Kartenhintergrund.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Walking catchments</source>
            <translation>Fußläufige Einzugsbereiche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Classify arrival quarters</source>
            <translation>Ankunftsquartiere einordnen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Classified quarters</source>
            <translation>Eingeordnete Quartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Areas in the districts</source>
            <translation>Gebiete in den Bezirken</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Social infrastructure overlay</source>
            <translation>Soziale Infrastruktur überlagern</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Infrastructure per quarter</source>
            <translation>Infrastruktur je Quartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>District strategy map</source>
            <translation>Strategiekarte der Bezirke</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Map pages with key figures</source>
            <translation>Kartenseiten mit Kennzahlen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Strategy map (PDF)</source>
            <translation>Strategiekarte (PDF)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Prepare walking network</source>
            <translation>Fußwegenetz aufbereiten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Suggest docking points</source>
            <translation>Andockstellen vorschlagen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Suggested docking points</source>
            <translation>Vorgeschlagene Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>One polygon per page (the atlas coverage) with the key figures as numbers (kf_…) and as printed text (t_…).</source>
            <translation>Ein Polygon je Seite (die Atlas-Abdeckung) mit den Kennzahlen als Zahlen (kf_…) und als gedruckter Text (t_…).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>Polygons with point_id, minutes, reach_m (network length reached), area_m2, population, snap_status and snap_dist_m.</source>
            <translation>Flächen mit point_id, minutes, reach_m (erreichte Netzlänge), area_m2, population, snap_status und snap_dist_m.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>The areas with n_…, p1k_… and min_… per category, eco_score, eco_missing, lang_match, priority and dist_method.</source>
            <translation>Die Gebiete mit n_…, p1k_… und min_… je Kategorie, eco_score, eco_missing, lang_match, priority und dist_method.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>The chosen candidates with their attributes and rank, added_weight (people newly reached), cum_coverage_pct (share of all people reached with the existing sites and ranks 1…rank) and visibility.</source>
            <translation>Die gewählten Kandidaten mit ihren Attributen und rank, added_weight (neu erreichte Menschen), cum_coverage_pct (Anteil aller Menschen, die die bestehenden Standorte und die Ränge 1…rank erreichen) und visibility.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>The multi-page PDF, one page per district.</source>
            <translation>Das mehrseitige PDF, eine Seite je Bezirk.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>The whole Ankunft analysis in one model: classify the areas, prepare the walking network, social infrastructure overlay and walking catchments in the districts, suggest new docking points, and the district strategy map (PDF). Open it in the model designer to change steps or defaults.</source>
            <translation>Die ganze Ankunft-Analyse in einem Modell: Gebiete einordnen, Fußwegenetz aufbereiten, soziale Infrastruktur und fußläufige Einzugsbereiche in den Bezirken, neue Andockstellen vorschlagen und die Strategiekarte der Bezirke (PDF). Zum Ändern von Schritten oder Vorgaben im Modell-Designer öffnen („Modell bearbeiten…“).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/model_texts.py" line="16" />
            <source>The areas with aq_class, aq_label, aq_score, rate_… and z_… per indicator, aq_reason, aq_flag (new_build, duplicate_id), aq_growth (with a start population) and the robustness fields.</source>
            <translation>Die Gebiete mit aq_class, aq_label, aq_score, rate_… und z_… je Indikator, aq_reason, aq_flag (new_build, duplicate_id), aq_growth (mit Anfangsbevölkerung) und den Robustheitsfeldern.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftOutputs</name>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="67" />
            <source>'{path}' is a file, not a folder</source>
            <translation>'{path}' ist eine Datei, kein Ordner</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="109" />
            <source>The output '{output}' could not be written to '{path}': {reason}</source>
            <translation>Die Ausgabe '{output}' konnte nicht nach '{path}' geschrieben werden: {reason}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="109" />
            <source>unknown error</source>
            <translation>unbekannter Fehler</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="139" />
            <source>The output '{output}' cannot be written to '{path}': {reason}. Choose a folder you may write to.</source>
            <translation>Die Ausgabe '{output}' kann nicht nach '{path}' geschrieben werden: {reason}. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="268" />
            <source>The output '{output}' could not be created at '{path}': {reason}</source>
            <translation>Die Ausgabe '{output}' konnte unter '{path}' nicht angelegt werden: {reason}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="311" />
            <source>Confidentiality ({output}): values of people below {t:g} blanked: {fields}.</source>
            <translation>Geheimhaltung ({output}): Personenzahlen unter {t:g} geleert: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="322" />
            <source>Could not finish the output '{output}': {error}</source>
            <translation>Die Ausgabe '{output}' konnte nicht abgeschlossen werden: {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="328" />
            <source>The output '{output}' could not be moved into place at '{path}': {reason}</source>
            <translation>Die Ausgabe '{output}' konnte nicht nach '{path}' verschoben werden: {reason}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="383" />
            <source>{alg}: a file could not be read or written ({path}): {reason}</source>
            <translation>{alg}: Eine Datei konnte nicht gelesen oder geschrieben werden ({path}): {reason}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/outputs.py" line="386" />
            <source>{alg} stopped on an unexpected error ({kind}: {error}). This is a bug in Ankunft: please report it with the log.</source>
            <translation>{alg} wurde durch einen unerwarteten Fehler beendet ({kind}: {error}). Das ist ein Fehler in Ankunft: Bitte melden Sie ihn mit dem Protokoll.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftParameters</name>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="41" />
            <source>Walking network (lines, optional)</source>
            <translation>Fußwegenetz (Linien, optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="41" />
            <source>Walking network</source>
            <translation>Fußwegenetz</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="42" />
            <source>Streets and footpaths people walk on (best the output of 'Prepare walking network'). Lines are connected where they share a vertex and are walkable in both directions. A geographic layer is projected to its UTM zone. The graph is kept for the session: a second run on the same network is fast.</source>
            <translation>Straßen und Fußwege, auf denen Menschen gehen (am besten das Ergebnis von 'Fußwegenetz vorbereiten'). Linien sind verbunden, wo sie einen Stützpunkt teilen, und in beiden Richtungen begehbar. Ein Layer in geographischen Koordinaten wird in seine UTM-Zone projiziert. Der Graph bleibt für die Sitzung erhalten: Ein zweiter Lauf auf demselben Netz ist schnell.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="44" />
            <source>Without it, straight-line distances are used (and the output says so).</source>
            <translation>Ohne Netz werden Luftlinienentfernungen verwendet (und das Ergebnis sagt es).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="53" />
            <source>Walking speed (km/h)</source>
            <translation>Gehgeschwindigkeit (km/h)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="53" />
            <source>Converts metres into minutes. 4.5 km/h is a common planning value; use about 3 km/h for older people or with small children.</source>
            <translation>Rechnet Meter in Minuten um. 4,5 km/h ist ein üblicher Planungswert; für ältere Menschen oder mit kleinen Kindern etwa 3 km/h ansetzen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="76" />
            <source>Maximum distance to the network (m)</source>
            <translation>Höchstabstand zum Netz (m)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="76" />
            <source>Points farther than this from the walking network are not connected to it: they are listed in the log and flagged in the output, never dropped silently. The straight distance to the network counts as walking.</source>
            <translation>Punkte, die weiter vom Fußwegenetz entfernt sind, werden nicht angebunden: Sie stehen im Protokoll und sind im Ergebnis gekennzeichnet, sie fallen nie stillschweigend weg. Die gerade Entfernung zum Netz zählt als Fußweg.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="100" />
            <source>Suppress counts below</source>
            <translation>Fallzahlen unterdrücken unter</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="100" />
            <source>Statistical confidentiality: counts of people above 0 and below this number are left empty (NULL; '.' on the map), and so are the rates, shares and scores derived from them. 0 switches it off.</source>
            <translation>Statistische Geheimhaltung: Fallzahlen von Personen über 0 und unter dieser Zahl bleiben leer (NULL; „.“ auf der Karte), ebenso die daraus abgeleiteten Raten, Anteile und Werte. 0 schaltet das ab.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="126" />
            <source>The walking network '{layer}' has no usable lines (all shorter than a centimetre?). Check the layer and its CRS.</source>
            <translation>Das Fußwegenetz '{layer}' enthält keine nutzbaren Linien (alle kürzer als ein Zentimeter?). Prüfen Sie den Layer und sein Koordinatensystem.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="132" />
            <source>{n} features of the network have no geometry and are left out.</source>
            <translation>{n} Objekte des Netzes haben keine Geometrie und bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="134" />
            <source>{n} lines have no cost factor and count with their plain length.</source>
            <translation>{n} Linien haben keinen Kostenfaktor und zählen mit ihrer einfachen Länge.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="136" />
            <source>{n} lines have a cost factor of 0 or less and are not walkable.</source>
            <translation>{n} Linien haben einen Kostenfaktor von 0 oder weniger und sind nicht begehbar.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="138" />
            <source>Network: {edges} edges, {km:.1f} km, {comp} connected components ({share:.1f} % of the length outside the largest).</source>
            <translation>Netz: {edges} Kanten, {km:.1f} km, {comp} zusammenhängende Teilnetze ({share:.1f} % der Länge außerhalb des größten).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="150" />
            <source>No area has enough inhabitants and all indicators: every area is 'insufficient'. Check the population field and the minimum population.</source>
            <translation>Kein Gebiet hat genug Einwohner und alle Indikatoren: Alle Gebiete sind 'Datengrundlage unzureichend'. Prüfen Sie das Einwohnerfeld und die Mindesteinwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="151" />
            <source>{indicator} has the same rate in every area: its z-values are 0.</source>
            <translation>{indicator} hat in allen Gebieten dieselbe Rate: Die z-Werte sind 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="152" />
            <source>{indicator}: {n} areas have negative values (net figures such as population growth). They are used as they are and rank low.</source>
            <translation>{indicator}: {n} Gebiete haben negative Werte (Nettogrößen wie Bevölkerungswachstum). Sie werden unverändert verwendet und liegen weit unten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="154" />
            <source>{indicator}: the city rate is not positive, so no smoothing was applied.</source>
            <translation>{indicator}: Die städtische Rate ist nicht positiv, daher wurde nicht geglättet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="65" />
            <source>Cost factor field (network)</source>
            <translation>Feld mit Kostenfaktor (Netz)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/parameters.py" line="65" />
            <source>Optional factor per line that multiplies its length, e.g. 1.3 for a steep path or a long wait at a crossing. Empty values count as 1; 0 or less makes the line impassable.</source>
            <translation>Optionaler Faktor je Linie, der ihre Länge vervielfacht, z. B. 1,3 für einen steilen Weg oder eine lange Wartezeit an einer Querung. Leere Werte zählen als 1; 0 oder weniger macht die Linie unpassierbar.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftPlugin</name>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="85" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="68" />
            <source>Ankunftsquartiere panel</source>
            <translation>Arbeitsbereich Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="70" />
            <source>Open the Ankunftsquartiere workspace: classify, map infrastructure, walking catchments, docking points, strategy maps</source>
            <translation>Arbeitsbereich Ankunftsquartiere öffnen: Quartiere einordnen, Infrastruktur kartieren, fußläufige Einzugsbereiche, Andockstellen, Strategiekarten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="73" />
            <source>Ankunftsquartiere algorithms (Processing toolbox)</source>
            <translation>Algorithmen Ankunftsquartiere (Processing-Werkzeugkiste)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="77" />
            <source>Method and help</source>
            <translation>Methode und Hilfe</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="42" />
            <source>Ankunftsquartiere cannot run</source>
            <translation>Ankunftsquartiere kann nicht ausgeführt werden</translation>
        </message>
    </context>
    <context>
        <name>AnkunftProvider</name>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="186" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="189" />
            <source>Ankunftsquartiere (arrival quarters) {}</source>
            <translation>Ankunftsquartiere {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="207" />
            <source>Could not read the model {}</source>
            <translation>Das Modell {} konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="111" />
            <source>Full analysis: classification to strategy map</source>
            <translation>Gesamtanalyse: von der Einordnung bis zur Strategiekarte</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="165" />
            <source>This algorithm cannot be loaded: {}</source>
            <translation>Dieser Algorithmus kann nicht geladen werden: {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="105" />
            <source>The model stopped; its outputs written so far were removed: {files}</source>
            <translation>Das Modell wurde abgebrochen; die bis dahin erzeugten Ausgaben wurden entfernt: {files}</translation>
        </message>
    </context>
    <context>
        <name>AnkunftStepBase</name>
        <message>
            <location filename="../resources/ui/step_page.ui" line="39" />
            <source>Advanced settings</source>
            <translation>Erweiterte Einstellungen</translation>
        </message>
        <message>
            <location filename="../resources/ui/step_page.ui" line="52" />
            <source>Run</source>
            <translation>Ausführen</translation>
        </message>
        <message>
            <location filename="../resources/ui/step_page.ui" line="59" />
            <source>Set this step's settings back to the algorithm's defaults</source>
            <translation>Die Einstellungen dieses Schritts auf die Standardwerte des Algorithmus zurücksetzen</translation>
        </message>
        <message>
            <location filename="../resources/ui/step_page.ui" line="62" />
            <source>Defaults</source>
            <translation>Standardwerte</translation>
        </message>
    </context>
    <context>
        <name>AnkunftValidation</name>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="58" />
            <source>points</source>
            <translation>Punkten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="59" />
            <source>lines</source>
            <translation>Linien</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="60" />
            <source>polygons</source>
            <translation>Polygonen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="61" />
            <source>no geometry (a table)</source>
            <translation>keine Geometrie (eine Tabelle)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="75" />
            <source>{param}: layer '{layer}' has no CRS (a shapefile without .prj?). Its coordinates (around {where}) look like longitude/latitude: assign EPSG:4326 (Layer properties → Source, or 'Assign projection') and run again.</source>
            <translation>{param}: Layer '{layer}' hat kein Koordinatenbezugssystem (ein Shapefile ohne .prj?). Seine Koordinaten (um {where}) sehen nach geografischer Länge/Breite aus: Weisen Sie EPSG:4326 zu (Layereigenschaften → Quelle oder 'Projektion zuweisen') und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="77" />
            <source>{param}: layer '{layer}' has no CRS (a shapefile without .prj?). Its coordinates (around {where}) are not degrees but metres of some projection; Ankunft will not guess which. Assign the right CRS (Berlin: EPSG:25833) with Layer properties → Source or 'Assign projection', and run again.</source>
            <translation>{param}: Layer '{layer}' hat kein Koordinatenbezugssystem (ein Shapefile ohne .prj?). Seine Koordinaten (um {where}) sind keine Grad, sondern Meter einer Projektion; Ankunft rät nicht, welcher. Weisen Sie das richtige KBS zu (Berlin: EPSG:25833) über Layereigenschaften → Quelle oder 'Projektion zuweisen' und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="79" />
            <source>{param}: layer '{layer}' is labelled {crs} (degrees), but its coordinates (around {where}) are outside ±180/±90: they are metres. Assign the CRS the coordinates are really in (Berlin: EPSG:25833) and run again.</source>
            <translation>{param}: Layer '{layer}' ist als {crs} (Grad) ausgewiesen, seine Koordinaten (um {where}) liegen aber außerhalb von ±180/±90: Es sind Meter. Weisen Sie das KBS zu, in dem die Koordinaten wirklich vorliegen (Berlin: EPSG:25833), und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="81" />
            <source>{param}: layer '{layer}' is labelled {crs} (metres), but all its coordinates lie in a box of {size} units around {where}: they look like degrees. Assign EPSG:4326 to the layer (Layer properties → Source) and run again.</source>
            <translation>{param}: Layer '{layer}' ist als {crs} (Meter) ausgewiesen, alle seine Koordinaten liegen aber in einem Rechteck von {size} Einheiten um {where}: Es sind Grad. Weisen Sie dem Layer EPSG:4326 zu (Layereigenschaften → Quelle) und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="91" />
            <source>{param} needs a layer of {wanted}; layer '{layer}' has {got}. Choose a layer of {wanted}.</source>
            <translation>{param} braucht einen Layer aus {wanted}; Layer '{layer}' hat {got}. Wählen Sie einen Layer aus {wanted}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="110" />
            <source>{param}: {n} features of layer '{layer}' consist of several points (feature id (parts): {list}). Each point needs its own place: split them with 'Multipart to singleparts' and run again.</source>
            <translation>{param}: {n} Objekte des Layers '{layer}' bestehen aus mehreren Punkten (Objekt-ID (Teile): {list}). Jeder Punkt braucht seinen eigenen Ort: Zerlegen Sie sie mit 'Mehrteilig zu einteilig' und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="129" />
            <source>{param}: field '{field}' of layer '{layer}' counts people, but {n} features have a negative value (feature id: value: {list}). A number of people cannot be negative: correct it, or set it empty (NULL) to leave the area out, and run again.</source>
            <translation>{param}: Feld '{field}' des Layers '{layer}' zählt Personen, aber {n} Objekte haben einen negativen Wert (Objekt-ID: Wert: {list}). Eine Personenzahl kann nicht negativ sein: Korrigieren Sie sie oder leeren Sie sie (NULL), um das Gebiet auszulassen, und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="208" />
            <source>the folder '{folder}' does not exist either</source>
            <translation>auch der Ordner '{folder}' existiert nicht</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="208" />
            <source>check the file name (a layer inside a GeoPackage is written as file.gpkg|layername=name)</source>
            <translation>prüfen Sie den Dateinamen (ein Layer in einem GeoPackage wird als datei.gpkg|layername=name geschrieben)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="213" />
            <source>{param}: the file '{path}' does not exist; {hint}.</source>
            <translation>{param}: Die Datei '{path}' existiert nicht; {hint}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="243" />
            <source>{inner} and {outer} do not overlap: no feature of '{a}' touches an area of '{b}', so there is nothing to analyse. Check that both layers cover the same place (and their CRS), and run again.</source>
            <translation>{inner} und {outer} überschneiden sich nicht: Kein Objekt von '{a}' berührt ein Gebiet von '{b}', es gibt also nichts zu analysieren. Prüfen Sie, dass beide Layer denselben Ort abdecken (und ihr KBS), und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/validation.py" line="285" />
            <source>{param}: layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.</source>
            <translation>{param}: Layer '{layer}' hat kein Feld '{field}'. Wählen Sie eines seiner Felder: {fields}.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftWalkingCatchments</name>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="143" />
            <source>Peak memory of this process: {mb:.0f} MB.</source>
            <translation>Höchster Speicherbedarf dieses Prozesses: {mb:.0f} MB.</translation>
        </message>
    </context>
    <context>
        <name>ArrivalDynamicsAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="86" />
            <source>Arrival quarter dynamics over the years</source>
            <translation>Dynamik der Ankunftsquartiere über die Jahre</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="89" />
            <source>Classifies the areas year by year and shows which quarters are becoming arrival quarters: class per year, trend, change, transitions and hot spots.</source>
            <translation>Klassifiziert die Gebiete Jahr für Jahr und zeigt, welche Quartiere zu Ankunftsquartieren werden: Klasse je Jahr, Trend, Veränderung, Übergänge und Hotspots.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="92" />
            <source>arrival quarter,Ankunftsquartier,monitoring,dynamics,trend,transition,Markov,Getis-Ord,hot spot</source>
            <translation>Ankunftsquartier,arrival quarter,Monitoring,Dynamik,Trend,Übergang,Markow,Getis-Ord,Hotspot</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="104" />
            <source>Areas, one layer per year</source>
            <translation>Gebiete, ein Layer je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="104" />
            <source>The yearly deliveries: one polygon layer per year, all with the same field names (e.g. planning areas 2015, 2016, …). The layers are never modified. Areas are matched across years by their id.</source>
            <translation>Die Jahreslieferungen: ein Polygon-Layer je Jahr, alle mit denselben Feldnamen (z. B. Planungsräume 2015, 2016, …). Die Layer werden nie verändert. Die Gebiete werden über ihren Schlüssel jahresübergreifend zugeordnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="108" />
            <source>Years (comma-separated, in the order of the layers)</source>
            <translation>Jahre (durch Kommas getrennt, in der Reihenfolge der Layer)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="108" />
            <source>One year per layer, in the same order as the layers above, e.g. 2015,2016,2017. The layers are sorted by year if needed.</source>
            <translation>Ein Jahr je Layer, in derselben Reihenfolge wie die Layer oben, z. B. 2015,2016,2017. Die Layer werden bei Bedarf nach Jahr sortiert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="112" />
            <source>Area id field</source>
            <translation>Feld mit dem Gebietsschlüssel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="112" />
            <source>The area id (e.g. the LOR or block number) that identifies the same area in every year. Areas whose id is missing in some years are reported; if two years share too few ids the boundaries have changed and the years cannot be compared.</source>
            <translation>Der Gebietsschlüssel (z. B. LOR- oder Blocknummer), der dasselbe Gebiet in jedem Jahr bezeichnet. Gebiete, deren Schlüssel in einigen Jahren fehlt, werden gemeldet; haben zwei Jahre zu wenige gemeinsame Schlüssel, haben sich die Grenzen geändert und die Jahre sind nicht vergleichbar.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="116" />
            <source>Area name field</source>
            <translation>Feld mit dem Gebietsnamen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="116" />
            <source>Optional: the area name, copied to the output (from the latest year) and used in the log.</source>
            <translation>Optional: der Gebietsname; er wird (aus dem letzten Jahr) in die Ausgabe übernommen und im Protokoll verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="131" />
            <source>Minimum share of common ids between years</source>
            <translation>Mindestanteil gemeinsamer Schlüssel zwischen den Jahren</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="152" />
            <source>Arrival quarter dynamics</source>
            <translation>Dynamik der Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="152" />
            <source>One feature per area (geometry of the latest year it occurs in): aq_class_&lt;year&gt; and aq_score_&lt;year&gt; per year, trend, change, aq_years, years_missing, and gi_z, gi_p, cluster for the latest year.</source>
            <translation>Ein Objekt je Gebiet (Geometrie aus dem letzten Jahr, in dem es vorkommt): aq_class_&lt;Jahr&gt; und aq_score_&lt;Jahr&gt; je Jahr, trend, change, aq_years, years_missing sowie gi_z, gi_p, cluster für das letzte Jahr.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="156" />
            <source>Class transitions</source>
            <translation>Klassenübergänge</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="156" />
            <source>Table of class in year t → class in year t+1: number of areas and share of the row (Markov transition probabilities), per pair of consecutive years and pooled (period 'all').</source>
            <translation>Tabelle Klasse im Jahr t → Klasse im Jahr t+1: Anzahl der Gebiete und Anteil an der Zeile (Übergangswahrscheinlichkeiten einer Markow-Kette), je Paar aufeinanderfolgender Jahre und zusammengefasst (period 'all').</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="161" />
            <source>Number of areas</source>
            <translation>Anzahl der Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="162" />
            <source>Number of areas that changed class</source>
            <translation>Anzahl der Gebiete mit Klassenwechsel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="163" />
            <source>Number of areas missing in some years</source>
            <translation>Anzahl der Gebiete, die in einigen Jahren fehlen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="164" />
            <source>Number of hot spots (latest year)</source>
            <translation>Anzahl der Hotspots (letztes Jahr)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="165" />
            <source>Number of cold spots (latest year)</source>
            <translation>Anzahl der Coldspots (letztes Jahr)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="169" />
            <source>Number of areas: {}</source>
            <translation>Anzahl der Gebiete: {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="218" />
            <source>Choose at least two layers (one per year) as input.</source>
            <translation>Wählen Sie mindestens zwei Layer (einen je Jahr) als Eingabe.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="223" />
            <source>Years: '{value}' is not a year. Write the years comma-separated, e.g. 2015,2016,2017.</source>
            <translation>Jahre: '{value}' ist keine Jahreszahl. Schreiben Sie die Jahre durch Kommas getrennt, z. B. 2015,2016,2017.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="227" />
            <source>{n_years} years given ({years}) for {n_layers} layers: give exactly one year per layer, in the order of the layers.</source>
            <translation>{n_years} Jahre angegeben ({years}) für {n_layers} Layer: Geben Sie genau ein Jahr je Layer an, in der Reihenfolge der Layer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="233" />
            <source>Years: each year may occur only once ({years}).</source>
            <translation>Jahre: Jedes Jahr darf nur einmal vorkommen ({years}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="236" />
            <source>The layers were sorted by year.</source>
            <translation>Die Layer wurden nach Jahr sortiert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="243" />
            <source>Choose the area id field: areas are matched across years by their id.</source>
            <translation>Wählen Sie das Feld mit dem Gebietsschlüssel: Die Gebiete werden über ihren Schlüssel jahresübergreifend zugeordnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="247" />
            <source>Choose the population field.</source>
            <translation>Wählen Sie das Feld mit der Einwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="250" />
            <source>Choose at least two of the arrivals, turnover and diversity fields (the social field is context only).</source>
            <translation>Wählen Sie mindestens zwei der Felder Zuzüge, Fluktuation und Vielfalt (das Sozialfeld dient nur als Kontext).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="268" />
            <source>{layer} (year {year})</source>
            <translation>{layer} (Jahr {year})</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="273" />
            <source>Layer '{layer}' has no features.</source>
            <translation>Der Layer '{layer}' enthält keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="283" />
            <source>Layer '{layer}': {n} ids occur more than once in field '{field}' (e.g. {ids}). Each area must occur once per year: dissolve multi-part areas or choose another id field.</source>
            <translation>Layer '{layer}': {n} Schlüssel kommen im Feld '{field}' mehrfach vor (z. B. {ids}). Jedes Gebiet darf je Jahr nur einmal vorkommen: Führen Sie mehrteilige Gebiete zusammen oder wählen Sie ein anderes Schlüsselfeld.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="289" />
            <source>Layer '{layer}': {n} features have no id in field '{field}' and are left out.</source>
            <translation>Layer '{layer}': {n} Objekte haben keinen Schlüssel im Feld '{field}' und bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="294" />
            <source>Years {a} and {b} share only {share:.0f} % of their area ids (field '{field}'): the area boundaries or the id system changed between them (e.g. a boundary reform). Areas cannot be compared one by one across such a change: analyse the years before and after it separately, or first transfer one year's data to the other year's areas.</source>
            <translation>Die Jahre {a} und {b} haben nur {share:.0f} % ihrer Gebietsschlüssel gemeinsam (Feld '{field}'): Zwischen ihnen haben sich die Gebietsgrenzen oder das Schlüsselsystem geändert (z. B. durch eine Gebietsreform). Über eine solche Änderung hinweg lassen sich Gebiete nicht einzeln vergleichen: Werten Sie die Jahre davor und danach getrennt aus oder übertragen Sie zuerst die Daten eines Jahres auf die Gebiete des anderen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="300" />
            <source>Some ids were matched only by ignoring leading zeros (e.g. a number field in one year, a text field in another). Check that field '{field}' means the same in every year.</source>
            <translation>Einige Schlüssel wurden nur unter Nichtbeachtung führender Nullen zugeordnet (z. B. Zahlenfeld in einem Jahr, Textfeld in einem anderen). Prüfen Sie, ob das Feld '{field}' in jedem Jahr dasselbe bedeutet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="307" />
            <source>{n} areas do not occur in every year (missing years in brackets); they are kept, with the years they have: {areas}</source>
            <translation>{n} Gebiete kommen nicht in jedem Jahr vor (fehlende Jahre in Klammern); sie bleiben mit den vorhandenen Jahren erhalten: {areas}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="324" />
            <source>Layer '{layer}': {error}</source>
            <translation>Layer '{layer}': {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="327" />
            <source>{year}: {counts}</source>
            <translation>{year}: {counts}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="562" />
            <source>{n} of {total} areas changed class at least once between {first} and {last}.</source>
            <translation>{n} von {total} Gebieten haben zwischen {first} und {last} mindestens einmal die Klasse gewechselt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="576" />
            <source>Transitions (all pairs of consecutive years; rows: class in year t, columns: class in year t+1):</source>
            <translation>Übergänge (alle Paare aufeinanderfolgender Jahre; Zeilen: Klasse im Jahr t, Spalten: Klasse im Jahr t+1):</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="582" />
            <source>Spatial clusters {year}: {hot} hot spots, {cold} cold spots.</source>
            <translation>Räumliche Cluster {year}: {hot} Hotspots, {cold} Coldspots.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="131" />
            <source>If two consecutive years share fewer ids than this (relative to the smaller year), the area boundaries or the id system changed: the years are harmonised onto one geometry (below) or, where that is not possible, the run stops with a message.</source>
            <translation>Teilen zwei aufeinanderfolgende Jahre weniger Kennungen als diesen Anteil (bezogen auf das kleinere Jahr), haben sich die Gebietsgrenzen oder das Kennungssystem geändert: die Jahre werden auf eine Geometrie harmonisiert (unten) oder, wo das nicht möglich ist, bricht der Lauf mit einer Meldung ab.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="136" />
            <source>Harmonise years on other boundaries</source>
            <translation>Jahre auf anderen Gebietsgrenzen harmonisieren</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="141" />
            <source>Geometry of the year</source>
            <translation>Geometrie des Jahres</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="141" />
            <source>The year whose areas all years are harmonised onto. Empty: the latest year.</source>
            <translation>Das Jahr, auf dessen Gebiete alle Jahre harmonisiert werden. Leer: das letzte Jahr.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="166" />
            <source>Number of years harmonised onto the target year's areas</source>
            <translation>Zahl der auf die Gebiete des Zieljahrs harmonisierten Jahre</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="484" />
            <source>Geometry of the year: {year} is not one of the years given ({years}).</source>
            <translation>Geometrie des Jahres: {year} ist keines der angegebenen Jahre ({years}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="503" />
            <source>Layer '{layer}' has no geometries: the other years cannot be harmonised onto it.</source>
            <translation>Der Layer '{layer}' hat keine Geometrien: die anderen Jahre lassen sich nicht auf ihn harmonisieren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="522" />
            <source>Years {a} and {b} share only {share:.0f} % of their area ids, and {pct:.0f} % of the population of {a} lies outside the areas of {b}: the two layers do not cover the same place, so the years cannot be harmonised. Check the layers and their CRS, or analyse the years separately.</source>
            <translation>Die Jahre {a} und {b} teilen nur {share:.0f} % ihrer Gebietskennungen, und {pct:.0f} % der Bevölkerung von {a} liegen außerhalb der Gebiete von {b}: die beiden Layer decken nicht denselben Raum ab, die Jahre lassen sich nicht harmonisieren. Bitte die Layer und ihr Koordinatensystem prüfen oder die Jahre getrennt auswerten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="533" />
            <source>{year} harmonised onto {target}: {n} areas ({split} split), population {a:.0f} → {b:.0f} ({d:+.4f} %); share of the population from split areas: median {m:.0f} %, maximum {x:.0f} %.</source>
            <translation>{year} auf {target} harmonisiert: {n} Gebiete ({split} geteilt), Bevölkerung {a:.0f} → {b:.0f} ({d:+.4f} %); Anteil der Bevölkerung aus geteilten Gebieten: Median {m:.0f} %, Maximum {x:.0f} %.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="136" />
            <source>Years delivered on other areas (a boundary reform: few common ids with the target year) are moved onto the target year's areas on the way in (as 'Harmonise areas': area-weighted, or through the buildings or population grid given below): counts as counts, percentages and rates through the counts behind them. The log says so, the output marks the harmonised years (harm_years) and gives per year the share of each area's population that came from split areas (harm_split_&lt;year&gt;). Off: such years stop the run.</source>
            <translation>Jahre, die auf anderen Gebieten geliefert wurden (eine Gebietsreform: wenige gemeinsame Kennungen mit dem Zieljahr), werden beim Einlesen auf die Gebiete des Zieljahrs übertragen (wie 'Gebiete harmonisieren': flächengewichtet oder über die unten angegebenen Gebäude oder das Bevölkerungsgitter): Zählwerte als Zählwerte, Anteile und Quoten über die zugrunde liegenden Zählwerte. Das Protokoll sagt es, die Ausgabe kennzeichnet die harmonisierten Jahre (harm_years) und nennt je Jahr den Anteil der Bevölkerung jedes Gebiets, der aus geteilten Gebieten stammt (harm_split_&lt;Jahr&gt;). Aus: solche Jahre brechen den Lauf ab.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="146" />
            <source>Buildings for harmonising (dasymetric)</source>
            <translation>Gebäude für die Harmonisierung (dasymetrisch)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="146" />
            <source>Optional: building footprints. A split area's figures go where its buildings are (by footprint) instead of by surface. A population grid (below) takes precedence.</source>
            <translation>Optional: Gebäudegrundrisse. Die Zahlen eines geteilten Gebiets werden dorthin verteilt, wo seine Gebäude stehen (nach Grundfläche), statt nach der Fläche. Ein Bevölkerungsgitter (unten) hat Vorrang.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="505" />
            <source>{n} years lie on other areas than {year} (boundary reform): their figures are moved onto the {m} areas of {year} ({how}).</source>
            <translation>{n} Jahre liegen auf anderen Gebieten als {year} (Gebietsreform): ihre Zahlen werden auf die {m} Gebiete von {year} übertragen ({how}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="544" />
            <source>split areas weighted by the population grid</source>
            <translation>geteilte Gebiete nach dem Bevölkerungsgitter gewichtet</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="549" />
            <source>split areas weighted by {n} buildings</source>
            <translation>geteilte Gebiete nach {n} Gebäuden gewichtet</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/arrival_dynamics.py" line="550" />
            <source>area-weighted</source>
            <translation>flächengewichtet</translation>
        </message>
    </context>
    <context>
        <name>ClassifyArrivalQuartersAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="116" />
            <source>Classify arrival quarters</source>
            <translation>Ankunftsquartiere einordnen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="119" />
            <source>Finds established and emerging arrival quarters from small-area statistics, compared within the city.</source>
            <translation>Findet etablierte und neu entstehende Ankunftsquartiere aus kleinräumigen Statistiken, im innerstädtischen Vergleich.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="122" />
            <source>arrival quarter,Ankunftsquartier,migration,turnover,z-score,empirical bayes,monitoring</source>
            <translation>Ankunftsquartier,arrival quarter,Zuwanderung,Migration,Fluktuation,z-Wert,Empirical Bayes,Sozialraummonitoring,Monitoring</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="151" />
            <source>Areas (blocks, statistical districts, planning areas)</source>
            <translation>Gebiete (Blöcke, statistische Bezirke, Planungsräume)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="151" />
            <source>Polygon layer with one feature per area and its statistics. It is never modified; any CRS works.</source>
            <translation>Polygon-Layer mit einem Objekt je Gebiet und seinen Kennzahlen. Er wird nie verändert; jedes Koordinatensystem ist möglich.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="157" />
            <source>Area id field</source>
            <translation>Feld Gebietskennung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="157" />
            <source>Optional: the area id, used to name areas in the log (e.g. the LOR or block number).</source>
            <translation>Optional: die Gebietskennung, mit der Gebiete im Protokoll genannt werden (z. B. LOR- oder Blocknummer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="161" />
            <source>Population field (inhabitants)</source>
            <translation>Feld Einwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="161" />
            <source>Inhabitants per area. Counts are turned into rates with it; placeholders such as '.', '-' or 'x' and 0 give the class 'insufficient'.</source>
            <translation>Einwohnerzahl je Gebiet. Damit werden Fallzahlen in Raten umgerechnet; Platzhalter wie '.', '-' oder 'x' und 0 ergeben die Klasse 'Datengrundlage unzureichend'.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="170" />
            <source>count (converted with the population)</source>
            <translation>Fallzahl (mit der Einwohnerzahl umgerechnet)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="170" />
            <source>percent of population</source>
            <translation>Prozent der Bevölkerung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="170" />
            <source>per 1000 inhabitants</source>
            <translation>je 1000 Einwohnerinnen und Einwohner</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="172" />
            <source>Arrivals field (international in-migration)</source>
            <translation>Feld Zuzüge (aus dem Ausland)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="172" />
            <source>International in-migration in the period, or a proxy such as the growth of the foreign population between two register cut-offs. Optional, but at least two of arrivals, turnover and diversity are needed.</source>
            <translation>Zuzüge aus dem Ausland im Zeitraum oder eine Ersatzgröße wie das Wachstum der ausländischen Bevölkerung zwischen zwei Stichtagen des Melderegisters. Optional, aber mindestens zwei von Zuzügen, Fluktuation und Vielfalt sind nötig.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="176" />
            <source>Turnover field (in- plus out-moves)</source>
            <translation>Feld Fluktuation (Zu- und Fortzüge)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="176" />
            <source>Fluctuation: moves into and out of the area, e.g. Berlin MSS indicator K11 (moves per 100 inhabitants = percent). High turnover alone never makes an arrival quarter; it stands in for arrivals only when no arrivals field is given.</source>
            <translation>Fluktuation: Zu- und Fortzüge des Gebiets, z. B. der Berliner MSS-Indikator K11 (Umzüge je 100 Einwohner = Prozent). Hohe Fluktuation allein macht nie ein Ankunftsquartier; sie tritt nur an die Stelle der Zuzüge, wenn kein Zuzugsfeld angegeben ist.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="180" />
            <source>Diversity field (foreign nationals or migration background)</source>
            <translation>Feld Vielfalt (ausländische Staatsangehörige oder Migrationshintergrund)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="180" />
            <source>Residents with foreign nationality or migration background. High diversity marks grown networks: it tells established from emerging arrival quarters.</source>
            <translation>Bewohnerinnen und Bewohner mit ausländischer Staatsangehörigkeit oder Migrationshintergrund. Hohe Vielfalt steht für gewachsene Netzwerke: Sie unterscheidet etablierte von neu entstehenden Ankunftsquartieren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="184" />
            <source>Social context field (e.g. SGB II recipients)</source>
            <translation>Feld sozialer Kontext (z. B. SGB-II-Bezug)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="184" />
            <source>Context only: its rate and z-value are reported, it never changes the class (the class names a function, not a deficit).</source>
            <translation>Nur Kontext: Rate und z-Wert werden ausgegeben, die Klasse verändert es nie (die Klasse benennt eine Funktion, kein Defizit).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="202" />
            <source>Unit of this field</source>
            <translation>Einheit dieses Felds</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="202" />
            <source>Count: number of persons or moves (divided by the population); percent of the population; or per 1000 inhabitants.</source>
            <translation>Fallzahl: Zahl der Personen oder Umzüge (durch die Einwohnerzahl geteilt); Prozent der Bevölkerung; oder je 1000 Einwohner.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="206" />
            <source>Minimum population</source>
            <translation>Mindesteinwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="206" />
            <source>Areas with fewer inhabitants get the class 'insufficient' and are left out of the city reference (as in Berlin's MSS).</source>
            <translation>Gebiete mit weniger Einwohnern erhalten die Klasse 'Datengrundlage unzureichend' und gehen nicht in den städtischen Vergleich ein (wie im Berliner MSS).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="212" />
            <source>Threshold (standard deviations)</source>
            <translation>Schwellenwert (Standardabweichungen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="212" />
            <source>z-score mode: an indicator counts as high at or above this many standard deviations above the population-weighted city mean.</source>
            <translation>z-Wert-Modus: Ein Indikator gilt als hoch, wenn er mindestens so viele Standardabweichungen über dem einwohnergewichteten städtischen Mittel liegt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="218" />
            <source>What counts as high</source>
            <translation>Was als hoch gilt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="218" />
            <source>z-score against the city</source>
            <translation>z-Wert im städtischen Vergleich</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="218" />
            <source>quantile of the city's areas</source>
            <translation>Quantil der Gebiete der Stadt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="218" />
            <source>z-score: above the threshold in standard deviations. Quantile: at or above the given quantile of the areas' rates (robust against outliers).</source>
            <translation>z-Wert: über dem Schwellenwert in Standardabweichungen. Quantil: mindestens das angegebene Quantil der Raten der Gebiete (robust gegen Ausreißer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="224" />
            <source>Quantile (quantile mode)</source>
            <translation>Quantil (Quantilmodus)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="224" />
            <source>Quantile mode only: 0.8 means the top fifth of the areas counts as high.</source>
            <translation>Nur im Quantilmodus: 0,8 bedeutet, dass das oberste Fünftel der Gebiete als hoch gilt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="231" />
            <source>Empirical-Bayes smoothing of count indicators</source>
            <translation>Empirical-Bayes-Glättung der Fallzahlen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="231" />
            <source>Shrinks the rates of small areas toward the city rate in proportion to their population (global Empirical Bayes, as in GeoDa), so that chance does not make a small area look extreme.</source>
            <translation>Zieht die Raten kleiner Gebiete je nach Einwohnerzahl zur gesamtstädtischen Rate hin (globales Empirical Bayes, wie in GeoDa), damit der Zufall ein kleines Gebiet nicht extrem erscheinen lässt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="269" />
            <source>Arrival quarters</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="285" />
            <source>Number of areas: {label}</source>
            <translation>Anzahl Gebiete: {label}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="335" />
            <source>Choose the population field of layer '{layer}'.</source>
            <translation>Wählen Sie das Einwohnerfeld des Layers '{layer}'.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="349" />
            <source>Layer '{layer}': choose at least two of the arrivals, turnover and diversity fields (the social field is context only).</source>
            <translation>Layer '{layer}': Wählen Sie mindestens zwei der Felder Zuzüge, Fluktuation und Vielfalt (das Sozialfeld ist nur Kontext).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="295" />
            <source>Reading {n} areas of '{layer}'…</source>
            <translation>Lese {n} Gebiete aus '{layer}' …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="298" />
            <source>Layer '{layer}' has no features.</source>
            <translation>Der Layer '{layer}' enthält keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="397" />
            <source>Layer '{layer}': {error}</source>
            <translation>Layer '{layer}': {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="503" />
            <source>{indicator} ('{field}', {unit}): city mean {mean:.1f} per 1000, SD {sd:.1f}</source>
            <translation>{indicator} ('{field}', {unit}): städtisches Mittel {mean:.1f} je 1000, Standardabweichung {sd:.1f}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="507" />
            <source>; high from {cut:.1f} per 1000</source>
            <translation>; hoch ab {cut:.1f} je 1000</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="509" />
            <source>; smoothed (city rate {b:.1f} per 1000)</source>
            <translation>; geglättet (städtische Rate {b:.1f} je 1000)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="514" />
            <source>Result:</source>
            <translation>Ergebnis:</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="517" />
            <source>{label}: {n} areas, {pop} inhabitants ({share:.1f} % of the population)</source>
            <translation>{label}: {n} Gebiete, {pop} Einwohner ({share:.1f} % der Bevölkerung)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="538" />
            <source>Areas with missing values: {areas}</source>
            <translation>Gebiete mit fehlenden Werten: {areas}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="540" />
            <source>Confidentiality: {n} count values below {t:g} were blanked in the output.</source>
            <translation>Geheimhaltung: {n} Fallzahlen unter {t:g} wurden im Ergebnis geleert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="236" />
            <source>Population at the start of the period (optional)</source>
            <translation>Einwohner zu Beginn des Zeitraums (optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="236" />
            <source>Inhabitants at the start of the period the arrivals are measured over (e.g. 2015 for arrivals 2015–2020). Areas whose population grew by more than the growth limit (e.g. new housing) are flagged and cannot be 'established' on diversity measured at the end of the period: their new residents have not had time to form networks.</source>
            <translation>Einwohner zu Beginn des Zeitraums, über den die Zuzüge gemessen werden (z. B. 2015 für Zuzüge 2015–2020). Gebiete, deren Einwohnerzahl stärker als die Wachstumsgrenze gewachsen ist (z. B. Neubau), werden markiert und können nicht aufgrund der am Ende des Zeitraums gemessenen Vielfalt „etabliert“ sein: ihre neuen Bewohner hatten keine Zeit, Netzwerke zu bilden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="246" />
            <source>Diversity at the start of the period (optional)</source>
            <translation>Vielfalt zu Beginn des Zeitraums (optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="246" />
            <source>The diversity field at the start of the period, in the same unit as the diversity field. Areas with strong growth are 'established' only if their diversity was high at the start; without this field they can only be 'emerging'.</source>
            <translation>Das Vielfaltsfeld zu Beginn des Zeitraums, in derselben Einheit wie das Vielfaltsfeld. Gebiete mit starkem Zuwachs sind nur „etabliert“, wenn ihre Vielfalt zu Beginn hoch war; ohne dieses Feld können sie höchstens ein neues Ankunftsquartier sein.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="256" />
            <source>Growth limit (percent)</source>
            <translation>Wachstumsgrenze (Prozent)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="256" />
            <source>Population growth over the period above which an area is flagged as strongly growing (default 50 %: by more than half).</source>
            <translation>Einwohnerzuwachs im Zeitraum, ab dem ein Gebiet als stark wachsend markiert wird (Vorgabe 50 %: um mehr als die Hälfte).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="263" />
            <source>Robustness over a grid of settings</source>
            <translation>Robustheit über ein Raster von Einstellungen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="263" />
            <source>Also classifies in the same pass with thresholds 0.5, 0.75, 1.0, 1.25 and 1.5 SD and the top fifth (quantile 0.8), each with and without smoothing (12 settings). Each area gets aq_stability (share of the settings in which it is an arrival quarter), aq_stab_class (share in which it has its class of this run) and aq_robust: 'robust' when it keeps its class in at least three quarters of the settings, else 'borderline'.</source>
            <translation>Klassifiziert im selben Durchgang auch mit den Schwellen 0,5, 0,75, 1,0, 1,25 und 1,5 Standardabweichungen und dem obersten Fünftel (Quantil 0,8), jeweils mit und ohne Glättung (12 Einstellungen). Jedes Gebiet erhält aq_stability (Anteil der Einstellungen, in denen es Ankunftsquartier ist), aq_stab_class (Anteil, in dem es die Klasse dieses Laufs hat) und aq_robust: 'robust', wenn es seine Klasse in mindestens drei Vierteln der Einstellungen behält, sonst 'borderline' (Grenzfall).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="269" />
            <source>The areas with aq_class, aq_label, aq_score, rate_… and z_… per indicator, aq_reason, aq_flag (new_build, duplicate_id), aq_growth (with a start population) and the robustness fields.</source>
            <translation>Die Gebiete mit aq_class, aq_label, aq_score, rate_… und z_… je Indikator, aq_reason, aq_flag (new_build, duplicate_id), aq_growth (mit Anfangsbevölkerung) und den Robustheitsfeldern.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="273" />
            <source>Sensitivity table</source>
            <translation>Sensitivitätstabelle</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="273" />
            <source>Optional table without geometry: one row per setting of the grid with the number of areas and inhabitants per class.</source>
            <translation>Optionale Tabelle ohne Geometrie: eine Zeile je Einstellung des Rasters mit der Zahl der Gebiete und Einwohner je Klasse.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="382" />
            <source>The diversity at the start of the period needs the population at the start of the period too.</source>
            <translation>Die Vielfalt zu Beginn des Zeitraums braucht auch die Einwohnerzahl zu Beginn des Zeitraums.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="460" />
            <source>smoothed</source>
            <translation>geglättet</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="460" />
            <source>unsmoothed</source>
            <translation>ungeglättet</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="462" />
            <source>top {pct:g} % (quantile {q:g}), {how}</source>
            <translation>oberste {pct:g} % (Quantil {q:g}), {how}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="463" />
            <source>{t:g} SD, {how}</source>
            <translation>{t:g} SD, {how}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="470" />
            <source>Sensitivity (areas / inhabitants per class and setting):</source>
            <translation>Sensitivität (Gebiete / Einwohner je Klasse und Einstellung):</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="523" />
            <source>{label}: {robust} robust, {borderline} borderline (robust: the same class in at least {share:g} % of the {k} settings)</source>
            <translation>{label}: {robust} robust, {borderline} Grenzfälle (robust: dieselbe Klasse in mindestens {share:g} % der {k} Einstellungen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="548" />
            <source>{n} area ids occur more than once: {ids}. Each such area is counted once in the city reference and in the totals; the copies are flagged (aq_flag 'duplicate_id'). Remove the duplicates from the layer.</source>
            <translation>{n} Gebietskennungen kommen mehrfach vor: {ids}. Jedes solche Gebiet wird im Stadtvergleich und in den Summen einmal gezählt; die Kopien sind markiert (aq_flag 'duplicate_id'). Entfernen Sie die Duplikate aus dem Layer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/classify_arrival_quarters.py" line="560" />
            <source>{n} areas grew by more than {limit:g} % (e.g. new housing): they can be 'established' only on diversity at the start of the period: {areas}</source>
            <translation>{n} Gebiete sind um mehr als {limit:g} % gewachsen (z. B. Neubau): sie können nur aufgrund der Vielfalt zu Beginn des Zeitraums „etabliert“ sein: {areas}</translation>
        </message>
    </context>
    <context>
        <name>DataPageMixin</name>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="160" />
            <source>Proposed from the field name (match {} %)</source>
            <translation>Anhand des Feldnamens vorgeschlagen (Übereinstimmung {} %)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="190" />
            <source>Choose or load a polygon layer with the areas.</source>
            <translation>Wählen oder laden Sie einen Polygonlayer mit den Gebieten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="193" />
            <source>The layer has no numeric fields. Statistics stored as text are read where possible (German number format too); placeholders such as '.', '-' or 'x' never become numbers. Join the statistics to the areas first if they are in a separate table.</source>
            <translation>Der Layer hat keine numerischen Felder. Als Text gespeicherte Statistik wird gelesen, wo es geht (auch im deutschen Zahlenformat); Platzhalter wie '.', '-' oder 'x' werden nie zu Zahlen. Liegt die Statistik in einer eigenen Tabelle, verknüpfen Sie sie zuerst mit den Gebieten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="203" />
            <source>Id</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="207" />
            <source>{} (per 1000)</source>
            <translation>{} (je 1000)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="211" />
            <source>A chosen field is not in the layer any more; choose the fields again.</source>
            <translation>Ein gewähltes Feld gibt es im Layer nicht mehr; wählen Sie die Felder neu.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="251" />
            <source>Choose the population field: rates are computed with it.</source>
            <translation>Wählen Sie das Feld mit der Einwohnerzahl: Damit werden die Quoten berechnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="260" />
            <source>Areas without a population value (empty or a placeholder): {n} of {total}; they get the class 'insufficient data'.</source>
            <translation>Gebiete ohne Einwohnerzahl (leer oder Platzhalter): {n} von {total}; sie erhalten die Klasse „Datengrundlage unzureichend“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="262" />
            <source>Areas with fewer than {min} inhabitants: {n} of {total}; their rates are unreliable, they get 'insufficient data'.</source>
            <translation>Gebiete mit weniger als {min} Einwohner/innen: {n} von {total}; ihre Quoten sind unsicher, sie erhalten „Datengrundlage unzureichend“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="266" />
            <source>{field} – suppressed or missing values ('.', '-', 'x', empty): {n}; they never count as 0.</source>
            <translation>{field} – geheim gehaltene oder fehlende Werte ('.', '-', 'x', leer): {n}; sie zählen nie als 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="268" />
            <source>{field} – counts below {t}: {n}; left empty in the results (statistical confidentiality).</source>
            <translation>{field} – Fallzahlen unter {t}: {n}; in den Ergebnissen leer gelassen (statistische Geheimhaltung).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="270" />
            <source>{field} – negative values (net figures such as population growth): {n}; they rank low.</source>
            <translation>{field} – negative Werte (Saldo-Größen wie Bevölkerungszuwachs): {n}; sie zählen als niedrig.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="272" />
            <source>{field} – rates above 1000 per 1000 inhabitants: {n}; check the unit.</source>
            <translation>{field} – Quoten über 1000 je 1000 Einwohner/innen: {n}; bitte die Einheit prüfen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/data_page.py" line="274" />
            <source>✓ {n} areas, no gaps found.</source>
            <translation>✓ {n} Gebiete, keine Lücken gefunden.</translation>
        </message>
    </context>
    <context>
        <name>EditModelAction</name>
        <message>
            <location filename="../ankunft_plugin/gui/edit_model.py" line="27" />
            <source>Edit Model…</source>
            <translation>Modell bearbeiten…</translation>
        </message>
    </context>
    <context>
        <name>HarmonizeAreasAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="51" />
            <source>Harmonise areas (move counts onto other boundaries)</source>
            <translation>Gebiete harmonisieren (Zählwerte auf andere Grenzen übertragen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="54" />
            <source>Moves counts from one set of areas onto another – across a boundary reform, or from grid cells onto the planner's areas – area-weighted or through buildings, residential land or a population grid, with the uncertainty per area.</source>
            <translation>Überträgt Zählwerte von einer Gebietseinteilung auf eine andere – über eine Gebietsreform hinweg oder von Gitterzellen auf die Gebiete der Planung –, flächengewichtet oder über Gebäude, Wohnbauflächen oder ein Bevölkerungsgitter, mit der Unsicherheit je Gebiet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="57" />
            <source>harmonise,boundary reform,Gebietsreform,areal interpolation,dasymetric,Zensus,grid,LOR</source>
            <translation>harmonisieren,Gebietsreform,Gebietsstand,Flächenumrechnung,dasymetrisch,Zensus,Gitter,LOR</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="61" />
            <source>Source areas (with the counts)</source>
            <translation>Ausgangsgebiete (mit den Zählwerten)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="61" />
            <source>The areas the figures were delivered on, e.g. the planning areas before a boundary reform, or grid cells as polygons. Never modified.</source>
            <translation>Die Gebiete, auf denen die Zahlen geliefert wurden, z. B. die Planungsräume vor einer Gebietsreform oder Gitterzellen als Polygone. Werden nie verändert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="65" />
            <source>Count fields to move</source>
            <translation>Zu übertragende Zählfelder</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="65" />
            <source>Numbers of people (inhabitants, foreigners, arrivals …). Only counts can be moved: a field whose name reads like a percentage or rate is refused; give it as a percentage with its denominator below. The first count field is the reference for the uncertainty.</source>
            <translation>Anzahlen von Menschen (Einwohner, Ausländer, Zuzüge …). Nur Zählwerte lassen sich übertragen: ein Feld, dessen Name nach Anteil oder Quote klingt, wird abgelehnt; es unten als Prozentfeld mit seinem Nenner angeben. Das erste Zählfeld ist der Bezugswert für die Unsicherheit.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="69" />
            <source>Percentage fields (need a denominator)</source>
            <translation>Prozentfelder (brauchen einen Nenner)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="69" />
            <source>Optional: percentages (e.g. share of foreigners). They are turned into counts with the denominator, moved, and turned back into percentages of the moved denominator.</source>
            <translation>Optional: Anteile in Prozent (z. B. Ausländeranteil). Sie werden mit dem Nenner in Zählwerte umgerechnet, übertragen und wieder in Prozent des übertragenen Nenners umgerechnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="73" />
            <source>Denominator of the percentages</source>
            <translation>Nenner der Prozentwerte</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="73" />
            <source>The count the percentages refer to (usually the inhabitants). Required when percentage fields are given; moved as a count too and then the reference for the uncertainty.</source>
            <translation>Der Zählwert, auf den sich die Prozentwerte beziehen (meist die Einwohner). Pflicht, wenn Prozentfelder angegeben sind; wird ebenfalls als Zählwert übertragen und ist dann der Bezugswert für die Unsicherheit.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="77" />
            <source>Target areas</source>
            <translation>Zielgebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="77" />
            <source>The areas the counts are moved onto, e.g. the planning areas after the reform, or the planner's quarters. Their fields are kept.</source>
            <translation>Die Gebiete, auf die übertragen wird, z. B. die Planungsräume nach der Reform oder die Quartiere der Planung. Ihre Felder bleiben erhalten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="81" />
            <source>Buildings (dasymetric weights)</source>
            <translation>Gebäude (dasymetrische Gewichte)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="81" />
            <source>Optional: building footprints. A split source area's people go where its buildings are (by footprint area) instead of by surface.</source>
            <translation>Optional: Gebäudegrundrisse. Die Menschen eines geteilten Ausgangsgebiets werden dorthin verteilt, wo seine Gebäude stehen (nach Grundfläche), statt nach der Fläche.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="85" />
            <source>Residential land (dasymetric weights)</source>
            <translation>Wohnbauflächen (dasymetrische Gewichte)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="85" />
            <source>Optional: polygons of residential land use (e.g. OSM landuse=residential, filtered beforehand). A split source area's people go where its residential land is. Buildings or a population grid take precedence.</source>
            <translation>Optional: Polygone der Wohnnutzung (z. B. OSM landuse=residential, vorher gefiltert). Die Menschen eines geteilten Ausgangsgebiets werden auf seine Wohnbauflächen verteilt. Gebäude oder ein Bevölkerungsgitter haben Vorrang.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="90" />
            <source>Sliver tolerance (%)</source>
            <translation>Splitter-Toleranz (%)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="90" />
            <source>Pieces smaller than this share of a source area are digitising differences between the two boundary sets, not real splits: they are dropped and the rest renormalised (no people are lost).</source>
            <translation>Teilstücke unter diesem Anteil eines Ausgangsgebiets sind Digitalisierungsunterschiede zwischen den beiden Grenzständen, keine echten Teilungen: sie werden verworfen und der Rest neu normiert (es geht niemand verloren).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="96" />
            <source>Harmonised areas</source>
            <translation>Harmonisierte Gebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="96" />
            <source>The target areas with the moved counts (same field names, fractions kept so totals add up), percentages recomputed, harm_split (share of the reference count that came from split source areas: the uncertainty), harm_n_src (number of source areas) and harm_method (area, buildings/grid = points, landuse, mixed).</source>
            <translation>Die Zielgebiete mit den übertragenen Zählwerten (gleiche Feldnamen, Nachkommastellen bleiben, damit die Summen stimmen), neu berechneten Prozentwerten, harm_split (Anteil des Bezugswerts aus geteilten Ausgangsgebieten: die Unsicherheit), harm_n_src (Zahl der Ausgangsgebiete) und harm_method (area = Fläche, points = Gebäude/Gitter, landuse = Wohnbauflächen, mixed = gemischt).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="100" />
            <source>Number of source areas split between several targets</source>
            <translation>Zahl der auf mehrere Zielgebiete aufgeteilten Ausgangsgebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="100" />
            <source>Reference count in the source areas</source>
            <translation>Bezugswert in den Ausgangsgebieten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="100" />
            <source>Reference count moved onto the targets</source>
            <translation>Auf die Zielgebiete übertragener Bezugswert</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="100" />
            <source>Reference count of source areas outside every target</source>
            <translation>Bezugswert der Ausgangsgebiete außerhalb aller Zielgebiete</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="118" />
            <source>Choose at least one count field of '{layer}' to move.</source>
            <translation>Mindestens ein Zählfeld von '{layer}' zum Übertragen wählen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="121" />
            <source>Field(s) {fields} of '{layer}' look like percentages or rates, which cannot be moved between areas (their sums mean nothing). Give them as percentage fields together with their denominator (e.g. the inhabitants), or move the underlying counts.</source>
            <translation>Feld(er) {fields} von '{layer}' sehen nach Anteilen oder Quoten aus; diese lassen sich nicht zwischen Gebieten übertragen (ihre Summen bedeuten nichts). Als Prozentfelder zusammen mit ihrem Nenner (z. B. den Einwohnern) angeben oder die zugrunde liegenden Zählwerte übertragen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="126" />
            <source>Percentages ({fields}) can only be moved with their denominator: choose the field with the count they refer to (e.g. the inhabitants).</source>
            <translation>Prozentwerte ({fields}) lassen sich nur mit ihrem Nenner übertragen: das Feld mit dem Zählwert wählen, auf den sie sich beziehen (z. B. die Einwohner).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="143" />
            <source>Both a population grid and buildings are given: the grid weights the split areas, the buildings are not used.</source>
            <translation>Bevölkerungsgitter und Gebäude sind angegeben: das Gitter gewichtet die geteilten Gebiete, die Gebäude werden nicht verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="148" />
            <source>{n} buildings weight the split areas by footprint.</source>
            <translation>{n} Gebäude gewichten die geteilten Gebiete nach Grundfläche.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="154" />
            <source>{n} residential land polygons weight the split areas without buildings or grid cells.</source>
            <translation>{n} Wohnbauflächen gewichten die geteilten Gebiete ohne Gebäude oder Gitterzellen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="189" />
            <source>Areas are overlaid in {crs}.</source>
            <translation>Die Gebiete werden in {crs} verschnitten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="230" />
            <source>Layer '{layer}', field '{field}': {n} areas have no number (empty or a placeholder); the target areas receiving from them get no value (NULL) in this field.</source>
            <translation>Layer '{layer}', Feld '{field}': {n} Gebiete haben keine Zahl (leer oder ein Platzhalter); die Zielgebiete, die von ihnen erhalten, bekommen in diesem Feld keinen Wert (NULL).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="237" />
            <source>{split} of {n} source areas are split between several target areas; {slivers} slivers (digitising differences) were dropped.</source>
            <translation>{split} von {n} Ausgangsgebieten werden auf mehrere Zielgebiete aufgeteilt; {slivers} Splitter (Digitalisierungsunterschiede) wurden verworfen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="242" />
            <source>grid cells</source>
            <translation>Gitterzellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="242" />
            <source>buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="243" />
            <source>Weighting: {p} source areas by {label}, {l} by residential land, {a} by surface.</source>
            <translation>Gewichtung: {p} Ausgangsgebiete nach {label}, {l} nach Wohnbauflächen, {a} nach Fläche.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="247" />
            <source>{field}: {a:.1f} in the source areas, {b:.1f} moved onto the target areas.</source>
            <translation>{field}: {a:.1f} in den Ausgangsgebieten, {b:.1f} auf die Zielgebiete übertragen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="250" />
            <source>{n} source areas lie outside every target area or have no geometry; their {field} ({v:.0f}) is not moved.</source>
            <translation>{n} Ausgangsgebiete liegen außerhalb aller Zielgebiete oder haben keine Geometrie; ihr Wert {field} ({v:.0f}) wird nicht übertragen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/harmonize_areas.py" line="256" />
            <source>Uncertainty: in {n} target areas more than half of {field} comes from split source areas (median share {m:.0f} %).</source>
            <translation>Unsicherheit: in {n} Zielgebieten stammt mehr als die Hälfte von {field} aus geteilten Ausgangsgebieten (Median-Anteil {m:.0f} %).</translation>
        </message>
    </context>
    <context>
        <name>InfrastructureOverlayAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="124" />
            <source>Social infrastructure and arrival ecosystem</source>
            <translation>Soziale Infrastruktur und Ankunfts-Ökosystem</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="127" />
            <source>Counts social infrastructure per quarter by category, measures walking minutes to the nearest offer and shows which categories are missing in arrival quarters.</source>
            <translation>Zählt die soziale Infrastruktur je Quartier nach Kategorien, misst die Gehminuten zum nächsten Angebot und zeigt, welche Kategorien in Ankunftsquartieren fehlen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="130" />
            <source>infrastructure,Infrastruktur,ecosystem,arrival quarter,Ankunftsquartier,docking point,Andockstelle,walking,OSM</source>
            <translation>Infrastruktur,infrastructure,Ökosystem,Ankunftsquartier,arrival quarter,Andockstelle,docking point,fußläufig,OSM</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="139" />
            <source>Areas (quarters)</source>
            <translation>Gebiete (Quartiere)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="139" />
            <source>Polygon layer of the quarters, typically the output of 'Classify arrival quarters'. If it has the field aq_class, arrival quarters (established/emerging) with a low eco_score get the priority 'new offers needed first'. Never modified; any CRS.</source>
            <translation>Polygonlayer der Quartiere, meist die Ausgabe von „Ankunftsquartiere klassifizieren“. Hat er das Feld aq_class, erhalten Ankunftsquartiere (etabliert/entstehend) mit niedrigem eco_score die Priorität „hier zuerst neue Angebote“. Wird nie verändert; jedes KBS.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="143" />
            <source>Area id field</source>
            <translation>Feld mit der Gebietskennung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="143" />
            <source>Optional: the area id, written to the facilities output and used in the log.</source>
            <translation>Optional: die Gebietskennung; wird in die Einrichtungs-Ausgabe geschrieben und im Protokoll verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="147" />
            <source>Population field (inhabitants)</source>
            <translation>Bevölkerungsfeld (Einwohner)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="147" />
            <source>Inhabitants per area: for facilities per 1,000 inhabitants and the population in each facility's catchment. Placeholders such as '.', '-' or 'x' are treated as unknown, never as 0.</source>
            <translation>Einwohnerinnen und Einwohner je Gebiet: für Einrichtungen je 1.000 Einwohner und die Bevölkerung im Einzugsbereich jeder Einrichtung. Platzhalter wie „.“, „-“ oder „x“ gelten als unbekannt, nie als 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="157" />
            <source>Facilities (one or more point or polygon layers)</source>
            <translation>Einrichtungen (ein oder mehrere Punkt- oder Flächenlayer)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="157" />
            <source>Layers of social infrastructure: OSM extracts (QuickOSM, Geofabrik), the Berlin POI files or your own lists. Polygons count with a point on their surface. Every layer is reprojected. Empty layers are reported and skipped.</source>
            <translation>Layer der sozialen Infrastruktur: OSM-Auszüge (QuickOSM, Geofabrik), die Berliner POI-Dateien oder eigene Listen. Flächen zählen mit einem Punkt auf der Fläche. Jeder Layer wird umprojiziert. Leere Layer werden gemeldet und übersprungen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="163" />
            <source>Category field of the facilities (optional)</source>
            <translation>Kategorienfeld der Einrichtungen (optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="163" />
            <source>Name of a field holding each facility's category (a category key or label of the scheme, e.g. 'counselling' or 'Beratung &amp; Migrationsdienste'). Without it, OSM tags (amenity, social_facility, office, healthcare, shop, religion …), the layer name and the facility name are mapped onto the scheme. Unknown values are reported and kept as 'other'.</source>
            <translation>Name eines Feldes mit der Kategorie jeder Einrichtung (Schlüssel oder Bezeichnung des Schemas, z. B. „counselling“ oder „Beratung &amp; Migrationsdienste“). Ohne dieses Feld werden OSM-Tags (amenity, social_facility, office, healthcare, shop, religion …), der Layername und der Name der Einrichtung auf das Schema abgebildet. Unbekannte Werte werden gemeldet und als „Sonstiges“ behalten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="167" />
            <source>Category scheme (empty: built-in)</source>
            <translation>Kategorienschema (leer: eingebautes)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="167" />
            <source>Category scheme (*.json *.csv)</source>
            <translation>Kategorienschema (*.json *.csv)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="167" />
            <source>Empty: the built-in scheme (resources/categories/scheme.json, ten categories with German and English labels). A JSON file replaces the whole scheme; a CSV file (columns rule,key,value,category) adds rules before the built-in ones. See resources/categories/README.md.</source>
            <translation>Leer: das eingebaute Schema (resources/categories/scheme.json, zehn Kategorien mit deutschen und englischen Bezeichnungen). Eine JSON-Datei ersetzt das ganze Schema; eine CSV-Datei (Spalten rule,key,value,category) stellt eigene Regeln vor die eingebauten. Siehe resources/categories/README.md.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="177" />
            <source>Walking time limit (minutes)</source>
            <translation>Gehzeitgrenze (Minuten)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="177" />
            <source>A category counts as reachable in a quarter when half of its residents reach the nearest facility within this many minutes' walk; also the size of each facility's catchment.</source>
            <translation>Eine Kategorie gilt in einem Quartier als erreichbar, wenn die Hälfte der Bewohnerschaft die nächste Einrichtung in so vielen Gehminuten erreicht; zugleich die Größe des Einzugsbereichs jeder Einrichtung.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="183" />
            <source>Languages field of the facilities (optional)</source>
            <translation>Sprachenfeld der Einrichtungen (optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="183" />
            <source>Name of a field with the languages a facility offers, e.g. 'de,ar,tr,uk' (ISO 639-1 codes or names such as 'Arabisch'). Used for lang_match.</source>
            <translation>Name eines Feldes mit den Sprachen, die eine Einrichtung anbietet, z. B. „de,ar,tr,uk“ (ISO-639-1-Codes oder Namen wie „Arabisch“). Wird für lang_match verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="187" />
            <source>Residents' main languages or nationalities (area field, optional)</source>
            <translation>Hauptsprachen oder Staatsangehörigkeiten der Bewohnerschaft (Gebietsfeld, optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="187" />
            <source>Per area, the residents' main languages or nationalities, e.g. 'ar,tr,uk' or 'SY,TR,UA' or 'Syrien, Türkei'. lang_match is the share of them offered by a facility within the walking time limit.</source>
            <translation>Je Gebiet die Hauptsprachen oder Staatsangehörigkeiten der Bewohnerschaft, z. B. „ar,tr,uk“, „SY,TR,UA“ oder „Syrien, Türkei“. lang_match ist der Anteil davon, den eine Einrichtung innerhalb der Gehzeit anbietet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="197" />
            <source>Arrivals field (area field, optional)</source>
            <translation>Feld der Zugezogenen (Gebietsfeld, optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="197" />
            <source>Optional count of arrivals (e.g. international in-migration or foreign residents) per area: each facility then also gets the arrivals within its catchment, and priorities are ranked by it.</source>
            <translation>Optionale Zahl der Zugezogenen (z. B. Zuzüge aus dem Ausland oder ausländische Einwohner) je Gebiet: Jede Einrichtung erhält dann auch die Zugezogenen in ihrem Einzugsbereich, und die Prioritäten werden danach gereiht.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="207" />
            <source>Buildings (optional)</source>
            <translation>Gebäude (optional)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="207" />
            <source>Optional building footprints: minutes are measured from every building (the area's population spread over its buildings by footprint area) instead of one point on the area's surface. More accurate for large areas.</source>
            <translation>Optionale Gebäudegrundrisse: Die Minuten werden von jedem Gebäude aus gemessen (Bevölkerung des Gebiets nach Grundfläche auf die Gebäude verteilt) statt von einem Punkt auf der Fläche. Genauer bei großen Gebieten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="214" />
            <source>Measure from (without buildings)</source>
            <translation>Messen von (ohne Gebäude)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="214" />
            <source>a grid of points inside each area (residents evenly spread)</source>
            <translation>einem Punktraster in jedem Gebiet (Bewohnerschaft gleichmäßig verteilt)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="214" />
            <source>one point on each area's surface</source>
            <translation>einem Punkt auf jeder Gebietsfläche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="214" />
            <source>Where the residents of an area are assumed to live when no buildings are given. Grid: points every 'grid spacing' metres inside the area (at most about 64 per area), so a facility's catchment counts the part of an area it reaches. One point: faster, coarser (a catchment counts an area wholly or not at all).</source>
            <translation>Wo die Bewohnerschaft eines Gebiets angenommen wird, wenn keine Gebäude angegeben sind. Raster: Punkte im Abstand der Rasterweite im Gebiet (höchstens etwa 64 je Gebiet), sodass ein Einzugsbereich nur den erreichten Teil eines Gebiets zählt. Ein Punkt: schneller, gröber (ein Einzugsbereich zählt ein Gebiet ganz oder gar nicht).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="224" />
            <source>Grid spacing (m)</source>
            <translation>Rasterweite (m)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="224" />
            <source>Distance between the grid points inside each area (larger areas get a coarser grid so that each has at most about 64 points).</source>
            <translation>Abstand der Rasterpunkte in jedem Gebiet (größere Gebiete erhalten ein gröberes Raster mit höchstens etwa 64 Punkten).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="231" />
            <source>Name field of the facilities</source>
            <translation>Namensfeld der Einrichtungen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="231" />
            <source>Field with the facility's name: written to the output and used by the scheme's name rules (e.g. 'Jobcenter …' in a generic offices layer).</source>
            <translation>Feld mit dem Namen der Einrichtung: wird ausgegeben und von den Namensregeln des Schemas genutzt (z. B. „Jobcenter …“ in einem allgemeinen Büro-Layer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="238" />
            <source>Priority: eco_score below</source>
            <translation>Priorität: eco_score unter</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="238" />
            <source>An arrival quarter whose eco_score (share of categories reachable) is below this value gets the priority 'new offers needed first'.</source>
            <translation>Ein Ankunftsquartier, dessen eco_score (Anteil erreichbarer Kategorien) unter diesem Wert liegt, erhält die Priorität „hier zuerst neue Angebote“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="247" />
            <source>Infrastructure per quarter</source>
            <translation>Infrastruktur je Quartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="247" />
            <source>The areas with n_…, p1k_… and min_… per category, eco_score, eco_missing, lang_match, priority and dist_method.</source>
            <translation>Die Gebiete mit n_…, p1k_… und min_… je Kategorie, eco_score, eco_missing, lang_match, priority und dist_method.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="251" />
            <source>Facilities with catchment population</source>
            <translation>Einrichtungen mit Bevölkerung im Einzugsbereich</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="251" />
            <source>Every facility within reach of the areas: its category, the area it lies in, and the population (and arrivals) within its walking catchment.</source>
            <translation>Jede Einrichtung in Reichweite der Gebiete: ihre Kategorie, das Gebiet, in dem sie liegt, und die Bevölkerung (und Zugezogenen) in ihrem fußläufigen Einzugsbereich.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="257" />
            <source>Number of facilities used</source>
            <translation>Zahl der verwendeten Einrichtungen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="258" />
            <source>Number of facilities kept as 'other'</source>
            <translation>Zahl der Einrichtungen unter „Sonstiges“</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="259" />
            <source>Number of quarters with priority 'new offers needed first'</source>
            <translation>Zahl der Quartiere mit Priorität „hier zuerst neue Angebote“</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="260" />
            <source>Distance method</source>
            <translation>Entfernungsmethode</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="503" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="271" />
            <source>{n} small disconnected fragments of the network ({km:.2f} km) are left out; points near them snap onto the connected network.</source>
            <translation>{n} kleine, nicht verbundene Netzteile ({km:.2f} km) bleiben außen vor; Punkte in ihrer Nähe werden an das zusammenhängende Netz angebunden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="347" />
            <source>Choose the population field of layer '{layer}'.</source>
            <translation>Wählen Sie das Bevölkerungsfeld des Layers „{layer}“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="353" />
            <source>Choose at least one facilities layer (points or polygons of social infrastructure).</source>
            <translation>Wählen Sie mindestens einen Einrichtungs-Layer (Punkte oder Flächen der sozialen Infrastruktur).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="368" />
            <source>Category scheme: {error}. Fix the file or leave the parameter empty for the built-in scheme.</source>
            <translation>Kategorienschema: {error}. Korrigieren Sie die Datei oder lassen Sie den Parameter leer für das eingebaute Schema.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="369" />
            <source>Category scheme: {source} ({n} categories).</source>
            <translation>Kategorienschema: {source} ({n} Kategorien).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="375" />
            <source>Distances are measured in {crs}.</source>
            <translation>Entfernungen werden in {crs} gemessen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="379" />
            <source>Layer '{layer}' has no features. Choose a polygon layer of quarters.</source>
            <translation>Der Layer „{layer}“ hat keine Objekte. Wählen Sie einen Polygonlayer mit Quartieren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="393" />
            <source>{n} areas have no usable population in '{field}' (e.g. {ids}): no rates per 1,000 there.</source>
            <translation>{n} Gebiete haben keine verwendbare Bevölkerungszahl in „{field}“ (z. B. {ids}): dort keine Werte je 1.000 Einwohner.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="401" />
            <source>Layer '{layer}' has no field aq_class: priorities are given by eco_score alone ('gaps in the offer'). Run 'Classify arrival quarters' first to rank arrival quarters.</source>
            <translation>Der Layer „{layer}“ hat kein Feld aq_class: Die Priorität richtet sich allein nach dem eco_score („Lücken im Angebot“). Führen Sie zuerst „Ankunftsquartiere klassifizieren“ aus, um Ankunftsquartiere zu reihen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="405" />
            <source>{n} areas have no geometry: they get no figures.</source>
            <translation>{n} Gebiete haben keine Geometrie: Sie erhalten keine Werte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="414" />
            <source>{n} buildings read from '{layer}'.</source>
            <translation>{n} Gebäude aus „{layer}“ gelesen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="433" />
            <source>Building the walking graph of '{layer}'…</source>
            <translation>Fußwegegraph aus „{layer}“ wird aufgebaut …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="436" />
            <source>Walking graph: {edges} edges, {nodes} nodes, {comp} connected parts, {km:.1f} km.</source>
            <translation>Fußwegegraph: {edges} Kanten, {nodes} Knoten, {comp} zusammenhängende Teile, {km:.1f} km.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="446" />
            <source>{n} area points are farther than {d:.0f} m from the walking network (areas {ids}): they are taken as uninhabited; areas where this concerns more than half of the residents get no eco_score.</source>
            <translation>{n} Bezugspunkte liegen weiter als {d:.0f} m vom Fußwegenetz entfernt (Gebiete {ids}): Sie gelten als unbewohnt; Gebiete, in denen das mehr als die Hälfte der Bewohnerschaft betrifft, erhalten keinen eco_score.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="429" />
            <source>No walking network given: minutes are straight-line distance at walking speed (dist_method = 'straight line'); real walks are longer.</source>
            <translation>Kein Fußwegenetz angegeben: Die Minuten beruhen auf der Luftlinie bei Gehgeschwindigkeit (dist_method = „straight line“); echte Wege sind länger.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="463" />
            <source>No facility with a geometry in the chosen layers: every category is missing everywhere.</source>
            <translation>Keine Einrichtung mit Geometrie in den gewählten Layern: Jede Kategorie fehlt überall.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="467" />
            <source>{n} of {total} facilities lie outside all areas: not counted in any area, but still the nearest offer where they are closest.</source>
            <translation>{n} von {total} Einrichtungen liegen außerhalb aller Gebiete: In keinem Gebiet gezählt, aber weiterhin das nächste Angebot, wo sie am nächsten liegen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="505" />
            <source>Some areas could not be measured from the walking network: their eco_score is empty and their priority 'insufficient data'.</source>
            <translation>Einige Gebiete ließen sich nicht über das Fußwegenetz messen: Ihr eco_score bleibt leer, ihre Priorität ist „unzureichende Daten“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="507" />
            <source>No facility has a value in the languages field '{field}': lang_match is 0 wherever languages are needed.</source>
            <translation>Keine Einrichtung hat einen Wert im Sprachenfeld „{field}“: lang_match ist überall 0, wo Sprachen gebraucht werden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="509" />
            <source>Residents' languages are given but no languages field of the facilities: lang_match stays empty.</source>
            <translation>Sprachen der Bewohnerschaft sind angegeben, aber kein Sprachenfeld der Einrichtungen: lang_match bleibt leer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="622" />
            <source>{n} facilities farther than {m:g} minutes (straight line) from every area are left out of the facilities output.</source>
            <translation>{n} Einrichtungen, die von jedem Gebiet mehr als {m:g} Minuten (Luftlinie) entfernt sind, fehlen in der Einrichtungs-Ausgabe.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="628" />
            <source>{n} facilities near the areas are farther than {d:.0f} m from the walking network (snap_ok = false): they reach nobody.</source>
            <translation>{n} Einrichtungen nahe den Gebieten liegen weiter als {d:.0f} m vom Fußwegenetz entfernt (snap_ok = false): Sie erreichen niemanden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="649" />
            <source>Done in {s:.1f} s.</source>
            <translation>Fertig in {s:.1f} s.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="666" />
            <source>Facilities layer '{layer}' is empty: skipped.</source>
            <translation>Der Einrichtungs-Layer „{layer}“ ist leer: übersprungen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="668" />
            <source>'{layer}' is not a readable vector layer: skipped.</source>
            <translation>„{layer}“ ist kein lesbarer Vektorlayer: übersprungen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="670" />
            <source>{n} facilities have no geometry: skipped.</source>
            <translation>{n} Einrichtungen haben keine Geometrie: übersprungen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="672" />
            <source>The category field '{field}' is missing in: {layers}. There the tags, layer name and names are used.</source>
            <translation>Das Kategorienfeld „{field}“ fehlt in: {layers}. Dort werden Tags, Layername und Namen verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="678" />
            <source>The languages field '{field}' is missing in: {layers}.</source>
            <translation>Das Sprachenfeld „{field}“ fehlt in: {layers}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="684" />
            <source>'{layer}' (layer name '{pattern}'): {parts}</source>
            <translation>„{layer}“ (Layername „{pattern}“): {parts}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="686" />
            <source>'{layer}': {parts}</source>
            <translation>„{layer}“: {parts}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="690" />
            <source>{n} facilities have no known category and are kept as 'other'. Add rules for them to a category scheme (see resources/categories/README.md):</source>
            <translation>{n} Einrichtungen haben keine bekannte Kategorie und bleiben unter „Sonstiges“. Ergänzen Sie Regeln in einem Kategorienschema (siehe resources/categories/README.md):</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="694" />
            <source>  {n} × '{token}' in '{layer}'</source>
            <translation>  {n} × „{token}“ in „{layer}“</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="697" />
            <source>{n} facilities were assigned by their name (e.g. 'Jobcenter …' in a generic offices layer).</source>
            <translation>{n} Einrichtungen wurden über ihren Namen zugeordnet (z. B. „Jobcenter …“ in einem allgemeinen Büro-Layer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="701" />
            <source>a point on the area's surface</source>
            <translation>einem Punkt auf der Gebietsfläche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="702" />
            <source>a grid of points inside the area</source>
            <translation>einem Punktraster im Gebiet</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="703" />
            <source>its buildings</source>
            <translation>seinen Gebäuden</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="704" />
            <source>nothing (no geometry)</source>
            <translation>nichts (keine Geometrie)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="706" />
            <source>along the walking network</source>
            <translation>entlang des Fußwegenetzes</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="706" />
            <source>straight line</source>
            <translation>Luftlinie</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="707" />
            <source>Minutes are measured from {what}; distance: {method}.</source>
            <translation>Die Minuten werden gemessen von {what}; Entfernung: {method}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="717" />
            <source>{id}: no eco_score ({label}).</source>
            <translation>{id}: kein eco_score ({label}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/infrastructure_overlay.py" line="720" />
            <source>{id}: eco_score {eco:.2f}, missing: {missing} [{label}]</source>
            <translation>{id}: eco_score {eco:.2f}, fehlt: {missing} [{label}]</translation>
        </message>
    </context>
    <context>
        <name>NumberReading</name>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="21" />
            <source>number field</source>
            <translation>Zahlenfeld</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="22" />
            <source>numbers without thousands separators</source>
            <translation>Zahlen ohne Tausendertrennzeichen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="23" />
            <source>thousands dot recognised</source>
            <translation>Tausenderpunkt erkannt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="24" />
            <source>decimal dot recognised</source>
            <translation>Dezimalpunkt erkannt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="25" />
            <source>decimal comma recognised</source>
            <translation>Dezimalkomma erkannt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="26" />
            <source>thousands comma recognised</source>
            <translation>Tausenderkomma erkannt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="27" />
            <source>German and English forms mixed, every value unambiguous</source>
            <translation>deutsche und englische Schreibweise gemischt, jeder Wert eindeutig</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="28" />
            <source>separator cannot be decided</source>
            <translation>Trennzeichen nicht entscheidbar</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="29" />
            <source>no number</source>
            <translation>keine Zahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="44" />
            <source>{name}: {how}, {n} values</source>
            <translation>{name}: {how}, {n} Werte</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="46" />
            <source> (decided by the column's role: counts of people are whole numbers)</source>
            <translation> (nach der Rolle der Spalte entschieden: Personenzahlen sind ganze Zahlen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="46" />
            <source> (decided by the column's role: rates and factors have decimals)</source>
            <translation> (nach der Rolle der Spalte entschieden: Quoten und Faktoren haben Nachkommastellen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="48" />
            <source>; {n} with spaces between thousands</source>
            <translation>; {n} mit Leerzeichen zwischen den Tausendern</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="50" />
            <source>; {n} with '%' (kept as written)</source>
            <translation>; {n} mit '%' (Wert wie geschrieben übernommen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="53" />
            <source>; {n} missing or placeholders ({parts})</source>
            <translation>; {n} fehlend oder Platzhalter ({parts})</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="55" />
            <source>; {n} not readable as numbers (e.g. {examples})</source>
            <translation>; {n} nicht als Zahl lesbar (z. B. {examples})</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/number_reading.py" line="36" />
            <source>{name}: '.' or ',' may be a thousands or a decimal separator here (e.g. {examples}); the plugin does not guess. Store the column as a number field, or write the numbers unambiguously (1387 instead of 1.387; 1.5 instead of 1.500 for decimals).</source>
            <translation>{name}: '.' oder ',' kann hier Tausender- oder Dezimaltrennzeichen sein (z. B. {examples}); das Plugin rät nicht. Speichern Sie die Spalte als Zahlenfeld oder schreiben Sie die Zahlen eindeutig (1387 statt 1.387; 1,5 statt 1.500 für Dezimalzahlen).</translation>
        </message>
    </context>
    <context>
        <name>PopulationCells</name>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="63" />
            <source>Population grid cells (points)</source>
            <translation>Bevölkerungs-Gitterzellen (Punkte)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="68" />
            <source>Number of people per grid cell</source>
            <translation>Zahl der Menschen je Gitterzelle</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="68" />
            <source>The field of the grid cells with the number of people (Zensus 2022: Einwohner). Placeholders ('–', '.', 'x', empty; the census blanks small counts) count as nobody and are reported.</source>
            <translation>Das Feld der Gitterzellen mit der Zahl der Menschen (Zensus 2022: Einwohner). Platzhalter ('–', '.', 'x', leer; der Zensus hält kleine Zahlen geheim) zählen als niemand und werden gemeldet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="73" />
            <source>Population raster (people per cell)</source>
            <translation>Bevölkerungsraster (Menschen je Zelle)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="73" />
            <source>Optional: a single-band raster with the number of people per cell (e.g. the Zensus grid rasterised, or a GHSL population grid). Nodata and negative cells count as nobody; each cell's people sit at its centre. Used instead of grid points when both are given.</source>
            <translation>Optional: ein einkanaliges Raster mit der Zahl der Menschen je Zelle (z. B. das gerasterte Zensusgitter oder ein GHSL-Bevölkerungsgitter). NoData- und negative Zellen zählen als niemand; die Menschen einer Zelle sitzen in ihrem Mittelpunkt. Wird statt der Gitterpunkte verwendet, wenn beides angegeben ist.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="117" />
            <source>Grid cells '{layer}' are given without the field with the number of people. Choose it (Zensus 2022: Einwohner).</source>
            <translation>Gitterzellen '{layer}' sind ohne das Feld mit der Zahl der Menschen angegeben. Bitte wählen (Zensus 2022: Einwohner).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="126" />
            <source>{n} grid cells of '{layer}' have no number in '{field}' (empty or a placeholder; the census blanks small counts) and count as nobody.</source>
            <translation>{n} Gitterzellen von '{layer}' haben keine Zahl in '{field}' (leer oder ein Platzhalter; der Zensus hält kleine Zahlen geheim) und zählen als niemand.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="132" />
            <source>{n} grid cells of '{layer}' have negative numbers of people; they count as nobody.</source>
            <translation>{n} Gitterzellen von '{layer}' haben negative Personenzahlen; sie zählen als niemand.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="134" />
            <source>{n} grid cells with {p:.0f} people read from '{layer}'.</source>
            <translation>{n} Gitterzellen mit {p:.0f} Menschen aus '{layer}' gelesen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="143" />
            <source>Raster '{layer}' has {n} bands; the first one is read as people per cell.</source>
            <translation>Das Raster '{layer}' hat {n} Kanäle; der erste wird als Menschen je Zelle gelesen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="156" />
            <source>Raster '{layer}' is too large to read at once ({n} cells). Clip it to the study area first (Raster ▸ Extraction ▸ Clip Raster by Extent).</source>
            <translation>Das Raster '{layer}' ist zu groß, um es auf einmal zu lesen ({n} Zellen). Bitte zuerst auf das Untersuchungsgebiet zuschneiden (Raster ▸ Extraktion ▸ Raster auf Ausdehnung zuschneiden).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="160" />
            <source>Raster '{layer}' cannot be read with GDAL ({path}). Use a GeoTIFF or another file GDAL reads.</source>
            <translation>Das Raster '{layer}' lässt sich mit GDAL nicht lesen ({path}). Bitte ein GeoTIFF oder eine andere von GDAL lesbare Datei verwenden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="165" />
            <source>{n} raster cells with {p:.0f} people read from '{layer}'.</source>
            <translation>{n} Rasterzellen mit {p:.0f} Menschen aus '{layer}' gelesen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="63" />
            <source>Optional: points with a number of people each, e.g. the cell centres of the Zensus 2022 100 m grid (load the CSV as delimited text with x_mp_100m/y_mp_100m as coordinates in EPSG:3035). Each cell's people sit at its centre and are placed on the walking network like a building's. Alone, the cells are the people; with population areas, they spread each area's population like buildings (by their people instead of footprint); in 'Harmonise areas' they weight the split areas.</source>
            <translation>Optional: Punkte mit je einer Zahl von Menschen, z. B. die Zellmittelpunkte des 100-m-Gitters des Zensus 2022 (die CSV als getrennten Text laden, x_mp_100m/y_mp_100m als Koordinaten in EPSG:3035). Die Menschen einer Zelle sitzen in ihrem Mittelpunkt und werden wie die eines Gebäudes auf das Wegenetz gelegt. Allein sind die Zellen die Bevölkerung; mit Bevölkerungsgebieten verteilen sie deren Einwohner wie Gebäude (nach ihren Menschen statt nach Grundfläche); in 'Gebiete harmonisieren' gewichten sie die geteilten Gebiete.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="189" />
            <source>Both grid cells and buildings are given: the grid cells place the demand, the buildings are not used.</source>
            <translation>Gitterzellen und Gebäude sind angegeben: die Gitterzellen verorten die Nachfrage, die Gebäude werden nicht verwendet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/population_source.py" line="192" />
            <source>No weight field: each demand area weighs the {p:.0f} people of the grid cells inside it.</source>
            <translation>Kein Gewichtsfeld: jedes Nachfragegebiet wiegt so viel wie die Menschen der Gitterzellen darin (zusammen {p:.0f}).</translation>
        </message>
    </context>
    <context>
        <name>PrepareWalkNetworkAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="82" />
            <source>Prepare walking network</source>
            <translation>Fußwegenetz vorbereiten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="85" />
            <source>Streets and footpaths pedestrians may use, noded at every junction, in metres, with connected components.</source>
            <translation>Straßen und Wege, die zu Fuß begehbar sind, an jeder Kreuzung verknotet, in Metern, mit zusammenhängenden Teilnetzen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="88" />
            <source>walking,network,OSM,footpath,fußläufig,Fußwegenetz,graph,topology</source>
            <translation>zu Fuß,Netz,OSM,Fußweg,fußläufig,Fußwegenetz,Graph,Topologie</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="91" />
            <source>Street and path lines</source>
            <translation>Straßen- und Weglinien</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="91" />
            <source>An OSM extract (QuickOSM output with 'highway', a Geofabrik shapefile with 'fclass') or any municipal street and footpath network. The layer itself is never changed.</source>
            <translation>Ein OSM-Auszug (QuickOSM-Ergebnis mit 'highway', Geofabrik-Shapefile mit 'fclass') oder ein beliebiges kommunales Straßen- und Wegenetz. Der Layer selbst wird nie verändert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="97" />
            <source>Way class field</source>
            <translation>Feld der Wegeklasse</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="97" />
            <source>Field with the way class (OSM 'highway' or Geofabrik 'fclass'). Left empty, 'highway' or 'fclass' is used when the layer has one; otherwise all lines are kept.</source>
            <translation>Feld mit der Wegeklasse (OSM 'highway' oder Geofabrik 'fclass'). Leer gelassen, wird 'highway' oder 'fclass' verwendet, falls vorhanden; sonst bleiben alle Linien erhalten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="103" />
            <source>Way classes to leave out</source>
            <translation>Auszulassende Wegeklassen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="103" />
            <source>Comma-separated way classes closed to pedestrians. Ways with foot=no, or access=private/no without foot=yes, are left out as well when the layer has 'foot'/'access' fields.</source>
            <translation>Durch Kommas getrennte Wegeklassen, die für Fußgänger gesperrt sind. Wege mit foot=no oder access=private/no ohne foot=yes entfallen ebenfalls, wenn der Layer die Felder 'foot'/'access' hat.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="108" />
            <source>Walking network</source>
            <translation>Fußwegenetz</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="108" />
            <source>One line per network edge (between junctions) in a metric CRS, with the input's attributes, length_m and component (0 = largest connected part).</source>
            <translation>Eine Linie je Netzkante (zwischen Kreuzungen) in einem metrischen Koordinatensystem, mit den Attributen der Eingabe, length_m und component (0 = größter zusammenhängender Teil).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="112" />
            <source>Connected components</source>
            <translation>Zusammenhängende Teilnetze</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="113" />
            <source>Share of length outside the largest component</source>
            <translation>Längenanteil außerhalb des größten Teilnetzes</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="141" />
            <source>Layer '{layer}' has no lines. Choose a line layer of streets and footpaths.</source>
            <translation>Der Layer '{layer}' enthält keine Linien. Wählen Sie einen Linienlayer mit Straßen und Fußwegen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="147" />
            <source>Layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.</source>
            <translation>Der Layer '{layer}' hat kein Feld '{field}'. Wählen Sie eines seiner Felder: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="154" />
            <source>Way classes read from the field '{field}'.</source>
            <translation>Wegeklassen aus dem Feld '{field}' gelesen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="156" />
            <source>No way class field ('highway' or 'fclass'): all lines are kept.</source>
            <translation>Kein Wegeklassenfeld ('highway' oder 'fclass'): Alle Linien bleiben erhalten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="164" />
            <source>The network is projected to {crs} (metres).</source>
            <translation>Das Netz wird nach {crs} (Meter) projiziert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="189" />
            <source>Layer '{layer}' has no features.</source>
            <translation>Der Layer '{layer}' enthält keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="194" />
            <source>{n} features of '{layer}' have no line geometry and are left out.</source>
            <translation>{n} Objekte von '{layer}' haben keine Liniengeometrie und entfallen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="201" />
            <source>{n} of {total} ways are closed to pedestrians and left out.</source>
            <translation>{n} von {total} Wegen sind für Fußgänger gesperrt und entfallen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="208" />
            <source>No walkable lines are left in '{layer}'. Check the way class field and the classes to leave out.</source>
            <translation>In '{layer}' bleiben keine begehbaren Linien übrig. Prüfen Sie das Wegeklassenfeld und die auszulassenden Klassen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="213" />
            <source>The lines of '{layer}' have no length (all shorter than a centimetre?). Check the layer and its CRS.</source>
            <translation>Die Linien von '{layer}' haben keine Länge (alle kürzer als ein Zentimeter?). Prüfen Sie den Layer und sein Koordinatensystem.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="218" />
            <source>Network: {edges} edges, {nodes} junctions and ends, {km:.1f} km.</source>
            <translation>Netz: {edges} Kanten, {nodes} Kreuzungen und Enden, {km:.1f} km.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="222" />
            <source>{n} connected components; {share:.1f} % of the length lies outside the largest one; {d} dangles (dead ends).</source>
            <translation>{n} zusammenhängende Teilnetze; {share:.1f} % der Länge liegen außerhalb des größten; {d} offene Enden (Sackgassen).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/prepare_walk_network.py" line="227" />
            <source>More than 5 % of the network is not connected to its largest part: catchments starting there reach little. Check for gaps (bridges, missing footways) or clip the extract more generously.</source>
            <translation>Mehr als 5 % des Netzes hängen nicht mit seinem größten Teil zusammen: Einzugsbereiche, die dort beginnen, reichen nicht weit. Prüfen Sie Lücken (Brücken, fehlende Fußwege) oder schneiden Sie den Auszug großzügiger zu.</translation>
        </message>
    </context>
    <context>
        <name>ResultsMixin</name>
        <message>
            <location filename="../ankunft_plugin/gui/results.py" line="118" />
            <source>The results are temporary layers until the project is saved. When you save the project, the panel writes them into a GeoPackage beside the project file, so the project reopens with them.</source>
            <translation>Die Ergebnisse sind temporäre Layer, bis das Projekt gespeichert ist. Beim Speichern des Projekts schreibt der Arbeitsbereich sie in ein GeoPackage neben der Projektdatei, sodass das Projekt mit ihnen wieder geöffnet wird.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/results.py" line="122" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/results.py" line="141" />
            <source>{} is an input of this project: the results stay temporary layers.</source>
            <translation>{} ist eine Eingabe dieses Projekts: Die Ergebnisse bleiben temporäre Layer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/results.py" line="181" />
            <source>Could not write {} into {}; they stay temporary layers (see the log).</source>
            <translation>{} konnte nicht in {} geschrieben werden; sie bleiben temporäre Layer (siehe Protokoll).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/results.py" line="218" />
            <source>The results are kept in {}.</source>
            <translation>Die Ergebnisse sind in {} gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>RunnerMixin</name>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="91" />
            <source>Another step is still running.</source>
            <translation>Ein anderer Schritt läuft noch.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="96" />
            <source>The algorithm {} is not available.</source>
            <translation>Der Algorithmus {} ist nicht verfügbar.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="113" />
            <source>Running: {} …</source>
            <translation>Läuft: {} …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="171" />
            <source>Could not merge the layers of “{}” (see the log).</source>
            <translation>Die Layer von „{}“ ließen sich nicht zusammenführen (siehe Protokoll).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="243" />
            <source>{}: cancelled – earlier results stay.</source>
            <translation>{}: abgebrochen – vorige Ergebnisse bleiben.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="230" />
            <source>Files: {}</source>
            <translation>Dateien: {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="234" />
            <source>Done: {} ({:.1f} s).</source>
            <translation>Fertig: {} ({:.1f} s).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="249" />
            <source>see the log (View ▸ Panels ▸ Log Messages, tab Ankunft)</source>
            <translation>siehe Protokoll (Ansicht ▸ Bedienfelder ▸ Protokollmeldungen, Reiter Ankunft)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="250" />
            <source>{} failed: {}</source>
            <translation>{} fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/gui/runner.py" line="251" />
            <source>Earlier results stay.</source>
            <translation>Vorige Ergebnisse bleiben.</translation>
        </message>
    </context>
    <context>
        <name>StrategyMapAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="102" />
            <source>District strategy map (PDF)</source>
            <translation>Strategiekarte für Stadtteile (PDF)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="105" />
            <source>Print layout with one page per district: arrival quarters, docking points, catchments, infrastructure and key figures; exported to PDF.</source>
            <translation>Drucklayout mit einer Seite je Bezirk: Ankunftsquartiere, Andockstellen, Einzugsbereiche, Infrastruktur und Kennzahlen; Export als PDF.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="108" />
            <source>strategy map,print layout,atlas,PDF,district,Strategiekarte,Ankunftsquartier,Andockstelle</source>
            <translation>Strategiekarte,Drucklayout,Atlas,PDF,Bezirk,Stadtteil,Ankunftsquartier,Andockstelle</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="116" />
            <source>Districts (one page each)</source>
            <translation>Bezirke (je eine Seite)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="116" />
            <source>Polygons, one map page each (atlas coverage), e.g. districts or district regions. Without it, one page shows the whole extent of the layers.</source>
            <translation>Polygone, je eines pro Kartenseite (Atlas-Abdeckung), z. B. Bezirke oder Bezirksregionen. Ohne diesen Layer zeigt eine Seite das gesamte Gebiet der Layer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="120" />
            <source>District name field</source>
            <translation>Feld mit dem Bezirksnamen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="120" />
            <source>The field with the district's name, shown in the page title. Default: a field called name (or similar).</source>
            <translation>Das Feld mit dem Namen des Bezirks für den Seitentitel. Standard: ein Feld namens name (oder ähnlich).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="124" />
            <source>Classified quarters</source>
            <translation>Eingeordnete Quartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="124" />
            <source>Output of 'Classify arrival quarters' (field aq_class). Drawn by class; gives population and the share in arrival quarters.</source>
            <translation>Ergebnis von „Ankunftsquartiere einordnen“ (Feld aq_class). Wird nach Klassen dargestellt; liefert Einwohnerzahl und Anteil in Ankunftsquartieren.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="128" />
            <source>Population field</source>
            <translation>Feld Einwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="128" />
            <source>Inhabitants per quarter, for the key figures. Default: a field called population/inhabitants, or the latest inh_YYYY.</source>
            <translation>Einwohnerinnen und Einwohner je Quartier für die Kennzahlen. Standard: ein Feld population/inhabitants oder das jüngste inh_JJJJ.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="134" />
            <source>Walking catchments</source>
            <translation>Fußläufige Einzugsbereiche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="134" />
            <source>Output of 'Walking catchments of docking points' (field minutes). Drawn per band; the key figure 'within N minutes' uses the bands up to MINUTES.</source>
            <translation>Ergebnis von „Fußläufige Einzugsbereiche von Andockstellen“ (Feld minutes). Dargestellt je Zeitstufe; die Kennzahl „in N Gehminuten“ nutzt die Zeitstufen bis MINUTES.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="138" />
            <source>Population areas with walking minutes</source>
            <translation>Bevölkerungsgebiete mit Gehminuten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="138" />
            <source>Optional: the areas output of 'Walking catchments of docking points' (fields pop_total and pop_5, pop_10 …). When given, the coverage figure counts these people (placed on buildings) instead of apportioning the catchments by area.</source>
            <translation>Optional: die Gebietsausgabe von „Fußläufige Einzugsbereiche von Andockstellen“ (Felder pop_total und pop_5, pop_10 …). Wenn angegeben, zählt die Erreichbarkeitskennzahl diese (auf Gebäude verteilten) Personen, statt die Einzugsbereiche flächenanteilig umzulegen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="143" />
            <source>Existing docking points</source>
            <translation>Bestehende Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="143" />
            <source>The existing docking points (Andockstellen).</source>
            <translation>Die bestehenden Andockstellen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="147" />
            <source>Social infrastructure (points)</source>
            <translation>Soziale Infrastruktur (Punkte)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="147" />
            <source>Facilities by category, e.g. the facilities output of 'Social infrastructure and arrival ecosystem'.</source>
            <translation>Einrichtungen nach Kategorie, z. B. die Einrichtungsausgabe von „Soziale Infrastruktur und Ankunfts-Ökosystem“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="151" />
            <source>Category field</source>
            <translation>Kategorienfeld</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="151" />
            <source>The facilities' category field. Default: category (keys of the built-in scheme, labelled in the map language).</source>
            <translation>Das Kategorienfeld der Einrichtungen. Standard: category (Schlüssel des mitgelieferten Schemas, beschriftet in der Kartensprache).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="155" />
            <source>Infrastructure per quarter</source>
            <translation>Infrastruktur je Quartier</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="155" />
            <source>Output of 'Social infrastructure and arrival ecosystem' (eco_missing, priority): arrival quarters with gaps are hatched, missing categories go into the key figures.</source>
            <translation>Ergebnis von „Soziale Infrastruktur und Ankunfts-Ökosystem“ (eco_missing, priority): Ankunftsquartiere mit Angebotslücken werden schraffiert, fehlende Kategorien gehen in die Kennzahlen ein.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="159" />
            <source>Suggested docking points</source>
            <translation>Vorgeschlagene Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="159" />
            <source>Output of 'Suggest docking points' (field rank), drawn as stars labelled with their rank.</source>
            <translation>Ergebnis von „Andockstellen vorschlagen“ (Feld rank), dargestellt als Sterne mit ihrem Rang.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="163" />
            <source>Streets (background)</source>
            <translation>Straßen (Hintergrund)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="163" />
            <source>Streets and paths for a clean background (no web tiles needed). Major roads are drawn wider when a highway/fclass field exists.</source>
            <translation>Straßen und Wege für einen ruhigen Hintergrund (keine Webkacheln nötig). Hauptstraßen werden breiter gezeichnet, wenn ein Feld highway/fclass vorhanden ist.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="167" />
            <source>Water (background)</source>
            <translation>Gewässer (Hintergrund)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="167" />
            <source>Rivers, canals and lakes for the background.</source>
            <translation>Flüsse, Kanäle und Seen für den Hintergrund.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="171" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="171" />
            <source>Map title; the district name is appended. Empty: 'Strategiekarte Ankunftsquartiere' (or the English title).</source>
            <translation>Kartentitel; der Name des Bezirks wird angehängt. Leer: „Strategiekarte Ankunftsquartiere“ (oder der englische Titel).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="175" />
            <source>Paper size</source>
            <translation>Papierformat</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="175" />
            <source>A3 landscape</source>
            <translation>A3 quer</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="175" />
            <source>A4 landscape</source>
            <translation>A4 quer</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="175" />
            <source>A3 landscape (default) or A4 landscape.</source>
            <translation>A3 quer (Standard) oder A4 quer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="179" />
            <source>Map language</source>
            <translation>Kartensprache</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="179" />
            <source>German</source>
            <translation>Deutsch</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="179" />
            <source>English</source>
            <translation>Englisch</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="179" />
            <source>Language of the texts on the map (legend, key figures, notes). German by default.</source>
            <translation>Sprache der Texte auf der Karte (Legende, Kennzahlen, Hinweise). Standard: Deutsch.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="191" />
            <source>Data attribution</source>
            <translation>Quellenangabe</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="200" />
            <source>Walking minutes for the coverage figure</source>
            <translation>Gehminuten für die Erreichbarkeitskennzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="200" />
            <source>The key figure counts the population within this many minutes' walk (catchment bands up to this value).</source>
            <translation>Die Kennzahl zählt die Bevölkerung innerhalb so vieler Gehminuten (Zeitstufen der Einzugsbereiche bis zu diesem Wert).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="276" />
            <source>Map pages with key figures</source>
            <translation>Kartenseiten mit Kennzahlen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="206" />
            <source>One polygon per page (the atlas coverage) with the key figures as numbers (kf_…) and as printed text (t_…).</source>
            <translation>Ein Polygon je Seite (die Atlas-Abdeckung) mit den Kennzahlen als Zahlen (kf_…) und als gedruckter Text (t_…).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="210" />
            <source>Strategy map (PDF)</source>
            <translation>Strategiekarte (PDF)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="210" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="210" />
            <source>The multi-page PDF, one page per district.</source>
            <translation>Das mehrseitige PDF, eine Seite je Bezirk.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="214" />
            <source>Folder for PNG pages</source>
            <translation>Ordner für PNG-Seiten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="214" />
            <source>Optional: each page also as a PNG image (150 dpi) in this folder.</source>
            <translation>Optional: jede Seite zusätzlich als PNG-Bild (150 dpi) in diesem Ordner.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="218" />
            <source>Layout name</source>
            <translation>Name des Layouts</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="219" />
            <source>Number of pages</source>
            <translation>Anzahl der Seiten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="227" />
            <source>Layer '{layer}' ({key}) is not valid. Check its data source.</source>
            <translation>Layer „{layer}“ ({key}) ist ungültig. Prüfen Sie seine Datenquelle.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="304" />
            <source>No layer given: choose at least the districts or one result layer (classified quarters, catchments, docking points …).</source>
            <translation>Kein Layer angegeben: Wählen Sie mindestens die Bezirke oder einen Ergebnis-Layer (eingeordnete Quartiere, Einzugsbereiche, Andockstellen …).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="307" />
            <source>Layer '{layer}' ({key}) has no features.</source>
            <translation>Layer „{layer}“ ({key}) enthält keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="247" />
            <source>Map CRS: {crs}</source>
            <translation>KBS der Karte: {crs}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="324" />
            <source>Layer '{layer}' has no field aq_class: the quarters are drawn without classes and the share in arrival quarters is not shown. Use the output of 'Classify arrival quarters'.</source>
            <translation>Layer „{layer}“ hat kein Feld aq_class: Die Quartiere werden ohne Klassen gezeichnet, der Anteil in Ankunftsquartieren wird nicht gezeigt. Verwenden Sie das Ergebnis von „Ankunftsquartiere einordnen“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="327" />
            <source>No population field found in '{layer}': population figures are shown as n/a. Choose the population field.</source>
            <translation>Kein Einwohnerfeld in „{layer}“ gefunden: Einwohnerzahlen werden als k. A. gezeigt. Wählen Sie das Feld mit der Einwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="250" />
            <source>Computing key figures…</source>
            <translation>Kennzahlen werden berechnet…</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="356" />
            <source>{n} districts without geometry are left out.</source>
            <translation>{n} Bezirke ohne Geometrie werden ausgelassen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="358" />
            <source>Layer '{layer}' has no district with a geometry: choose a polygon layer with districts.</source>
            <translation>Layer „{layer}“ enthält keinen Bezirk mit Geometrie: Wählen Sie einen Polygonlayer mit Bezirken.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="413" />
            <source>{n} quarters have no usable population in '{field}' (empty, placeholder or suppressed); they count as unknown.</source>
            <translation>{n} Quartiere haben keine verwertbare Einwohnerzahl in „{field}“ (leer, Platzhalter oder gesperrt); sie zählen als unbekannt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="449" />
            <source>No catchment of at most {m} minutes in '{layer}': coverage is 0.</source>
            <translation>Kein Einzugsbereich von höchstens {m} Minuten in „{layer}“: Die Erreichbarkeit ist 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="435" />
            <source>Layer '{layer}' has no fields pop_total and {field}: the coverage figure apportions the catchments by area instead. Run 'Walking catchments of docking points' with a band of {m} minutes.</source>
            <translation>Layer „{layer}“ hat keine Felder pop_total und {field}: Die Erreichbarkeit wird stattdessen flächenanteilig berechnet. Führen Sie „Fußläufige Einzugsbereiche von Andockstellen“ mit einer Zeitstufe von {m} Minuten aus.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="259" />
            <source>Could not open the pages output '{dest}' again.</source>
            <translation>Die Seitenausgabe „{dest}“ konnte nicht wieder geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="261" />
            <source>Building the print layout…</source>
            <translation>Drucklayout wird erstellt…</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="680" />
            <source>Could not copy layer '{layer}' for the map.</source>
            <translation>Layer „{layer}“ konnte nicht für die Karte kopiert werden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="269" />
            <source>Exporting {n} pages to PDF…</source>
            <translation>{n} Seiten werden als PDF exportiert…</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="274" />
            <source>The PDF could not be written to '{path}': {error}</source>
            <translation>Das PDF konnte nicht nach „{path}“ geschrieben werden: {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="638" />
            <source>Exporting the pages as PNG…</source>
            <translation>Seiten werden als PNG exportiert…</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="643" />
            <source>The PNG pages could not be written to '{path}': {error}</source>
            <translation>Die PNG-Seiten konnten nicht nach „{path}“ geschrieben werden: {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="644" />
            <source>PNG pages: {files}</source>
            <translation>PNG-Seiten: {files}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="281" />
            <source>Layout '{name}' ({n} pages) added to the project; PDF: {pdf}</source>
            <translation>Layout „{name}“ ({n} Seiten) zum Projekt hinzugefügt; PDF: {pdf}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="183" />
            <source>Data reference dates</source>
            <translation>Datenstand der Quellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="183" />
            <source>The reference date of each data source, printed on every page, e.g. 'population register 31.12.2020; social monitoring 2013; OpenStreetMap 2025'. Empty: taken from the layers' metadata (temporal extent or publication date) where it is set, else the map says 'not given'. The date the map was made is printed separately.</source>
            <translation>Der Datenstand jeder Quelle, auf jeder Seite gedruckt, z. B. „Einwohnerregister 31.12.2020; Sozialmonitoring 2013; OpenStreetMap 2025“. Leer: aus den Metadaten der Layer (zeitliche Ausdehnung oder Veröffentlichungsdatum), wo sie gesetzt sind, sonst steht auf der Karte „nicht angegeben“. Das Erstellungsdatum der Karte wird getrennt davon gedruckt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="187" />
            <source>Issuing office</source>
            <translation>Herausgeber</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="187" />
            <source>The office that issues the map, printed on every page (e.g. 'Bezirksamt Mitte, Stadtentwicklungsamt'). Empty: the map says 'not given'.</source>
            <translation>Die Stelle, die die Karte herausgibt, auf jeder Seite gedruckt (z. B. „Bezirksamt Mitte, Stadtentwicklungsamt“). Leer: auf der Karte steht „nicht angegeben“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="191" />
            <source>Sources and licences printed on every page, e.g. '© OpenStreetMap contributors (ODbL); statistical office …'. Keep the OpenStreetMap attribution when OSM data is shown. Empty: the map says 'not given'.</source>
            <translation>Quellen und Lizenzen, auf jeder Seite gedruckt, z. B. „© OpenStreetMap-Mitwirkende (ODbL); Statistisches Amt …“. Behalten Sie die OpenStreetMap-Angabe, wenn OSM-Daten gezeigt werden. Leer: auf der Karte steht „nicht angegeben“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="195" />
            <source>Walking network (where coverage can be measured)</source>
            <translation>Fußwegenetz (wo die Erreichbarkeit messbar ist)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="195" />
            <source>The walking network the catchments were computed on. An area with less than half of its surface within 100 m of it (no street data, outside the network's extent) is 'not measurable': left out of the coverage figure, hatched on the map and listed in the key figures. Empty: the streets layer.</source>
            <translation>Das Fußwegenetz, auf dem die Einzugsbereiche berechnet wurden. Ein Gebiet, dessen Fläche zu weniger als der Hälfte höchstens 100 m vom Netz entfernt liegt (keine Straßendaten, außerhalb des Netzes), ist „nicht messbar“: Es wird bei der Erreichbarkeit nicht mitgezählt, auf der Karte schraffiert und in den Kennzahlen genannt. Leer: der Straßen-Layer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="461" />
            <source>No walking network or streets given: every area counts as measurable for the coverage figure.</source>
            <translation>Kein Fußwegenetz und keine Straßen angegeben: Jedes Gebiet gilt für die Erreichbarkeit als messbar.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="503" />
            <source>No facility at all in the input for: {cats}. These categories are shown as 'no data', not as missing offers.</source>
            <translation>Keine einzige Einrichtung in den Eingangsdaten für: {cats}. Diese Kategorien erscheinen als „keine Daten“, nicht als fehlende Angebote.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="509" />
            <source>{n} of {total} facilities have no category of the scheme.</source>
            <translation>{n} von {total} Einrichtungen haben keine Kategorie des Schemas.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="511" />
            <source>No data attribution given: the map says 'not given'. Name the data sources (and keep the OpenStreetMap attribution when OSM data is shown).</source>
            <translation>Keine Quellenangabe: Auf der Karte steht „nicht angegeben“. Nennen Sie die Datenquellen (und behalten Sie die OpenStreetMap-Angabe, wenn OSM-Daten gezeigt werden).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="513" />
            <source>No issuing office given: the map says 'not given'.</source>
            <translation>Kein Herausgeber angegeben: Auf der Karte steht „nicht angegeben“.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/strategy_map.py" line="697" />
            <source>Could not store layer '{layer}' for the map in '{path}': {error}</source>
            <translation>Layer „{layer}“ konnte für die Karte nicht in „{path}“ gespeichert werden: {error}</translation>
        </message>
    </context>
    <context>
        <name>SuggestDockingPointsAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="126" />
            <source>Suggest docking points</source>
            <translation>Andockstellen vorschlagen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="129" />
            <source>Ranks candidate sites that, with the existing docking points, reach the most arrivals on foot, and says how close the list is to the best possible.</source>
            <translation>Ordnet Standortkandidaten danach, wie viele Ankommende sie zusammen mit den bestehenden Andockstellen fußläufig erreichen, und zeigt, wie nah die Liste am bestmöglichen Ergebnis liegt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="132" />
            <source>docking point,Andockstelle,siting,maximal covering,MCLP,walking,arrival quarter,optimisation</source>
            <translation>Andockstelle,docking point,Standortplanung,Maximal Covering,MCLP,fußläufig,Ankunftsquartier,Optimierung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="136" />
            <source>Demand (areas or points)</source>
            <translation>Nachfrage (Gebiete oder Punkte)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="136" />
            <source>Where the people to reach live: areas (e.g. planning areas, blocks) or points (e.g. addresses), with their number in the weight field.</source>
            <translation>Wo die zu erreichenden Menschen wohnen: Gebiete (z. B. Planungsräume, Blöcke) oder Punkte (z. B. Adressen), mit ihrer Zahl im Gewichtungsfeld.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="144" />
            <source>Weight field (people)</source>
            <translation>Gewichtungsfeld (Personen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="144" />
            <source>Number of people per demand feature, e.g. population of the arrival quarters, or arrivals. Placeholders such as '.', '-' or 'x' count as 0 and are reported. Empty: every feature counts 1.</source>
            <translation>Zahl der Menschen je Nachfrageobjekt, z. B. Einwohnerzahl der Ankunftsquartiere oder Zuzüge. Platzhalter wie '.', '-' oder 'x' zählen als 0 und werden gemeldet. Leer: jedes Objekt zählt 1.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="154" />
            <source>Buildings (place demand on buildings)</source>
            <translation>Gebäude (Nachfrage auf Gebäude verteilen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="154" />
            <source>Optional: building footprints. Each demand area's weight is spread over the buildings inside it in proportion to footprint area, so people sit where they live. Areas without buildings (and all areas when no buildings are given) spread their weight over a regular grid of points.</source>
            <translation>Optional: Gebäudegrundrisse. Das Gewicht jedes Nachfragegebiets wird nach Grundfläche auf die Gebäude darin verteilt, damit die Menschen dort liegen, wo sie wohnen. Gebiete ohne Gebäude (und alle Gebiete, wenn keine Gebäude angegeben sind) verteilen ihr Gewicht auf ein regelmäßiges Punktraster.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="161" />
            <source>Candidate sites</source>
            <translation>Standortkandidaten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="161" />
            <source>Points where a docking point could go: shops, markets, libraries, post offices, stops, ground floors of housing companies …</source>
            <translation>Punkte, an denen eine Andockstelle entstehen könnte: Geschäfte, Märkte, Bibliotheken, Postfilialen, Haltestellen, Erdgeschosse von Wohnungsunternehmen …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="165" />
            <source>Existing docking points (kept)</source>
            <translation>Bestehende Andockstellen (bleiben)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="165" />
            <source>Optional: docking points that exist already. They stay; people they reach already count as covered, and new sites are chosen for the rest.</source>
            <translation>Optional: bereits bestehende Andockstellen. Sie bleiben; wen sie erreichen, gilt schon als versorgt, und neue Standorte werden für die übrigen Menschen gewählt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="173" />
            <source>Walking time (minutes)</source>
            <translation>Gehzeit (Minuten)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="173" />
            <source>A demand point counts as reached by a site when the walk is at most this long ('um die Ecke').</source>
            <translation>Ein Nachfragepunkt gilt als von einem Standort erreicht, wenn der Fußweg höchstens so lange dauert ('um die Ecke').</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="180" />
            <source>Number of new sites</source>
            <translation>Anzahl neuer Standorte</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="180" />
            <source>How many new docking points to suggest. The list is ranked: the first sites add the most.</source>
            <translation>Wie viele neue Andockstellen vorgeschlagen werden. Die Liste ist nach Rang geordnet: Die ersten Standorte bringen am meisten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="186" />
            <source>Method</source>
            <translation>Verfahren</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="186" />
            <source>Greedy (fast, gap reported)</source>
            <translation>Greedy (schnell, Lücke wird angegeben)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="186" />
            <source>Exact (MILP, proves the optimum)</source>
            <translation>Exakt (MILP, beweist das Optimum)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="186" />
            <source>Greedy adds one site at a time, always the one that reaches the most people not yet reached; it is guaranteed to reach at least 63 % of the best possible and usually much more, and its gap to the best is reported. Exact solves the problem with a mixed-integer program (HiGHS) and proves the optimum, or reports the proven gap when the time limit is hit.</source>
            <translation>Greedy nimmt schrittweise den Standort hinzu, der die meisten noch nicht erreichten Menschen erreicht; garantiert sind mindestens 63 % des Bestmöglichen, meist deutlich mehr, und der Abstand zum Optimum wird angegeben. Exakt löst das Problem als gemischt-ganzzahliges Programm (HiGHS) und beweist das Optimum oder nennt beim Zeitlimit die bewiesene Lücke.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="195" />
            <source>Visibility (passers-by)</source>
            <translation>Sichtbarkeit (Laufkundschaft)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="195" />
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="195" />
            <source>From a candidate field</source>
            <translation>Aus einem Feld der Kandidaten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="195" />
            <source>Street length within a short walk (computed)</source>
            <translation>Straßenlänge in kurzer Gehentfernung (berechnet)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="195" />
            <source>Docking points should be visible 'im Vorbeigehen'. Visibility breaks ties between equally good sites and, with a visibility weight above 0, can outweigh a little coverage. Computed: the length of streets reachable within the visibility radius (street-network density and connectivity, a proxy for footfall).</source>
            <translation>Andockstellen sollen 'im Vorbeigehen' sichtbar sein. Die Sichtbarkeit entscheidet zwischen gleich guten Standorten und kann mit einem Sichtbarkeitsgewicht über 0 etwas Versorgung aufwiegen. Berechnet: die Länge der Straßen, die im Sichtbarkeitsradius erreichbar sind (Dichte und Verknüpfung des Straßennetzes, ein Näherungswert für Laufkundschaft).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="204" />
            <source>Visibility field of the candidates</source>
            <translation>Sichtbarkeitsfeld der Kandidaten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="204" />
            <source>With 'From a candidate field': a number per candidate, higher is more visible (e.g. counted passers-by).</source>
            <translation>Bei 'Aus einem Feld der Kandidaten': eine Zahl je Kandidat, höher heißt sichtbarer (z. B. gezählte Passantinnen und Passanten).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="214" />
            <source>Visibility weight (percentage points of coverage)</source>
            <translation>Sichtbarkeitsgewicht (Prozentpunkte Versorgung)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="214" />
            <source>0: visibility only breaks ties. Above 0: the most visible candidate counts as if it reached this many percent of all people more; others in proportion to their visibility.</source>
            <translation>0: Sichtbarkeit entscheidet nur bei Gleichstand. Über 0: Der sichtbarste Kandidat zählt so, als erreichte er so viele Prozent aller Menschen zusätzlich; die anderen im Verhältnis ihrer Sichtbarkeit.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="225" />
            <source>Visibility radius (m)</source>
            <translation>Sichtbarkeitsradius (m)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="225" />
            <source>Computed visibility: street length reachable within this walking distance of the candidate.</source>
            <translation>Berechnete Sichtbarkeit: Straßenlänge, die innerhalb dieser Gehentfernung vom Kandidaten erreichbar ist.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="233" />
            <source>Grid spacing for areas without buildings (m)</source>
            <translation>Rasterabstand für Gebiete ohne Gebäude (m)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="233" />
            <source>Areas without buildings spread their weight evenly over grid points this far apart.</source>
            <translation>Gebiete ohne Gebäude verteilen ihr Gewicht gleichmäßig auf Rasterpunkte in diesem Abstand.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="240" />
            <source>Time limit of the exact method (s)</source>
            <translation>Zeitlimit des exakten Verfahrens (s)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="240" />
            <source>The exact method stops after this time with the best solution found and its proven gap.</source>
            <translation>Das exakte Verfahren endet nach dieser Zeit mit der besten gefundenen Lösung und ihrer bewiesenen Lücke.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="247" />
            <source>Time to check the greedy result (s)</source>
            <translation>Zeit zur Prüfung des Greedy-Ergebnisses (s)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="247" />
            <source>Greedy: the exact problem is also solved for at most this long to measure the gap to the optimum; if it does not finish, the best proven bound is used. 0: only the bound from the greedy run itself (fast, looser).</source>
            <translation>Greedy: Das exakte Problem wird zusätzlich höchstens so lange gelöst, um den Abstand zum Optimum zu messen; endet es nicht, gilt die beste bewiesene Schranke. 0: nur die Schranke aus dem Greedy-Lauf selbst (schnell, gröber).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="260" />
            <source>Suggested docking points</source>
            <translation>Vorgeschlagene Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="260" />
            <source>The chosen candidates with their attributes and rank, added_weight (people newly reached), cum_coverage_pct (share of all people reached with the existing sites and ranks 1…rank) and visibility.</source>
            <translation>Die gewählten Kandidaten mit ihren Attributen und rank, added_weight (neu erreichte Menschen), cum_coverage_pct (Anteil aller Menschen, die die bestehenden Standorte und die Ränge 1…rank erreichen) und visibility.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="264" />
            <source>Coverage before (%)</source>
            <translation>Versorgung vorher (%)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="265" />
            <source>Coverage after (%)</source>
            <translation>Versorgung nachher (%)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="266" />
            <source>Optimality gap (%)</source>
            <translation>Optimalitätslücke (%)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="267" />
            <source>Basis of the gap</source>
            <translation>Grundlage der Lücke</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="268" />
            <source>Demand too far from the network (%)</source>
            <translation>Nachfrage zu weit vom Netz (%)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="284" />
            <source>against the proven optimum</source>
            <translation>gegenüber dem bewiesenen Optimum</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="285" />
            <source>against the solver's proven upper bound (the optimum was not reached in the time limit)</source>
            <translation>gegenüber der bewiesenen oberen Schranke des Lösers (das Optimum wurde im Zeitlimit nicht erreicht)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="286" />
            <source>against an upper bound from the greedy run itself (the true gap is smaller or equal)</source>
            <translation>gegenüber einer oberen Schranke aus dem Greedy-Lauf selbst (die wahre Lücke ist kleiner oder gleich)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="287" />
            <source>nothing left to choose</source>
            <translation>nichts mehr zu wählen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="333" />
            <source>Visibility 'From a candidate field' needs a field: choose the visibility field of layer '{layer}'.</source>
            <translation>Sichtbarkeit 'Aus einem Feld der Kandidaten' braucht ein Feld: Wählen Sie das Sichtbarkeitsfeld des Layers '{layer}'.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="358" />
            <source>Working in {crs}; reach: {minutes:g} min at {speed:g} km/h = {metres:.0f} m.</source>
            <translation>Berechnung in {crs}; Reichweite: {minutes:g} Min. bei {speed:g} km/h = {metres:.0f} m.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="361" />
            <source>Building the walking graph of '{layer}'…</source>
            <translation>Erstelle den Fußwegegraphen von '{layer}' …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="364" />
            <source>Layer '{layer}' gives no walkable edges. Check that it holds lines in the area of the demand.</source>
            <translation>Layer '{layer}' ergibt keine begehbaren Kanten. Prüfen Sie, ob sie Linien im Gebiet der Nachfrage enthält.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="399" />
            <source>Layer '{layer}' has no features.</source>
            <translation>Layer '{layer}' hat keine Objekte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="380" />
            <source>Layer '{layer}', field '{field}': {n} features have no number (empty or a placeholder such as '.', '-', 'x'); they count as 0.</source>
            <translation>Layer '{layer}', Feld '{field}': {n} Objekte haben keine Zahl (leer oder ein Platzhalter wie '.', '-', 'x'); sie zählen als 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="386" />
            <source>Layer '{layer}', field '{field}': {n} features have negative weights; they count as 0.</source>
            <translation>Layer '{layer}', Feld '{field}': {n} Objekte haben negative Gewichte; sie zählen als 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="402" />
            <source>Layer '{layer}': {n} features without geometry are left out.</source>
            <translation>Layer '{layer}': {n} Objekte ohne Geometrie bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="410" />
            <source>{n} buildings read from '{layer}'.</source>
            <translation>{n} Gebäude aus '{layer}' gelesen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="415" />
            <source>Layer '{layer}' gives no demand with a positive weight. Check the weight field and the geometries.</source>
            <translation>Layer '{layer}' ergibt keine Nachfrage mit positivem Gewicht. Prüfen Sie das Gewichtungsfeld und die Geometrien.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="428" />
            <source>Layer '{layer}' has no features. Give at least one candidate site.</source>
            <translation>Layer '{layer}' hat keine Objekte. Geben Sie mindestens einen Standortkandidaten an.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="435" />
            <source>{n} of {total} candidates of '{layer}' are farther than {d:g} m from the network (or have no geometry) and cannot be chosen.</source>
            <translation>{n} von {total} Kandidaten aus '{layer}' liegen weiter als {d:g} m vom Netz entfernt (oder haben keine Geometrie) und können nicht gewählt werden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="442" />
            <source>No candidate of '{layer}' lies within {d:g} m of the walking network. Check that candidates and network cover the same area (and their CRS), or raise the maximum distance to the network.</source>
            <translation>Kein Kandidat aus '{layer}' liegt innerhalb von {d:g} m vom Fußwegenetz. Prüfen Sie, ob Kandidaten und Netz dasselbe Gebiet abdecken (und ihr KBS), oder erhöhen Sie den maximalen Abstand zum Netz.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="448" />
            <source>Only {n} candidates: all of them are listed.</source>
            <translation>Nur {n} Kandidaten: Alle werden aufgeführt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="455" />
            <source>{n} demand points ({pct:.1f} % of the weight, {people} people) are farther than {d:g} m from the network: nobody can reach them, they count as not covered.</source>
            <translation>{n} Nachfragepunkte ({pct:.1f} % des Gewichts, {people} Personen) liegen weiter als {d:g} m vom Netz entfernt: Niemand erreicht sie, sie gelten als nicht versorgt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="471" />
            <source>{n} existing docking points of '{layer}' are farther than {d:g} m from the network and reach nobody.</source>
            <translation>{n} bestehende Andockstellen aus '{layer}' liegen weiter als {d:g} m vom Netz entfernt und erreichen niemanden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="300" />
            <source>Walking reach of {n} candidates to {m} demand points…</source>
            <translation>Fußläufige Erreichbarkeit von {n} Kandidaten zu {m} Nachfragepunkten …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="491" />
            <source>Layer '{layer}', field '{field}': {n} candidates have no number; they count as least visible.</source>
            <translation>Layer '{layer}', Feld '{field}': {n} Kandidaten haben keine Zahl; sie gelten als am wenigsten sichtbar.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="497" />
            <source>Street length within {r:g} m of each candidate…</source>
            <translation>Straßenlänge innerhalb von {r:g} m um jeden Kandidaten …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="507" />
            <source>exact</source>
            <translation>exakt</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="507" />
            <source>greedy</source>
            <translation>Greedy</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="508" />
            <source>Choosing {k} sites ({method})…</source>
            <translation>Wähle {k} Standorte ({method}) …</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="583" />
            <source>{n} areas of '{layer}' spread over their buildings by footprint area.</source>
            <translation>{n} Gebiete aus '{layer}' nach Grundfläche auf ihre Gebäude verteilt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="586" />
            <source>{n} areas of '{layer}' contain no building; their weight is spread over a regular grid of points.</source>
            <translation>{n} Gebiete aus '{layer}' enthalten kein Gebäude; ihr Gewicht wird auf ein regelmäßiges Punktraster verteilt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="590" />
            <source>{n} areas of '{layer}' spread over a regular grid of points.</source>
            <translation>{n} Gebiete aus '{layer}' auf ein regelmäßiges Punktraster verteilt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="592" />
            <source>Point demand is used as it is; buildings only place the demand of areas.</source>
            <translation>Punktnachfrage wird unverändert verwendet; Gebäude verteilen nur die Nachfrage von Gebieten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="593" />
            <source>{m} demand points.</source>
            <translation>{m} Nachfragepunkte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="596" />
            <source>Coverage: {before:.1f} % of the people are reached by the existing docking points, {after:.1f} % with the {k} new sites.</source>
            <translation>Versorgung: {before:.1f} % der Menschen erreichen die bestehenden Andockstellen, {after:.1f} % mit den {k} neuen Standorten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="602" />
            <source>{pct:.1f} % of the people are out of reach of every candidate and existing site within the walking time.</source>
            <translation>{pct:.1f} % der Menschen liegen innerhalb der Gehzeit außer Reichweite aller Kandidaten und bestehenden Standorte.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="609" />
            <source>No upper bound could be proven: the optimality gap is unknown.</source>
            <translation>Es konnte keine obere Schranke bewiesen werden: Die Optimalitätslücke ist unbekannt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="611" />
            <source>Optimality gap: {gap:.2f} % of the people the new sites add ({basis}).</source>
            <translation>Optimalitätslücke: {gap:.2f} % der Menschen, die die neuen Standorte hinzugewinnen ({basis}).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="615" />
            <source>The exact optimum was computed too ({s:.1f} s).</source>
            <translation>Das exakte Optimum wurde ebenfalls berechnet ({s:.1f} s).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="617" />
            <source>The exact method hit its time limit: the result is the best found, within the gap shown of the optimum. Raise the time limit to prove the optimum.</source>
            <translation>Das exakte Verfahren hat sein Zeitlimit erreicht: Das Ergebnis ist das beste gefundene, höchstens um die angegebene Lücke vom Optimum entfernt. Erhöhen Sie das Zeitlimit, um das Optimum zu beweisen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="620" />
            <source>Time: greedy {g:.2f} s, solver {m:.2f} s, total {t:.1f} s.</source>
            <translation>Zeit: Greedy {g:.2f} s, Löser {m:.2f} s, gesamt {t:.1f} s.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/suggest_docking_points.py" line="574" />
            <source>{d} demand points, {c} candidates and {e} existing docking points lay nearest to a small disconnected fragment of the network and were moved onto the connected network.</source>
            <translation>{d} Nachfragepunkte, {c} Kandidaten und {e} bestehende Andockstellen lagen am nächsten an einem kleinen, nicht angebundenen Teilstück des Netzes und wurden auf das zusammenhängende Netz verschoben.</translation>
        </message>
    </context>
    <context>
        <name>WalkingCatchmentsAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="173" />
            <source>Walking catchments of docking points</source>
            <translation>Fußläufige Einzugsbereiche der Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="176" />
            <source>Areas and people within 5, 10 and 15 minutes' walk of each docking point, along streets and footpaths.</source>
            <translation>Flächen und Menschen, die von jeder Andockstelle aus in 5, 10 und 15 Minuten zu Fuß über Straßen und Wege erreichbar sind.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="179" />
            <source>walking,catchment,isochrone,service area,Einzugsbereich,Andockstelle,fußläufig,population,accessibility</source>
            <translation>zu Fuß,Einzugsbereich,Isochrone,Einzugsgebiet,Erreichbarkeit,Andockstelle,fußläufig,Bevölkerung,Versorgung</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="183" />
            <source>Docking points</source>
            <translation>Andockstellen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="183" />
            <source>The docking points (Andockstellen) or any other places whose walking catchments you need.</source>
            <translation>Die Andockstellen oder andere Orte, deren fußläufige Einzugsbereiche Sie brauchen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="187" />
            <source>Point id field</source>
            <translation>Feld der Punkt-ID</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="187" />
            <source>Field that names each point in the output (point_id). Empty: the feature id.</source>
            <translation>Feld, das jeden Punkt im Ergebnis benennt (point_id). Leer: die Objekt-ID.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="191" />
            <source>Walking minutes (bands)</source>
            <translation>Gehminuten (Zeitstufen)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="198" />
            <source>Catchments</source>
            <translation>Einzugsbereiche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="198" />
            <source>One per point and band</source>
            <translation>Je Punkt und Zeitstufe</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="198" />
            <source>Dissolved per band</source>
            <translation>Verschmolzen je Zeitstufe</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="198" />
            <source>Nearest point, non-overlapping bands</source>
            <translation>Nächster Punkt, überschneidungsfreie Zeitstufen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="198" />
            <source>Per point: nested polygons for every point. Dissolved: one polygon per band for all points together (the covered area; gaps stand out). Nearest point: every place is given to the docking point nearest on foot, in rings of the bands, without overlaps.</source>
            <translation>Je Punkt: ineinander liegende Flächen für jeden Punkt. Verschmolzen: eine Fläche je Zeitstufe für alle Punkte zusammen (die versorgte Fläche; Lücken fallen auf). Nächster Punkt: Jeder Ort gehört zur fußläufig nächsten Andockstelle, in Ringen der Zeitstufen, ohne Überschneidungen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="206" />
            <source>Buffer around reached paths (m)</source>
            <translation>Puffer um erreichte Wege (m)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="206" />
            <source>The catchment is the reached streets and paths widened by this distance (25–40 m covers the houses along them). It never bridges rivers or railways the network does not cross.</source>
            <translation>Der Einzugsbereich besteht aus den erreichten Straßen und Wegen, um diese Entfernung verbreitert (25–40 m erfassen die anliegenden Häuser). Er überbrückt nie Flüsse oder Bahnanlagen, die das Netz nicht quert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="210" />
            <source>Population areas</source>
            <translation>Bevölkerungsflächen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="210" />
            <source>Optional polygons with a population count (e.g. planning areas or blocks). Population is counted per catchment: by the share of the area inside it, or, with buildings, by the buildings reached.</source>
            <translation>Optionale Flächen mit Einwohnerzahl (z. B. Planungsräume oder Blöcke). Die Bevölkerung wird je Einzugsbereich gezählt: nach dem Flächenanteil darin oder, mit Gebäuden, nach den erreichten Gebäuden.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="214" />
            <source>Population field</source>
            <translation>Feld der Einwohnerzahl</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="214" />
            <source>Number of inhabitants per area. German placeholders ('.', '-', 'x') count as unknown, not as 0.</source>
            <translation>Einwohnerzahl je Fläche. Platzhalter der amtlichen Statistik ('.', '-', 'x') gelten als unbekannt, nicht als 0.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="218" />
            <source>Buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="218" />
            <source>Optional building footprints: each area's population is spread over its buildings by footprint area, and a building counts when it is within the walking time (far more accurate for large blocks).</source>
            <translation>Optionale Gebäudegrundrisse: Die Bevölkerung jeder Fläche wird nach Grundfläche auf ihre Gebäude verteilt, und ein Gebäude zählt, wenn es innerhalb der Gehzeit liegt (bei großen Blöcken deutlich genauer).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="224" />
            <source>Raster cell size (m)</source>
            <translation>Zellgröße des Rasters (m)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="224" />
            <source>Cell size of the optional raster of walking minutes.</source>
            <translation>Zellgröße des optionalen Rasters der Gehminuten.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="235" />
            <source>Walking catchments</source>
            <translation>Fußläufige Einzugsbereiche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="235" />
            <source>Polygons with point_id, minutes, reach_m (network length reached), area_m2, population, snap_status and snap_dist_m.</source>
            <translation>Flächen mit point_id, minutes, reach_m (erreichte Netzlänge), area_m2, population, snap_status und snap_dist_m.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="239" />
            <source>Population areas with walking minutes</source>
            <translation>Bevölkerungsflächen mit Gehminuten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="239" />
            <source>Each population area with walk_min to the nearest docking point, nearest_id, and the population within each band (pop_5, pop_10, …).</source>
            <translation>Jede Bevölkerungsfläche mit walk_min zur nächsten Andockstelle, nearest_id und der Bevölkerung je Zeitstufe (pop_5, pop_10, …).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="243" />
            <source>Walking minutes raster</source>
            <translation>Raster der Gehminuten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="243" />
            <source>GeoTIFF: walking minutes to the nearest docking point on a grid (cell size under advanced parameters).</source>
            <translation>GeoTIFF: Gehminuten zur nächsten Andockstelle auf einem Raster (Zellgröße unter den erweiterten Parametern).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="258" />
            <source>The network is in degrees; the analysis uses {crs} (metres).</source>
            <translation>Das Netz liegt in Grad vor; die Analyse verwendet {crs} (Meter).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="305" />
            <source>The point layer '{layer}' has no features. Add docking points (or check its filter and selection) and run again.</source>
            <translation>Der Punktlayer '{layer}' enthält keine Objekte. Fügen Sie Andockstellen hinzu (oder prüfen Sie Filter und Auswahl) und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="387" />
            <source>Population areas with walking minutes need population areas and a population field; that output is left empty.</source>
            <translation>Bevölkerungsflächen mit Gehminuten brauchen Bevölkerungsflächen und ein Feld der Einwohnerzahl; dieses Ergebnis bleibt leer.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="407" />
            <source>{ok} of {n} points lie on or near the network.</source>
            <translation>{ok} von {n} Punkten liegen am oder nahe am Netz.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="413" />
            <source>{n} points are farther than {d:g} m from the network or have no geometry and get no catchment (snap_status): {list}</source>
            <translation>{n} Punkte sind weiter als {d:g} m vom Netz entfernt oder haben keine Geometrie und erhalten keinen Einzugsbereich (snap_status): {list}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="420" />
            <source>{n} points lie on a small part of the network that is not connected to the rest; their catchments stay small: {list}</source>
            <translation>{n} Punkte liegen auf einem kleinen Teil des Netzes, der nicht mit dem Rest verbunden ist; ihre Einzugsbereiche bleiben klein: {list}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="426" />
            <source>None of the points of '{layer}' lies within {d:g} m of the network. Check that points and network cover the same place, or raise the maximum distance to the network.</source>
            <translation>Keiner der Punkte von '{layer}' liegt innerhalb von {d:g} m am Netz. Prüfen Sie, ob Punkte und Netz dasselbe Gebiet abdecken, oder erhöhen Sie die Höchstentfernung zum Netz.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="444" />
            <source>Population areas '{layer}' are given without a population field. Choose the field with the number of inhabitants.</source>
            <translation>Die Bevölkerungsflächen '{layer}' sind ohne Feld der Einwohnerzahl angegeben. Wählen Sie das Feld mit der Einwohnerzahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="451" />
            <source>{n} population values of '{layer}' are empty or placeholders and count as unknown.</source>
            <translation>{n} Einwohnerwerte von '{layer}' sind leer oder Platzhalter und gelten als unbekannt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="453" />
            <source>{n} population areas have no geometry and are left out.</source>
            <translation>{n} Bevölkerungsflächen haben keine Geometrie und entfallen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="462" />
            <source>{b} buildings carry the population of {a} areas; {s} areas without buildings are counted by their surface.</source>
            <translation>{b} Gebäude tragen die Bevölkerung von {a} Flächen; {s} Flächen ohne Gebäude werden nach ihrer Fläche gezählt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="506" />
            <source>The raster would be too large; its cell size is raised to {c:.0f} m.</source>
            <translation>Das Raster wäre zu groß; seine Zellgröße wird auf {c:.0f} m erhöht.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="315" />
            <source>{n} points lay nearest to a small disconnected fragment of the network and were moved onto the connected network.</source>
            <translation>{n} Punkte lagen einem kleinen, abgetrennten Netzstück am nächsten und wurden auf das zusammenhängende Netz gesetzt.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="399" />
            <source>Walking minutes to the nearest docking point</source>
            <translation>Gehminuten zur nächsten Andockstelle</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="230" />
            <source>Catchment polygons</source>
            <translation>Flächen der Einzugsbereiche</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="230" />
            <source>Off: only the figures (reach_m, population) per point and band, without polygons – much faster for many points. Population areas without buildings are counted by their surface and need the polygons: with such areas they are drawn anyway.</source>
            <translation>Aus: nur die Zahlen (reach_m, Bevölkerung) je Punkt und Zeitstufe, ohne Flächen – viel schneller bei vielen Punkten. Bevölkerungsgebiete ohne Gebäude zählen nach ihrem Flächenanteil und brauchen die Flächen: Mit solchen Gebieten werden sie trotzdem berechnet.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="284" />
            <source>Walking minutes (BANDS) '{text}' cannot be read. Give positive numbers separated by commas, e.g. 5,10,15, or by semicolons when you write decimal commas, e.g. 5;7,5;10.</source>
            <translation>Gehminuten (BANDS) '{text}' können nicht gelesen werden. Geben Sie positive Zahlen durch Kommas getrennt an, z. B. 5,10,15, oder durch Semikolons, wenn Sie Dezimalkommas schreiben, z. B. 5;7,5;10.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/walking_catchments.py" line="191" />
            <source>Walking times in minutes, separated by commas (5,10,15) or, with decimal commas, by semicolons (5;7,5;10).</source>
            <translation>Gehzeiten in Minuten, durch Kommas getrennt (5,10,15) oder, mit Dezimalkomma, durch Semikolons (5;7,5;10).</translation>
        </message>
    </context>
    <context>
        <name>WideTableToYearsAlgorithm</name>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="67" />
            <source>Wide table to one layer per year</source>
            <translation>Breite Tabelle in einen Layer je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="70" />
            <source>Splits a table with one field per year (einw_2019, einw_2020, …) into one layer per year with the same field names, ready for the arrival dynamics.</source>
            <translation>Teilt eine Tabelle mit einem Feld je Jahr (einw_2019, einw_2020, …) in einen Layer je Jahr mit gleichen Feldnamen auf, bereit für die Dynamik der Ankunftsquartiere.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="73" />
            <source>wide,long,years,time series,monitoring,reshape</source>
            <translation>breit,lang,Jahre,Zeitreihe,Monitoring,umformen</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="76" />
            <source>Wide table or layer</source>
            <translation>Breite Tabelle oder Layer</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="76" />
            <source>A table or layer with one field per indicator and year, named like einw_2019, einw_2020, ausl_2019 … (the year at the end, after _, -, . or directly). Fields without a year (id, name) are copied into every year. The input is never modified.</source>
            <translation>Eine Tabelle oder ein Layer mit einem Feld je Indikator und Jahr, benannt wie einw_2019, einw_2020, ausl_2019 … (die Jahreszahl am Ende, nach _, -, . oder direkt). Felder ohne Jahr (Schlüssel, Name) werden in jedes Jahr übernommen. Die Eingabe wird nie verändert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="80" />
            <source>Years to extract (comma-separated; empty = all)</source>
            <translation>Zu übernehmende Jahre (durch Kommas getrennt; leer = alle)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="80" />
            <source>Optional: only these years, e.g. 2016,2017,2018. Empty: every year found in the field names.</source>
            <translation>Optional: nur diese Jahre, z. B. 2016,2017,2018. Leer: alle Jahre, die in den Feldnamen vorkommen.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="84" />
            <source>GeoPackage with one layer per year</source>
            <translation>GeoPackage mit einem Layer je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="84" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="84" />
            <source>One GeoPackage with a layer year_&lt;year&gt; per year; each has the fields without a year plus the indicator fields without the year suffix (einw, ausl …).</source>
            <translation>Ein GeoPackage mit einem Layer year_&lt;Jahr&gt; je Jahr; jede enthält die Felder ohne Jahr und die Indikatorfelder ohne Jahreszahl (einw, ausl …).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="88" />
            <source>Layers per year</source>
            <translation>Layer je Jahr</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="89" />
            <source>Years (comma-separated, in the order of the layers)</source>
            <translation>Jahre (durch Kommas getrennt, in der Reihenfolge der Layer)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="90" />
            <source>Number of years</source>
            <translation>Anzahl der Jahre</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="103" />
            <source>Layer '{layer}' has no field whose name ends in a year (e.g. einw_2019). Fields: {fields}.</source>
            <translation>Der Layer '{layer}' hat kein Feld, dessen Name auf eine Jahreszahl endet (z. B. einw_2019). Felder: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="109" />
            <source>Field '{field}' names an indicator and year that another field already gives; it is ignored.</source>
            <translation>Das Feld '{field}' bezeichnet einen Indikator und ein Jahr, die schon ein anderes Feld liefert; es wird ignoriert.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="121" />
            <source>Years: '{value}' is not a year.</source>
            <translation>Jahre: '{value}' ist keine Jahreszahl.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="124" />
            <source>Layer '{layer}' has no fields for the year(s) {missing}; years found: {found}.</source>
            <translation>Der Layer '{layer}' hat keine Felder für die Jahre {missing}; gefundene Jahre: {found}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="130" />
            <source>Layer '{layer}': the field(s) {fields} exist both with and without a year; rename one of them.</source>
            <translation>Layer '{layer}': Die Felder {fields} gibt es mit und ohne Jahreszahl; benennen Sie eines davon um.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="136" />
            <source>Year {year}: no field for {fields}; these values are empty (NULL) in that year's layer.</source>
            <translation>Jahr {year}: kein Feld für {fields}; diese Werte bleiben im Layer dieses Jahres leer (NULL).</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="183" />
            <source>Could not write '{path}': {error}</source>
            <translation>'{path}' konnte nicht geschrieben werden: {error}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/wide_table_years.py" line="202" />
            <source>{n} layers written to {path} (years {years}); indicator fields: {fields}.</source>
            <translation>{n} Layer nach {path} geschrieben (Jahre {years}); Indikatorfelder: {fields}.</translation>
        </message>
    </context>
</TS>