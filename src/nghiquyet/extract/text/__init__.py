"""Normalising text as read: NFC and tone marks, hard wraps, page furniture, paragraphs and their line map."""
