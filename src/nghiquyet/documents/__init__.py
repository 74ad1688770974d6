"""Documents (văn bản): uploaded files, their extraction and the reviewer's corrections."""
