"""Citizens' requests (Open311), debates, follow-up of commitments, councils and votes."""
