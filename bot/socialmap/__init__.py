"""The social map: activity files, ranking and terms, municipalities and the reference catalogue."""
