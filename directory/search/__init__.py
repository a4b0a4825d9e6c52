"""Finding services for a client: the derived tables search reads (links to needs, search points,
rebuilt after every import), the one indexed read of candidates, and ranking them."""
