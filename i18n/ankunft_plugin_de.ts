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
            <location filename="../ankunft_plugin/processing/base.py" line="40" />
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
            <location filename="../ankunft_plugin/processing/bridge.py" line="58" />
            <source>Layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.</source>
            <translation>Der Layer '{layer}' hat kein Feld '{field}'. Bitte eines seiner Felder wählen: {fields}.</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/bridge.py" line="212" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
    </context>
    <context>
        <name>AnkunftPlugin</name>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="60" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="43" />
            <source>Ankunftsquartiere panel</source>
            <translation>Arbeitsbereich Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="45" />
            <source>Open the Ankunftsquartiere workspace: classify, map infrastructure, walking catchments, docking points, strategy maps</source>
            <translation>Arbeitsbereich Ankunftsquartiere öffnen: Quartiere einordnen, Infrastruktur kartieren, fußläufige Einzugsbereiche, Andockstellen, Strategiekarten</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="48" />
            <source>Ankunftsquartiere algorithms (Processing toolbox)</source>
            <translation>Algorithmen Ankunftsquartiere (Processing-Werkzeugkiste)</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/plugin.py" line="52" />
            <source>Method and help</source>
            <translation>Methode und Hilfe</translation>
        </message>
    </context>
    <context>
        <name>AnkunftProvider</name>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="47" />
            <source>Ankunftsquartiere</source>
            <translation>Ankunftsquartiere</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="50" />
            <source>Ankunftsquartiere (arrival quarters) {}</source>
            <translation>Ankunftsquartiere {}</translation>
        </message>
        <message>
            <location filename="../ankunft_plugin/processing/provider.py" line="66" />
            <source>Could not read the model {}</source>
            <translation>Das Modell {} konnte nicht gelesen werden</translation>
        </message>
    </context>
</TS>