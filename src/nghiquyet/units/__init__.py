"""Units (cơ quan, đơn vị): the organisation tree that plans are assigned to."""
