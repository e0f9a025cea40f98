"""The Runs panel: recorded training runs, compared side by side (engine/runs.py holds the data)."""
