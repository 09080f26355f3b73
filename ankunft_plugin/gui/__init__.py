"""The plugin's desktop GUI: the "Ankunftsquartiere" dock panel."""
