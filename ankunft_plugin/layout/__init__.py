"""Print layouts of Ankunft: the district strategy map (texts and key figures; layout building)."""
