"""Figures in Vietnamese text: numbers, units, comparator and change words, quantities, targets."""
