"""Plans (kế hoạch thực hiện): the confirmed, editable content of a document that is tracked."""
