"""What the document says of itself: metadata from the title block, the body and the signature."""
